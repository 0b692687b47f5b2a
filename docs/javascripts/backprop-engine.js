// The live page's arithmetic: a small, pure JavaScript copy of the backprop package (no DOM, no dependencies).
//
// It runs as a browser global (window.BackpropEngine, loaded by docs/live-example.md) and alone in V8, where
// tests/pages/test_live_engine.py evaluates it with mini-racer and compares every value with the Python package:
// the forward pass (backprop.forward), the four rules (backprop.rules), one whole iteration with the names
// `python -m backprop trace` prints, central finite differences (backprop.gradcheck), the way a number is written
// (backprop.show: num, apart, tex, eq; num and eq as show's up to 13 significant digits, the ones an iteration in
// doubles keeps, and with fewer decimals or scientific notation beyond, where show.num prints noise) and the classic slips of
// backprop.homework.MISTAKES, under the same names.
//
// A network is a plain object in the shapes of backprop.Network.to_dict():
//   {w_hidden: [[w11, w12], ...], b_hidden: [b1, ...], w_output: [[w41, ...]], b_output: [b4],
//    hidden: "logsig", output: "purelin"}
// with x an array of n_in numbers, d a number (one output) or an array of n_out numbers, eta > 0.
//
// Over 300 lines because the page loads it as one plain script (no bundler or module loader) and the
// tests evaluate that one file alone in V8 (mini-racer); each of its sections mirrors one part of the package.
(function (root) {
  "use strict";

  // ---------------------------------------------------------------------------------------------------------
  // Activations: f(v), and f' written with the output y = f(v), as backprop.activations.

  function logsig(v) { // stable, as the package's: exp only ever sees -|v|
    var z = Math.exp(-Math.abs(v));
    return v >= 0 ? 1 / (1 + z) : z / (1 + z);
  }

  var ACTIVATIONS = {
    logsig: { f: logsig, fPrimeFromOutput: function (y) { return y * (1 - y); } },
    tansig: { f: Math.tanh, fPrimeFromOutput: function (y) { return 1 - y * y; } },
    purelin: { f: function (v) { return v; }, fPrimeFromOutput: function () { return 1; } },
  };

  function activation(name) {
    var act = Object.prototype.hasOwnProperty.call(ACTIVATIONS, name) ? ACTIVATIONS[name] : null;
    if (!act) throw new Error("unknown activation " + JSON.stringify(name) + "; known: logsig, tansig, purelin");
    return act;
  }

  function targets(net, d) { // d as an array of n_out numbers
    return Array.isArray(d) ? d.slice() : [d];
  }

  // ---------------------------------------------------------------------------------------------------------
  // Forward pass: v_i = sum_k w_ik x_k + b_i, y_hi = f(v_i), v_j = sum_i w_ji y_hi + b_j, y_j = f(v_j).

  function dot(row, vec) {
    var s = 0;
    for (var k = 0; k < row.length; k++) s += row[k] * vec[k];
    return s;
  }

  function forward(net, x, options) {
    var fh = activation(net.hidden).f, fo = activation(net.output).f;
    var noHiddenBias = options && options.noHiddenBias;
    var vh = net.w_hidden.map(function (row, i) { return dot(row, x) + (noHiddenBias ? 0 : net.b_hidden[i]); });
    var yh = vh.map(fh);
    var vo = net.w_output.map(function (row, j) { return dot(row, yh) + net.b_output[j]; });
    var yo = vo.map(fo);
    return { x: x.slice(), vh: vh, yh: yh, vo: vo, yo: yo };
  }

  function cost(yo, d) {
    var s = 0;
    for (var j = 0; j < yo.length; j++) { var e = d[j] - yo[j]; s += e * e; }
    return 0.5 * s;
  }

  // ---------------------------------------------------------------------------------------------------------
  // The four rules, Δθ = -η ∂E/∂θ, all from the weights at time n (backprop.rules), written with their factors
  // (as backprop.homework.Factors) so that a classic slip can replace one factor:
  //   δ_j = e_j f'(v_j),  δ_i = f'(v_i) Σ_j δ_j w_ji(n),
  //   Δw_ji = η δ_j y_hi,  Δb_j = η δ_j · 1,  Δw_ik = η δ_i x_k,  Δb_i = η δ_i · 1.

  function rightFactors(net, fp, d, eta) {
    var e = fp.yo.map(function (y, j) { return d[j] - y; });
    return {
      fp: fp, eta: eta, e: e,
      fPrimeOutput: fp.yo.map(activation(net.output).fPrimeFromOutput),
      wBack: net.w_output,
      fPrimeHidden: fp.yh.map(activation(net.hidden).fPrimeFromOutput),
      outputWeightInput: fp.yh, outputBiasInput: 1, hiddenWeightInput: fp.x, hiddenBiasInput: 1,
    };
  }

  function updates(f) {
    var deltaJ = f.e.map(function (e, j) { return e * f.fPrimeOutput[j]; });
    var back = f.fPrimeHidden.map(function (_, i) {
      var s = 0;
      for (var j = 0; j < deltaJ.length; j++) s += deltaJ[j] * f.wBack[j][i];
      return s;
    });
    var deltaI = back.map(function (b, i) { return f.fPrimeHidden[i] * b; });
    return {
      deltaJ: deltaJ, back: back, deltaI: deltaI,
      dw_output: deltaJ.map(function (dj) { return f.outputWeightInput.map(function (y) { return f.eta * (dj * y); }); }),
      db_output: deltaJ.map(function (dj) { return f.eta * dj * f.outputBiasInput; }),
      dw_hidden: deltaI.map(function (di) { return f.hiddenWeightInput.map(function (x) { return f.eta * (di * x); }); }),
      db_hidden: deltaI.map(function (di) { return f.eta * di * f.hiddenBiasInput; }),
    };
  }

  // The four rules' updates and their factors for the sample (x, d) at learning rate eta.
  function rules(net, x, d, eta) {
    var f = rightFactors(net, forward(net, x), targets(net, d), eta);
    var u = updates(f);
    u.factors = f;
    return u;
  }

  function combine(a, b, op) {
    return Array.isArray(a) ? a.map(function (v, i) { return combine(v, b[i], op); }) : op(a, b);
  }

  function add(old, delta) { return old + delta; } // θ(n+1) = θ(n) + Δθ(n)

  function newNetwork(net, u, newValue) {
    newValue = newValue || add;
    return { w_hidden: combine(net.w_hidden, u.dw_hidden, newValue), b_hidden: combine(net.b_hidden, u.db_hidden, newValue),
      w_output: combine(net.w_output, u.dw_output, newValue), b_output: combine(net.b_output, u.db_output, newValue),
      hidden: net.hidden, output: net.output };
  }

  // One online iteration n -> n+1 (backprop.step).
  function step(net, x, d, eta) {
    return newNetwork(net, rules(net, x, d, eta));
  }

  // ---------------------------------------------------------------------------------------------------------
  // One iteration, every named quantity in the order `python -m backprop trace` prints them, then y(n+1), E(n+1).

  function wname(a, b) { return a < 10 && b < 10 ? "w" + a + b : "w" + a + "," + b; }

  // ops: {error(j), cost(yo)} for other arithmetic than a double's (handIteration's decimals)
  function rowsOf(net, d, fp, u, next, after, ops) {
    var nHid = fp.yh.length, nIn = fp.x.length, nOut = fp.yo.length, single = nOut === 1;
    var rows = [], i, j, k;
    var out = function (a) { return nHid + 1 + a; }; // the slides number the output 4
    var half = ops ? ops.cost : function (yo) {
      return 0.5 * yo.reduce(function (s, y, a) { return s + (d[a] - y) * (d[a] - y); }, 0);
    };
    var error = ops ? ops.error : function (j) { return d[j] - fp.yo[j]; };
    for (i = 0; i < nHid; i++) rows.push(["v" + (i + 1), fp.vh[i]]);
    for (i = 0; i < nHid; i++) rows.push(["y_h" + (i + 1), fp.yh[i]]);
    for (j = 0; j < nOut; j++) rows.push(["v" + out(j), fp.vo[j]]);
    for (j = 0; j < nOut; j++) rows.push([single ? "y" : "y" + out(j), fp.yo[j]]);
    for (j = 0; j < nOut; j++) rows.push([single ? "e" : "e" + out(j), error(j)]);
    rows.push(["E", half(fp.yo)]);
    for (j = 0; j < nOut; j++) for (i = 0; i < nHid; i++) rows.push(["Δ" + wname(out(j), i + 1), u.dw_output[j][i]]);
    for (j = 0; j < nOut; j++) rows.push(["Δb" + out(j), u.db_output[j]]);
    for (i = 0; i < nHid; i++) for (k = 0; k < nIn; k++) rows.push(["Δ" + wname(i + 1, k + 1), u.dw_hidden[i][k]]);
    for (i = 0; i < nHid; i++) rows.push(["Δb" + (i + 1), u.db_hidden[i]]);
    for (j = 0; j < nOut; j++) for (i = 0; i < nHid; i++) rows.push([wname(out(j), i + 1) + "(n+1)", next.w_output[j][i]]);
    for (j = 0; j < nOut; j++) rows.push(["b" + out(j) + "(n+1)", next.b_output[j]]);
    for (i = 0; i < nHid; i++) for (k = 0; k < nIn; k++) rows.push([wname(i + 1, k + 1) + "(n+1)", next.w_hidden[i][k]]);
    for (i = 0; i < nHid; i++) rows.push(["b" + (i + 1) + "(n+1)", next.b_hidden[i]]);
    for (j = 0; j < nOut; j++) rows.push([single ? "y(n+1)" : "y" + out(j) + "(n+1)", after.yo[j]]);
    rows.push(["E(n+1)", half(after.yo)]);
    return rows;
  }

  // One iteration as a student computes it (backprop.homework.iteration), with an optional slip:
  // how.forwardPass(net, x) at time n and again for y(n+1); how.slip(factors, net) -> factors; how.newValue(old, Δ);
  // how.cost(errors) for the rows E and E(n+1).
  // Returns {rows: [[name, value], ...] in trace order, fp, factors, updates, next: the network at n+1, after}.
  function iteration(net, x, d, eta, how) {
    how = how || {};
    d = targets(net, d);
    var fwd = how.forwardPass || forward;
    var fp = fwd(net, x);
    var f = rightFactors(net, fp, d, eta);
    if (how.slip) f = how.slip(f, net);
    var u = updates(f);
    var next = newNetwork(net, u, how.newValue);
    var after = fwd(next, x);
    var ops = how.cost && { error: function (j) { return d[j] - fp.yo[j]; },
      cost: function (yo) { return how.cost(yo.map(function (y, j) { return d[j] - y; })); } };
    return { rows: rowsOf(net, d, fp, u, next, after, ops), fp: fp, factors: f, updates: u, net: net, next: next,
      after: after };
  }

  function trace(net, x, d, eta) { return iteration(net, x, d, eta).rows; }

  // A sum of the iteration whose printed digits its own rounding could change: each field v at n and at n+1 (for
  // y(n+1)), e = d - y, and a cost E or E(n+1) written in scientific notation. A double rounds each addition to half a
  // unit in its 16th digit, so a sum of n terms is off by up to (n - 1) · 2^-53 · Σ|terms|; where that reaches half a
  // unit of the sum's last printed digit (six decimals, or the two digits of a tiny value), terms that cancel print
  // noise (999999 · (−100000.000000) + ... = 10000.120009 for 10000.12; after some twenty steps of training,
  // e = 2.2e-16 where the network's exact e is 3.5e-16). A worst case: the page refuses only where digitsOff finds a
  // printed digit that is not the value by hand, and then says why with this sum if it has one. v_j's error counts
  // the hidden outputs' (each f'(v_i) times its field's) times w_ji; e_j = d_j - f(v_j) is off by
  // f'(v_j) times v_j's error, and a cost E = Σ e_j^2 / 2 by about |e_j| times e_j's (a larger cost is written, like
  // every large value, with at most SIGNIFICANT digits). A hidden field that is 0 by hand is written 0
  // (hiddenField), and passes where its output is written as that of 0 (a logistic neuron's 1/2); where the output
  // keeps the rounding (tanh: y = −5.6e-17 for 0), it is such a sum.
  // Returns {where: "v4", term: the largest term, sum, error: how far the rounding may have moved it} for the first
  // such sum, or null; for a field 0 by hand whose output keeps its rounding, {where: "v1", sum: its double, error:
  // its size, zero: "y_h1", output: that output, byHand: f(0)}.
  function cancelling(it, d) {
    var found = null, nHid = it.fp.yh.length, dd = targets(null, d), unit = Math.pow(2, -53);
    function off(terms) {
      return (terms.length - 1) * unit * terms.reduce(function (a, b) { return a + Math.abs(b); }, 0);
    }
    // A sum is noise where its error reaches half a unit of its last printed digit; e and E (near convergence, where
    // they are written with two digits) also where a value within that error of it prints otherwise (1.554e-14 and
    // 1.545e-14, 9e-17 apart, print 1.6e-14 and 1.5e-14). A field keeps the half unit: one that is a tie by hand
    // (0.0000005 · 1) is written with "\approx" (eq), not refused.
    function consider(where, terms, sum, error, interval) {
      if (found) return;
      var largest = terms.reduce(function (a, b) { return Math.abs(b) > Math.abs(a) ? b : a; }, 0);
      if (!isFinite(sum) || !isFinite(error)) return; // an infinite field of n+1 (tanh of it is finite): no digits
      var flips = error >= unitOf(sum) / 2 ||
        (interval && inScientific(sum) && formulaText(sum - error) !== formulaText(sum + error));
      if (flips) found = { where: where, term: largest, sum: sum, error: error };
    }
    function sumOf(terms) { return terms.reduce(function (a, b) { return a + b; }, 0); }
    [[it.fp, it.net, ""], [it.after, it.next, "(n+1)"]].forEach(function (pass, p) {
      var fp = pass[0], net = pass[1], when = pass[2], hidden = activation(net.hidden), f = hidden.f;
      // each hidden output's error, f'(v_i) times its field's: carried into v_j below (a field whose terms of some
      // thousands cancel leaves 5e-13 in y_hi, and in e, where y = d by hand)
      var outputError = net.w_hidden.map(function (row, i) {
        var terms = row.map(function (w, k) { return w * fp.x[k]; }).concat([net.b_hidden[i]]), sum = sumOf(terms);
        var error = off(terms), where = "v" + (i + 1) + when;
        if (zeroByHand(row, fp.x, net.b_hidden[i])) { // 0 by hand: its rounding is no printed digit
          if (!found && formulaText(f(sum)) !== formulaText(f(0))) { // ... unless the output keeps it (tanh)
            found = { where: where, term: sum, sum: sum, error: Math.abs(sum), zero: "y_h" + (i + 1) + when,
              output: f(sum), byHand: f(0) };
          }
        } else {
          consider(where, terms, sum, error);
        }
        return hidden.fPrimeFromOutput(fp.yh[i]) * error + unit * Math.abs(fp.yh[i]);
      });
      var cost = 0, costError = 0, costTerms = [];
      net.w_output.forEach(function (row, j) {
        var terms = row.map(function (w, i) { return w * fp.yh[i]; }).concat([net.b_output[j]]);
        var error = off(terms) + row.reduce(function (a, w, i) { return a + Math.abs(w) * outputError[i]; }, 0);
        var y = fp.yo[j], e = dd[j] - y;
        consider("v" + (nHid + j + 1) + when, terms, sumOf(terms), error);
        // y = f(v_j) is off by f'(v_j) times that, and by its own rounding; e by its subtraction's too
        error = activation(net.output).fPrimeFromOutput(y) * error + unit * (Math.abs(y) + Math.abs(e));
        if (p === 0) consider(dd.length > 1 ? "e" + (j + 1) : "e", [dd[j], -y], e, error, true); // printed at n only
        cost += e * e / 2;
        costError += Math.abs(e) * error;
        costTerms = costTerms.concat([dd[j], -y]);
      });
      if (inScientific(cost)) consider("E" + when, costTerms, cost, costError, true);
    });
    return found;
  }

  // ---------------------------------------------------------------------------------------------------------
  // One iteration by hand (backprop._exact): every step from the numbers as typed (each double's shortest decimal,
  // typedDigits), in decimals rounded at their HAND_DIGITS-th significant digit, with e^a from its series. A bound on
  // a double's rounding (cancelling) cannot tell a digit that holds from one that does not in a large value, printed
  // to its 13th significant digit (SIGNIFICANT), nor near a tie at any size; this can: digitsOff compares each printed
  // value with its value by hand.

  var HAND_DIGITS = 80; // a page prints at most 17 significant digits; each step here rounds at the 80th
  var ONE = { m: 1n, e: 0 }, ZERO = { m: 0n, e: 0 };

  function toDigits(a, digits) { // a rounded to `digits` significant digits (half away from zero)
    var extra = (a.m < 0n ? -a.m : a.m).toString().length - digits;
    return extra > 0 ? roundedAt(a, a.e + extra) : a;
  }
  // 0 with any exponent is ZERO: 0 · 10^-(4.3 * 10^14), a product with a tiny factor, would make exactSum build 10^(4.3 *
  // 10^14) to align it
  function hand(a) { return a.m === 0n ? ZERO : toDigits(a, HAND_DIGITS); }
  function handSum(a, b) {
    // a term far below the other's last kept digit changes none of them: aligning e^-(10^6) with 1 would need a
    // number of 434,294 digits, and e^-(10^12) more than a BigInt holds
    if (a.m === 0n) return hand(b);
    if (b.m === 0n) return hand(a);
    var apart = adjusted(a) - adjusted(b);
    if (apart > HAND_DIGITS + 2) return hand(a);
    if (-apart > HAND_DIGITS + 2) return hand(b);
    return hand(exactSum(a, b));
  }
  function handProduct(a, b) { return hand(exactProduct(a, b)); }
  function handQuotient(a, b) { // a / b to HAND_DIGITS digits at least (truncated: off by a unit of the last one)
    var shift = HAND_DIGITS + (b.m < 0n ? -b.m : b.m).toString().length;
    return hand({ m: (a.m * 10n ** BigInt(shift)) / b.m, e: a.e - b.e - shift });
  }
  function negated(a) { return { m: -a.m, e: a.e }; }
  function sizeOf(a) { return Number(a.m.toString() + "e" + a.e); } // as a double, to compare

  // e^a for a <= 0: (e^(a / 2^s))^(2^s), with a / 2^s (exactly a · 5^s · 10^-s) below 10^-3 and its series to 10^-90;
  // the s squarings multiply the last digit's error by 2^s (2^21 at a = -2000, 2^60 at -10^15), far from the 17 digits
  // a page prints. A value far below a double's range stays a value (digitsOff refuses one whose double underflowed to
  // 0). Beyond -10^15 (fields of n+1 after a large step reach -10^30) it is taken as 0: e^-(10^15) is 10^-(4.3 * 10^14),
  // an exponent a double still holds exactly, and aligning such a value with 1 is what handSum skips.
  function expOfNegative(a) {
    var size = sizeOf(a), s = 0;
    if (size === 0) return ONE;
    if (size < -1e15) return ZERO;
    while (Math.abs(size) / Math.pow(2, s) > 1e-3) s++;
    var r = hand({ m: a.m * 5n ** BigInt(s), e: a.e - s }), sum = ONE, term = ONE;
    for (var k = 1; k <= 40 && term.m !== 0n; k++) {
      term = handQuotient(handProduct(term, r), { m: BigInt(k), e: 0 });
      sum = handSum(sum, term);
    }
    for (var q = 0; q < s; q++) sum = handProduct(sum, sum);
    return sum;
  }

  var BY_HAND = { // f(v) and f' from y = f(v), by hand; e^x is only ever raised to -|v| (logsig) or -2|v| (tanh)
    logsig: {
      f: function (v) {
        var z = expOfNegative(v.m < 0n ? v : negated(v));
        return v.m >= 0n ? handQuotient(ONE, handSum(ONE, z)) : handQuotient(z, handSum(ONE, z));
      },
      fPrimeFromOutput: function (y) { return handProduct(y, handSum(ONE, negated(y))); },
      // f'(v) = z / (1 + z)^2 with z = e^-|v|, from the field: from its output a saturated neuron's is 0 by hand too
      fPrimeAtField: function (v) {
        var z = expOfNegative(v.m < 0n ? v : negated(v)), u = handSum(ONE, z);
        return handQuotient(z, handProduct(u, u));
      },
    },
    tansig: {
      f: function (v) {
        var t = expOfNegative(handProduct(v.m < 0n ? v : negated(v), { m: 2n, e: 0 }));
        var q = handQuotient(handSum(ONE, negated(t)), handSum(ONE, t));
        return v.m < 0n ? negated(q) : q;
      },
      fPrimeFromOutput: function (y) { return handSum(ONE, negated(handProduct(y, y))); },
      // f'(v) = 4z / (1 + z)^2 with z = e^-2|v|
      fPrimeAtField: function (v) {
        var z = expOfNegative(handProduct(v.m < 0n ? v : negated(v), { m: 2n, e: 0 })), u = handSum(ONE, z);
        return handQuotient(handProduct({ m: 4n, e: 0 }, z), handProduct(u, u));
      },
    },
    purelin: { f: function (v) { return v; }, fPrimeFromOutput: function () { return ONE; } },
  };

  // backprop._exact.iteration: {name: decimal} for every step of trace (and f'(v1) ... after them), by hand. The last
  // one is kept by its arguments: an edit of the live page asks for it twice, for digitsOff and for the homework
  // check's marks (callers only read it).
  var lastHand = { key: null, value: null };
  function handIteration(net, x, d, eta) {
    var key = JSON.stringify([net, x, d, eta]);
    if (key !== lastHand.key) lastHand = { key: key, value: workedByHand(net, x, d, eta) };
    return lastHand.value;
  }

  function workedByHand(net, x, d, eta) {
    var hid = BY_HAND[net.hidden], out = BY_HAND[net.output], T = typedDigits;
    var xs = x.map(T), ds = targets(net, d).map(T), rate = T(eta);
    var sum = function (terms) { return terms.reduce(handSum); };
    var pass = function (wh, bh, wo, bo) {
      var vh = wh.map(function (row, i) { return sum(row.map(function (w, k) { return handProduct(w, xs[k]); })
        .concat([bh[i]])); });
      var yh = vh.map(hid.f);
      var vo = wo.map(function (row, j) { return sum(row.map(function (w, i) { return handProduct(w, yh[i]); })
        .concat([bo[j]])); });
      return { vh: vh, yh: yh, vo: vo, yo: vo.map(out.f) };
    };
    var typed = function (rows) { return rows.map(function (row) { return Array.isArray(row) ? row.map(T) : T(row); }); };
    var wh = typed(net.w_hidden), bh = typed(net.b_hidden), wo = typed(net.w_output), bo = typed(net.b_output);
    var fp = pass(wh, bh, wo, bo);
    var e = fp.yo.map(function (y, j) { return handSum(ds[j], negated(y)); });
    var fpo = fp.yo.map(out.fPrimeFromOutput), fph = fp.yh.map(hid.fPrimeFromOutput);
    var deltaOut = e.map(function (ej, j) { return handProduct(ej, fpo[j]); });
    var deltaHid = fph.map(function (f, i) {
      return handProduct(f, sum(deltaOut.map(function (dj, j) { return handProduct(dj, wo[j][i]); })));
    });
    var step = function (delta, input) { return handProduct(handProduct(rate, delta), input); };
    var u = {
      dw_output: deltaOut.map(function (dj) { return fp.yh.map(function (y) { return step(dj, y); }); }),
      db_output: deltaOut.map(function (dj) { return step(dj, ONE); }),
      dw_hidden: deltaHid.map(function (di) { return xs.map(function (xk) { return step(di, xk); }); }),
      db_hidden: deltaHid.map(function (di) { return step(di, ONE); }),
    };
    var plus = function (a, b) {
      return a.map(function (row, i) { return Array.isArray(row) ? plus(row, b[i]) : handSum(row, b[i]); });
    };
    var next = { w_hidden: plus(wh, u.dw_hidden), b_hidden: plus(bh, u.db_hidden), w_output: plus(wo, u.dw_output),
      b_output: plus(bo, u.db_output) };
    var after = pass(next.w_hidden, next.b_hidden, next.w_output, next.b_output);
    var half = function (yo) {
      return sum(yo.map(function (y, j) { var ej = handSum(ds[j], negated(y)); return handProduct(ej, ej); })
        .map(function (sq) { return handQuotient(sq, { m: 2n, e: 0 }); }));
    };
    var rows = {}, at = { vh: fp.vh, yh: fp.yh, vo: fp.vo, yo: fp.yo, x: xs };
    var ops = { error: function (j) { return e[j]; }, cost: half };
    rowsOf(net, ds, at, u, next, after, ops).forEach(function (row) { rows[row[0]] = row[1]; });
    fph.concat(fpo).forEach(function (f, i) { rows["f'(v" + (i + 1) + ")"] = f; });
    deltaOut.forEach(function (dj, j) { rows["δ" + (fph.length + j + 1)] = dj; });
    deltaHid.forEach(function (di, i) { rows["δ" + (i + 1)] = di; });
    // the gradients ∂E/∂θ = -δ times θ's input, named as the updates are (∂E/∂w41 beside Δw41)
    var minus = function (a) { return a.map(function (row) { return Array.isArray(row) ? minus(row) : negated(row); }); };
    var gradients = { dw_output: minus(deltaOut.map(function (dj) { return fp.yh.map(function (y) { return handProduct(dj, y); }); })),
      db_output: minus(deltaOut), dw_hidden: minus(deltaHid.map(function (di) {
        return xs.map(function (xk) { return handProduct(di, xk); }); })), db_hidden: minus(deltaHid) };
    rowsOf(net, ds, at, gradients, next, after, ops).forEach(function (row) {
      if (row[0].charAt(0) === "Δ") rows["∂E/∂" + row[0].slice(1)] = row[1];
    });
    return rows;
  }

  // The first printed step (trace order, then the slopes) whose double, as a formula writes it, is not its value by
  // hand rounded to the written digits (either rounding of a tie): {where, sum: the double, error: how far the double
  // is from the value by hand, byHand: the value by hand to 20 digits, right: as it would be written}, or null. A
  // hidden field 0 by hand is written 0 (hiddenField). Networks of another activation: null.
  function digitsOff(it, d, eta) {
    var net = it.net;
    if (!BY_HAND[net.hidden] || !BY_HAND[net.output]) return null;
    var byHand = handIteration(net, it.fp.x, d, eta), rows = toDict(it.rows), f = it.factors, u = it.updates;
    var nHid = f.fPrimeHidden.length;
    f.fPrimeHidden.concat(f.fPrimeOutput).forEach(function (slope, i) { rows["f'(v" + (i + 1) + ")"] = slope; });
    // δ as substitutions computes it: δ_4 = e f'(v_4), δ_i = f'(v_i) w_4i δ_4 in that order (one output)
    u.deltaJ.forEach(function (dj, j) { rows["δ" + (nHid + j + 1)] = f.e[j] * f.fPrimeOutput[j]; });
    u.deltaI.forEach(function (di, i) {
      rows["δ" + (i + 1)] = u.deltaJ.length === 1 ? f.fPrimeHidden[i] * net.w_output[0][i] * rows["δ" + (nHid + 1)]
        : di;
    });
    // the rules' gradients, as backprop.gradcheck.analytic_gradient multiplies them
    rowsOf(net, targets(net, d), it.fp, {
      dw_output: u.deltaJ.map(function (dj) { return it.fp.yh.map(function (y) { return -(dj * y); }); }),
      db_output: u.deltaJ.map(function (dj) { return -dj; }),
      dw_hidden: u.deltaI.map(function (di) { return it.fp.x.map(function (xk) { return -(di * xk); }); }),
      db_hidden: u.deltaI.map(function (di) { return -di; }),
    }, it.next, it.after).forEach(function (row) {
      if (row[0].charAt(0) === "Δ") rows["∂E/∂" + row[0].slice(1)] = row[1];
    });
    net.w_hidden.forEach(function (w, i) {
      rows["v" + (i + 1)] = hiddenField(w, it.fp.x, net.b_hidden[i], it.fp.vh[i]).value;
    });
    // in the page's order: the forward pass, e and E, then the slopes and local gradients the rules show, then the
    // updates and what follows; the gradients ∂E/∂θ are the static pages' (the live page prints -η ∂E/∂θ, the Δ's)
    var local = function (name) { return /^(f'|δ)/.test(name); };
    var shown = Object.keys(byHand).filter(function (name) { return name.indexOf("\u2202E/\u2202") !== 0; });
    var steps = shown.filter(function (name) { return !local(name); });
    var first = steps.findIndex(function (name) { return name.charAt(0) === "\u0394"; });
    var names = steps.slice(0, first).concat(shown.filter(local), steps.slice(first));
    for (var n = 0; n < names.length; n++) {
      var name = names[n], value = rows[name], exactly = byHand[name];
      // 0 in floating point, but by hand below the smallest normal double (an output e^-745, an update 10^-401): the
      // double lost it, as subnormal() finds where it kept a few of its digits; refused as too small to show. (A
      // saturated neuron's slope from its output is 0 by hand too; substitutions notes its slope at v.)
      if (value === 0 && exactly.m !== 0n && !(Math.abs(sizeOf(exactly)) >= SMALLEST_NORMAL)) {
        return { where: name, underflow: true, byHand: tinyText(exactly) };
      }
      var printed = decimal(formulaText(value)), unit = decimal(String(unitOf(value)));
      var gap = exactSum(exactly, negated(printed)), e = Math.min(gap.e, unit.e);
      var twice = 2n * (gap.m < 0n ? -gap.m : gap.m) * 10n ** BigInt(gap.e - e);
      // 0 in floating point, but not by hand (an output saturated at the target: y = 1 exactly for 1 - 8.5e-19, so
      // e = 0): the page would write 0.000000 where by hand it writes two significant digits, 8.5e-19. A saturated
      // slope f'(v) of 0 is written as the rules compute it, with its value at v beside it (substitutions); what is
      // built on it (δ_i and its updates: 0 for -1.7e-22) is refused here, saying so (slope, below).
      var lostToZero = value === 0 && exactly.m !== 0n && !/^f'/.test(name);
      if (lostToZero || twice > scaled(unit, e)) {
        // the value by hand as the page would write it: its own digits (two significant ones below 10^-5)
        var size = sizeOf(exactly), scientific = exactly.m !== 0n && (inScientific(value) || inScientific(size));
        var right = roundedAt(exactly, decimal(String(unitOf(size))).e);
        // the digits that show which side of the tie between the two writings it is on: 20, or more near it
        var absGap = { m: gap.m < 0n ? -gap.m : gap.m, e: gap.e };
        var toTie = exactSum(absGap, negated({ m: 5n * 10n ** BigInt(unit.m.toString().length - 1), e: unit.e - 1 }));
        var digits = toTie.m === 0n ? 20 : Math.max(20, adjusted(exactly) - adjusted(toTie) + 2);
        // why, where it is not the double's rounding reaching the digit: a value by hand within a hundredth of a unit
        // of the tie between two writings (as the loader says), or a saturated hidden neuron's slope, which the
        // double computes from its output (1 - y^2, y (1 - y)) with few of its digits right, carried into this step
        var nearTie = toTie.m === 0n || adjusted(toTie) < adjusted(unit) - 2;
        var slope = null, m = /^(?:δ|Δ[wb]|[wb])(\d)/.exec(name), after = /^[yE]\(n\+1\)$/.test(name);
        for (var i = 1; i <= nHid + 1; i++) { // the hidden neurons' slopes, and the output's (δ4, Δw4i, Δb4)
          if (!after && !(m && Number(m[1]) === i)) continue; // only the slopes this step is built on
          // off by more than 10^-13 of itself, a thousand times a double's rounding: digits lost to 1 - y
          var s = rows["f'(v" + i + ")"], t = sizeOf(byHand["f'(v" + i + ")"]);
          if (t !== 0 && Math.abs(s - t) > 1e-13 * Math.abs(t)) { slope = { where: "f'(v" + i + ")", sum: s, byHand: t }; break; }
        }
        return { where: name, sum: value, error: Math.abs(value - size), digits: true, nearTie: nearTie,
          slope: slope, zeroed: lostToZero,
          byHand: exactly.m === 0n ? "0" : scientific ? size.toExponential(5)
            : withoutTrailingZeros(decimalText(exactly, digits)) +
              (exactSum(toDigits(exactly, digits), negated(exactly)).m === 0n ? "" : "\u2026"),
          right: exactly.m === 0n ? "0" : inScientific(size) ? size.toExponential(1) : decimalText(right) };
      }
    }
    return null;
  }

  // A decimal's text without the zeros after its last digit: "20000698260138.852" for "...138.85200" (the value
  // by hand of few digits, padded by toDigits), "3" for "3.000"
  function withoutTrailingZeros(text) { return /\./.test(text) ? text.replace(/\.?0+$/, "") : text; }

  function adjusted(a) { return a.e + (a.m < 0n ? -a.m : a.m).toString().length - 1; } // a's leading digit's power

  function roundedAt(a, e) { // a rounded to a multiple of 10^e (half away from zero)
    if (a.e >= e) return { m: scaled(a, e), e: e };
    var unit = 10n ** BigInt(e - a.e), negative = a.m < 0n, m = negative ? -a.m : a.m;
    m = (m + unit / 2n) / unit;
    return { m: negative ? -m : m, e: e };
  }

  // A decimal far below a double's range in Python's e-notation with two significant digits, "-1.3e-401", for
  // plainText: toExponential of its double would give 0.
  function tinyText(a) {
    var r = toDigits(a, 2), digits = (r.m < 0n ? -r.m : r.m).toString().padEnd(2, "0");
    return (r.m < 0n ? "-" : "") + digits.charAt(0) + "." + digits.charAt(1) + "e" + adjusted(r);
  }

  // A decimal as plain text, to `digits` significant digits if given: "286799148016.33912345", "-0.0000012".
  function decimalText(a, digits) {
    var r = digits === undefined ? a : toDigits(a, digits), negative = r.m < 0n, e = r.e;
    var t = (negative ? -r.m : r.m).toString();
    if (e >= 0) {
      t += "0".repeat(e);
    } else {
      var point = t.length + e;
      t = point > 0 ? t.slice(0, point) + "." + t.slice(point) : "0." + "0".repeat(-point) + t;
    }
    return (negative ? "-" : "") + t;
  }

  // The first value of the iteration (trace order) that is not 0 but below the smallest normal double (2.2e-308: a
  // logsig neuron at v = -740, an update built on it), {name, value}, or null: a double keeps fewer digits there, and
  // the page's arithmetic would be off in the last digit it prints (0.5 · (-3.5e-323) = -2.0e-323), so the page refuses
  // such input as it refuses too large a sum.
  var SMALLEST_NORMAL = 2.2250738585072014e-308;
  function subnormal(it) {
    var row = it.rows.filter(function (r) { return r[1] !== 0 && Math.abs(r[1]) < SMALLEST_NORMAL; })[0];
    return row ? { name: row[0], value: row[1] } : null;
  }

  // A step's value by hand in two significant digits ("3.4e-324"), for a message about a value a double holds with
  // fewer digits (subnormal: the double of y_h1 = 3.4e-324 is 4.9e-324); null where no exact formula applies.
  function handTiny(it, d, eta, name) {
    if (!BY_HAND[it.net.hidden] || !BY_HAND[it.net.output]) return null;
    var value = handIteration(it.net, it.fp.x, d, eta)[name];
    return value && value.m !== 0n ? tinyText(value) : null;
  }

  // The unit of the last digit a formula writes of a value (formulaText): 10^-6 below 10^7, fewer decimals above, the
  // last of a mantissa (1.234568e+20) or of the two digits of a tiny value (7.3e-15: 10^-16).
  function unitOf(value) {
    var text = formulaText(value), m = /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
    return Math.pow(10, (m[3] ? Number(m[3]) : 0) - (m[2] ? m[2].length : 0));
  }

  function toDict(rows) {
    var out = {};
    rows.forEach(function (row) { out[row[0]] = row[1]; });
    return out;
  }

  function traceDict(net, x, d, eta) { return toDict(trace(net, x, d, eta)); }

  // The names of every step of a network of these sizes, in trace order.
  function names(nIn, nHidden, nOut) {
    var zeros = function (n) { return Array.apply(null, Array(n)).map(function () { return 0; }); };
    var net = { w_hidden: zeros(nHidden).map(function () { return zeros(nIn); }), b_hidden: zeros(nHidden),
      w_output: zeros(nOut).map(function () { return zeros(nHidden); }), b_output: zeros(nOut),
      hidden: "logsig", output: "purelin" };
    return trace(net, zeros(nIn), zeros(nOut), 1).map(function (row) { return row[0]; });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Central finite differences (E(θ+h) - E(θ-h)) / 2h for every parameter (backprop.gradcheck.numerical_gradient).

  var PARAMETERS = ["w_hidden", "b_hidden", "w_output", "b_output"];

  function clone(net) { return JSON.parse(JSON.stringify(net)); }

  function numericalGradient(net, x, d, h) {
    h = h === undefined ? 1e-5 : h;
    d = targets(net, d);
    var grads = {};
    PARAMETERS.forEach(function (name) {
      var theta = net[name];
      var costAt = function (set) {
        var moved = clone(net);
        set(moved[name]);
        return cost(forward(moved, x).yo, d);
      };
      grads[name] = theta.map(function (entry, a) {
        if (Array.isArray(entry)) {
          return entry.map(function (value, b) {
            var plus = costAt(function (t) { t[a][b] = value + h; });
            var minus = costAt(function (t) { t[a][b] = value - h; });
            return (plus - minus) / (2 * h);
          });
        }
        var plus = costAt(function (t) { t[a] = entry + h; });
        var minus = costAt(function (t) { t[a] = entry - h; });
        return (plus - minus) / (2 * h);
      });
    });
    return grads;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writing numbers as backprop.show does, but never more significant digits than an iteration in doubles keeps.

  var DECIMALS = 6;
  // A double holds 15 significant decimal digits (DBL_DIG), but each of an iteration's operations may round the last
  // of them: a value of 10^8 computed from a target of 6 × 10^4 can be off in its 15th digit (E(n+1) printed
  // 143550906.133133 for 143550906.1331335477... by hand). The page prints at most 13 significant digits, which such
  // values keep but near a tie (digitsOff refuses those): show.num's six decimals below 10^7, fewer decimals from
  // there, scientific notation from 10^13 on (tests/pages/test_live_engine.py counts the refusals both ways).
  var SIGNIFICANT = 13;

  // The page's numbers: show.num (Python's f"{value:.6f}", correctly rounded, exact ties to even, never "-0.000000")
  // wherever that has at most SIGNIFICANT significant digits, which is every |value| below 9999999.9999995: those
  // are written exactly as the static pages write them. Larger ones get as many of the decimals as fit in SIGNIFICANT
  // digits ("499997988107.9"), and once the integer part alone has more, Python's f"{value:.6e}" ("1.234568e+20",
  // the decimals of the mantissa; tex() writes it 1.234568 \times 10^{20}).
  function num(value, decimals) {
    var places = decimals === undefined ? DECIMALS : decimals;
    if (!isFinite(value)) return value !== value ? "nan" : (value > 0 ? "inf" : "-inf");
    var negative = value < 0 || Object.is(value, -0), a = Math.abs(value);
    var text = null;
    if (a < 1e21) { // toFixed writes exponents from 10^21 on, where the integer part alone has too many digits
      text = fixed(a, places);
      for (var p = places; significant(text) > SIGNIFICANT && p > 0;) { // drop the excess decimals; rounding up can
        p = Math.max(0, p - (significant(text) - SIGNIFICANT)); // carry into one more integer digit: then again
        text = fixed(a, p);
      }
      if (significant(text) > SIGNIFICANT) text = null;
    }
    if (text === null) text = scientific(a, Math.min(places, SIGNIFICANT - 1));
    if (negative && /[1-9]/.test(text)) text = "-" + text;
    return text;
  }

  // The significant digits of a text of fixed(): "0.000120" has 4, "1000000000.000000" 16.
  function significant(text) { return text.replace(".", "").replace(/^0+/, "").length; }

  // a >= 0 below 10^21 with `places` decimals, as Python's f"{a:.{places}f}".
  function fixed(a, places) {
    var text = a.toFixed(places); // exact, but an exact tie goes away from zero; Python rounds it to even
    var longer = a.toFixed(places + 1);
    if (longer.charAt(longer.length - 1) === "5" && isTie(a, places)) {
      var down = longer.slice(0, places ? -1 : -2); // the tie truncated toward zero
      var last = down.charAt(down.length - 1);
      if (Number(last) % 2 === 0) text = down;
    }
    return text;
  }

  // a >= 10^13 - 0.5 (num's integer part of more than 13 digits) with `places` decimals of the mantissa, as Python's
  // f"{a:.{places}e}": the exact value rounded to places + 1 significant digits, exact ties to even (toExponential
  // rounds them up).
  function scientific(a, places) {
    // Every double from 2^43 (8.8 × 10^12) on is a multiple of 2^-9, whose nine decimals are exact; from 10^21 on,
    // where toFixed writes an exponent, it is an integer.
    var exact = a < 1e21 ? a.toFixed(9).replace(".", "") : BigInt(a).toString() + "000000000";
    var digits = BigInt(exact), length = digits.toString().length, drop = BigInt(length - places - 1);
    var exponent = length - 1 - 9, unit = 10n ** drop, kept = digits / unit, rest = digits % unit;
    if (2n * rest > unit || (2n * rest === unit && kept % 2n === 1n)) kept += 1n;
    var mantissa = kept.toString();
    if (mantissa.length > places + 1) { mantissa = mantissa.slice(0, -1); exponent += 1; } // 9.99...5 -> 10.0
    mantissa = places ? mantissa.charAt(0) + "." + mantissa.slice(1) : mantissa;
    return mantissa + "e+" + (exponent < 10 ? "0" : "") + exponent;
  }

  // A number's text as plain text for the page: a real minus sign, and 1.234568 × 10²⁰ for 1.234568e+20 (num's
  // large values), −3.3 × 10⁻⁸ for -3.3e-08 (formulaText's tiny ones, digitsOff's values by hand).
  function plainText(text) {
    var m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
    return m ? m[1].replace("-", "\u2212") + " \u00d7 10" + superscript(Number(m[2])) : text.replace(/-/g, "\u2212");
  }

  // A power of ten as superscript digits: -8 -> "⁻⁸".
  var SUPERSCRIPT = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
  function superscript(power) {
    return (power < 0 ? "\u207b" : "") + String(Math.abs(power)).replace(/\d/g, function (digit) {
      return SUPERSCRIPT.charAt(Number(digit));
    });
  }

  // A number of num() as plain text for the page.
  function plain(value, decimals) { return plainText(num(value, decimals)); }

  // A number as a formula writes it (formulaText: two significant digits below 10^-5), as plain text for the page:
  // "−3.3 × 10⁻⁸" beside a formula that writes the same value 3.3 \times 10^{-8}; else as plain() writes it.
  function writtenPlain(value) { return plainText(formulaText(value)); }

  // value with `places` decimals, as Python's f"{value:.{places}f}" (exact, ties to even, "-0.0" kept as Python does).
  function signedFixed(value, places) {
    return (value < 0 || Object.is(value, -0) ? "-" : "") + fixed(Math.abs(value), places);
  }

  // True when a * 10^places has a fractional part of exactly one half.
  function isTie(a, places) {
    var exact = a.toFixed(Math.min(100, places + 60)); // every double below 1e21 near a tie has few binary digits
    var tail = exact.slice(exact.indexOf(".") + 1 + places);
    return /^50*$/.test(tail);
  }

  function rounded(value, decimals) { return Number(num(value, decimals)); }

  // show.coarse: the page's decimals write the value more than COARSE off (3.7e-6 prints as 0.000004, 7 % off).
  var COARSE = 0.05;
  function coarse(value) {
    var printed = rounded(value);
    return printed !== value && Math.abs(printed - value) > COARSE * Math.abs(value);
  }

  // show.in_scientific: a formula writes a value of which the decimals keep fewer than two digits (below 10^-5), or
  // that they write far off, with two significant digits instead (show.written), as Python's f"{value:.1e}":
  // toExponential rounds the exact value too, and a value this small is never an exact tie at two digits.
  function inScientific(value) {
    return value !== 0 && (Math.abs(rounded(value)) < Number("1e-" + (DECIMALS - 1)) || coarse(value));
  }

  function formulaText(value) { return inScientific(value) ? value.toExponential(1) : num(value); }

  function formulaValue(value) { return Number(formulaText(value)); } // show.written

  // show.apart's gap: |a - b| to one significant digit as Python writes f"{gap:.0e}" ("4e-05", "2e+00"), "0" when the
  // two are equal. toExponential rounds an exact tie (0.25) up; Python, like num, rounds it to even ("2e-01").
  function apart(a, b) {
    var gap = Math.abs(a - b);
    if (gap !== gap) return "nan";
    if (gap === 0) return "0";
    if (gap === Infinity) return "inf";
    var text = gap.toExponential(0), m = /^(\d)\.5e([+-]\d+)$/.exec(gap.toExponential(1));
    if (m && Number(m[1]) % 2 === 0 && isExactly(gap, Number(m[1]) * 10 + 5, Number(m[2]) - 1)) {
      text = m[1] + "e" + m[2];
    }
    return text.replace(/e([+-])(\d)$/, "e$10$2"); // at least two digits of exponent, as Python
  }

  // True when the double value is exactly n * 10^k (n a small integer).
  function isExactly(value, n, k) {
    if (k >= 0) return Number.isInteger(value) && BigInt(value) === BigInt(n) * 10n ** BigInt(k);
    var fives = Math.pow(5, -k); // n / 10^-k is a double only if 5^-k divides n: then it is (n / 5^-k) / 2^-k
    return n % fives === 0 && value * Math.pow(2, -k) === n / fives;
  }

  // show.tex: fill {{name}} fields; a negative number gets parentheses after an operator or a power's brace,
  // or when it carries a power.
  var OPENERS = ["=", "(", "[", ",", "&", ":", "|", "\\\\", "\\approx", "\\quad", "\\qquad", "\\left(", "\\big(",
    "\\Big(", "\\bigl(", "$"];

  function opensExpression(before) {
    var text = before.replace(/\s+$/, "");
    if (!text) return true;
    if (text.charAt(text.length - 1) === "{") return !/\^\{$/.test(text);
    for (var n = 0; n < OPENERS.length; n++) {
      if (text.slice(-OPENERS[n].length) === OPENERS[n]) return true;
    }
    return false;
  }

  // {{name}}, {{name:given}}, or {{name:.8f}} (that many decimals), as show.tex
  var FIELD = /\{\{\s*(\w+)\s*(?::\s*(given|\.\d+f)\s*)?\}\}/g;

  // show.given: a value the example gives, as num writes it without trailing zeros ("0.1", "1"; of a mantissa too).
  // A typed value that is not 0 but rounds to 0 at the page's decimals (η = 1e-7), or to a digit far from it (coarse:
  // x = 6e-7 as 0.000001), is written as JavaScript writes it shortest, "1e-7", to at most 13 significant digits: as 0
  // it would read as a value the page refuses, and every product with it as 0; as 0.000001, every product 67 % off.
  function given(value) {
    var parts = num(value).split("e"), text = parts[0];
    if (text.indexOf(".") >= 0) text = text.replace(/0+$/, "").replace(/\.$/, "");
    if (parts.length === 1 && value !== 0 && isFinite(value) && (!/[1-9]/.test(text) || coarse(value))) {
      return Number(value.toPrecision(SIGNIFICANT)).toExponential(); // at most the page's digits
    }
    return parts.length > 1 ? text + "e" + parts[1] : text;
  }

  // A number as TeX, and whether it needs parentheses where a negative one would: num's 1.234568e+20 is written as
  // show.sci writes it, 1.234568 \times 10^{20} (1.234568e+20 would read as a product with the constant e), which is
  // a product: after an operator, or raised to a power, it is bracketed like a negative number ("(1.2 \times 10^{20})^2").
  // A computed value the decimals write far off is written so too (formulaText: 3.7 \times 10^{-6}, as show.tex).
  // "2.3e-324" as TeX: "2.3 \times 10^{-324}" (fieldText's writing of a number's e-notation)
  function texOfE(text) {
    var m = /^(.*)e([+-])0*(\d+)$/.exec(text);
    return m ? m[1] + " \\times 10^{" + (m[2] === "-" ? "-" : "") + m[3] + "}" : text;
  }

  function fieldText(value, spec) {
    if (typeof value === "string") return [value, false];
    var places = /^\.(\d+)f$/.exec(spec || "");
    var text = places ? signedFixed(value, Number(places[1])) : spec === "given" ? given(value) : formulaText(value);
    var tex = texOfE(text);
    return [tex, tex.charAt(0) === "-" || tex !== text];
  }

  function tex(template, values) {
    var out = "", pos = 0, match;
    FIELD.lastIndex = 0;
    while ((match = FIELD.exec(template)) !== null) {
      var key = match[1];
      if (!Object.prototype.hasOwnProperty.call(values, key)) throw new Error("no value for the field {{" + key + "}}");
      var ft = fieldText(values[key], match[2]), text = ft[0];
      out += template.slice(pos, match.index);
      var after = template.slice(match.index + match[0].length).replace(/^\s+/, "");
      if (ft[1] && (!opensExpression(out) || after.charAt(0) === "^")) text = "(" + text + ")";
      out += text;
      pos = match.index + match[0].length;
    }
    return out + template.slice(pos);
  }

  // Exact decimal arithmetic for show.eq: a decimal string as a BigInt mantissa and a power of ten.
  function decimal(text) {
    var m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
    var digits = (m[2] || "") + (m[3] || ""), exp = (m[4] ? Number(m[4]) : 0) - (m[3] || "").length;
    var mant = BigInt(digits || "0");
    return { m: m[1] ? -mant : mant, e: exp };
  }

  function scaled(dec, e) { return dec.m * (10n ** BigInt(dec.e - e)); }

  // show.exact: the number a formula's field writes for a computed value (formulaText), and exactG a given value's
  // (given), as exact decimals; exactSum and exactProduct add and multiply them exactly, for eq.
  function exact(value) { return decimal(formulaText(value)); }
  function exactG(value) { return decimal(given(value)); }
  function exactSum() {
    return Array.prototype.reduce.call(arguments, function (a, b) {
      var e = Math.min(a.e, b.e);
      return { m: scaled(a, e) + scaled(b, e), e: e };
    });
  }
  function exactProduct() {
    return Array.prototype.reduce.call(arguments, function (a, b) { return { m: a.m * b.m, e: a.e + b.e }; });
  }
  var HALF = { m: 5n, e: -1 };

  // show.eq: "=" if the value computed from the shown numbers rounds to the shown result, else "\approx". The result
  // as tex writes it: its last digit is the last decimal (10^-6 as on the static pages, 10^-3 for 499997988107.949) or
  // the mantissa's (10^14 for 1.234568e+20, 10^-7 for 3.7e-6), and the value computed from the shown numbers must round
  // to it there. shown is an exact decimal (exactSum and exactProduct of exact values), judged exactly: a tie gets
  // "\approx" (2.636633 * 4860 + (-0.00255) * 0.85 is 12814.0342125; in doubles 12814.034212499999); or a Number (f
  // of a written v), judged with a margin of a millionth of that half unit for its rounding.
  function eq(shown, result, decimals) {
    var places = decimals === undefined ? DECIMALS : decimals;
    var printed = decimal(decimals === undefined ? formulaText(result) : num(result, places));
    var isExact = typeof shown === "object", s = isExact ? shown : decimal(String(shown));
    // half a unit of the last printed digit; for a Number, times (1 - 1e-6)
    var threshold = isExact ? { m: 5n, e: printed.e - 1 } : { m: 4999995n, e: printed.e - 7 };
    var e = Math.min(printed.e, s.e, threshold.e);
    var gap = scaled(s, e) - scaled(printed, e);
    if (gap < 0n) gap = -gap;
    return gap < scaled(threshold, e) ? "=" : "\\approx";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Checking a reader's values: the exercises' rule, and the classic slips of backprop.homework.MISTAKES.

  var RTOL = 1e-5, ATOL = 1e-6;

  // backprop.homework.ALIASES and canonical: a step name as the trace prints it, "dw41" or "∆w41" (U+2206, the
  // increment sign a Mac types) -> "Δw41"; "dw41(n+1)" and the other names unchanged.
  var ALIASES = { "d": "\u0394", "\u2206": "\u0394" };
  function canonical(name) {
    var first = name.charAt(0), rest = name.slice(1);
    return Object.prototype.hasOwnProperty.call(ALIASES, first) && /^[wb]/.test(rest) && !/\(n\+1\)$/.test(rest)
      ? ALIASES[first] + rest : name;
  }

  // homework._spelled: a step name without what a student varies in writing it (spaces, underscores, TeX's braces,
  // subscript digits, the case of every letter but e and E, "delta", "d", "∆" or "δ" for Δ at the start, and the time:
  // "(n)" or "(0)" at the end for time n, "(1)" for "(n+1)"): "yh1" reads as "y_h1", "E(n)" as "E"
  var SUBSCRIPT_DIGITS = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089";
  function spelled(name) {
    var plain = Array.from(name.replace(/[ \t_{}]/g, "")).map(function (c) {
      var digit = SUBSCRIPT_DIGITS.indexOf(c);
      return digit >= 0 ? String(digit) : c === "e" || c === "E" ? c : c.toLowerCase();
    }).join("").replace(/\((?:n|0)\)$/, "").replace(/\(1\)$/, "(n+1)");
    var prefixes = ["delta", "d", "\u2206", "\u03b4"];
    for (var i = 0; i < prefixes.length; i++) {
      var rest = plain.slice(prefixes[i].length);
      if (plain.indexOf(prefixes[i]) === 0 && /^[wb]/.test(rest)) return "\u0394" + rest;
    }
    return plain;
  }

  // homework._meant by spelling alone: the step of `known` an unknown name reads as (spelled), or null; the Python
  // side also tries the closest by difflib, which the page does not
  function meantStep(name, known) {
    var s = spelled(name);
    for (var i = 0; i < known.length; i++) if (spelled(known[i]) === s) return known[i];
    return null;
  }

  // The answers file's problem with its names, as `trace --check` words it (examples.read_json, homework.check), or "":
  // a name given twice (JSON.parse keeps the last silently), or one step under two spellings ("dw41" and "∆w41"). The
  // names are read from the text: a flat object of step names and numbers, whose values hold no quotes.
  function repeatedStep(text) {
    var names = [], re = /"((?:[^"\\]|\\.)*)"\s*:/g, m, bySpelling = {}, byStep = {};
    while ((m = re.exec(text)) !== null) names.push(JSON.parse('"' + m[1] + '"'));
    for (var i = 0; i < names.length; i++) {
      var name = names[i], step = canonical(name);
      if (Object.prototype.hasOwnProperty.call(bySpelling, name)) return "gives " + quoted(name) + " twice";
      if (Object.prototype.hasOwnProperty.call(byStep, step)) {
        return "step " + quoted(step) + " is given twice, as " + quoted(byStep[step]) + " and " + quoted(name);
      }
      bySpelling[name] = true;
      byStep[step] = name;
    }
    return "";
  }
  function quoted(name) { return "'" + name + "'"; } // Python's repr of a plain name

  // The answers file's number that no double holds, as `trace --check` words it (examples.read_json), or "": written
  // with an exponent beyond a double's range (1e400, which JSON.parse reads as Infinity) or so close to 0 that it
  // would be read as 0 (1e-400, which JSON.parse turns into 0 silently). Read from the text, as repeatedStep reads it.
  function unheldNumber(text) {
    var re = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, m;
    while ((m = re.exec(text)) !== null) {
      var value = Number(m[2]), name = JSON.parse('"' + m[1] + '"');
      if (!isFinite(value)) return name + " is " + m[2] + ", beyond a double's range (about \u00b11.8e+308)";
      if (value === 0 && /[1-9]/.test(m[2].split(/[eE]/)[0])) {
        return name + " is " + m[2] + ", closer to 0 than a double holds (it would be read as 0)";
      }
    }
    return "";
  }

  // homework.tolerance: ATOL + RTOL |to| + carried; for a value at time n+1 (w41(n+1), b1(n+1), y(n+1), E(n+1)),
  // whose value at time n is atN, ATOL + RTOL |to - atN| + carried, a share of its change, so that the value at time n
  // (no update) is wrong wherever the change shows (homework._is_next). carried is the step's carriedError (0 when
  // not given).
  function tolerance(to, atN, carried) {
    return ATOL + RTOL * Math.abs(atN === undefined || atN === null ? to : to - atN) + (carried || 0);
  }

  function isClose(given, right, atN, carried) { return Math.abs(given - right) <= tolerance(right, atN, carried); }

  // homework.tells_apart: no number is within the tolerance of both; a slip is named only where its value is.
  function tellsApart(a, b, atN, carried) {
    return Math.abs(a - b) > tolerance(a, atN, carried) + tolerance(b, atN, carried);
  }

  // homework.carried_error: for each step, how far beyond its own rounding a value computed from the values before it
  // written with six decimals (each at most HALF_UNIT from what its inputs give; x, d, eta and the weights at n exact)
  // can be from the right one; the step's tolerance is widened by it. A sum adds its terms' distances, a product ab
  // whose factors are α and β off is |a| β + |b| α + α β off, an activation or a slope changes by its largest change
  // across its input's distance (at both ends); no rounding where none is needed (exact inputs giving six decimals,
  // and at most off where six decimals hold the right value; y_j = v_j and δ_j = e_j · 1 of a linear output, d - y and
  // θ + Δθ with d, θ of six decimals). Returns {name: carried error} in trace order.
  var HALF_UNIT = 0.5e-6;

  function rounding(value) { // HALF_UNIT unless six decimals hold value (to a double's precision)
    var scaled = value * 1e6;
    return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled)) ? 0 : HALF_UNIT;
  }

  // A value's distance once written with six decimals: where they hold the right value, rounding adds at most off.
  function written(value, off) { return off + (rounding(value) === 0 ? Math.min(off, HALF_UNIT) : HALF_UNIT); }

  function times(a, aOff, b, bOff) { return Math.abs(a) * bOff + Math.abs(b) * aOff + aOff * bOff; }

  function across(fn, at, off) {
    var mid = fn(at);
    return Math.max(Math.abs(fn(at + off) - mid), Math.abs(fn(at - off) - mid));
  }

  // The forward pass, e and E of the network net (its entries off[name] from the right ones) on the exact x and d.
  function carriedPass(net, off, x, d) {
    var hid = activation(net.hidden), outAct = activation(net.output), p = {};
    p.vh = net.w_hidden.map(function (row, i) { return dot(row, x) + net.b_hidden[i]; });
    p.vhOff = net.w_hidden.map(function (row, i) {
      return written(p.vh[i], off.w_hidden[i].reduce(function (s, o, k) { return s + o * Math.abs(x[k]); }, 0) +
        off.b_hidden[i]);
    });
    p.yh = p.vh.map(hid.f);
    p.yhOff = p.vh.map(function (v, i) { return written(p.yh[i], across(hid.f, v, p.vhOff[i])); });
    p.vo = net.w_output.map(function (row, j) { return dot(row, p.yh) + net.b_output[j]; });
    p.voOff = net.w_output.map(function (row, j) {
      return written(p.vo[j], row.reduce(function (s, w, i) {
        return s + times(w, off.w_output[j][i], p.yh[i], p.yhOff[i]);
      }, 0) + off.b_output[j]);
    });
    p.yo = p.vo.map(outAct.f);
    p.yoOff = p.vo.map(function (v, j) { // y_j = v_j: a copy
      return net.output === "purelin" ? p.voOff[j] : written(p.yo[j], across(outAct.f, v, p.voOff[j]));
    });
    p.e = p.yo.map(function (y, j) { return d[j] - y; });
    p.eOff = p.yoOff.map(function (o, j) { return o + rounding(d[j]); });
    p.EOff = written(0.5 * p.e.reduce(function (s, e) { return s + e * e; }, 0),
      p.e.reduce(function (s, e, j) { return s + times(e, p.eOff[j], e, p.eOff[j]); }, 0) / 2);
    return p;
  }

  function carriedError(net, x, d, eta) {
    d = targets(net, d);
    var hid = activation(net.hidden), outAct = activation(net.output);
    var zero = function (a) { return Array.isArray(a) ? a.map(zero) : 0; };
    var off0 = { w_hidden: zero(net.w_hidden), b_hidden: zero(net.b_hidden), w_output: zero(net.w_output),
      b_output: zero(net.b_output) };
    var a = carriedPass(net, off0, x, d);
    var gOut = a.yo.map(outAct.fPrimeFromOutput); // f'(v_j)
    var gOutOff = a.yo.map(function (y, j) { return written(gOut[j], across(outAct.fPrimeFromOutput, y, a.yoOff[j])); });
    var deltaJ = a.e.map(function (e, j) { return e * gOut[j]; });
    var deltaJOff = deltaJ.map(function (dj, j) { // δ_j = e_j · 1: a copy
      return gOutOff[j] === 0 && gOut[j] === 1 ? a.eOff[j] : written(dj, times(a.e[j], a.eOff[j], gOut[j], gOutOff[j]));
    });
    var gHid = a.yh.map(hid.fPrimeFromOutput); // f'(v_i)
    var gHidOff = a.yh.map(function (y, i) { return written(gHid[i], across(hid.fPrimeFromOutput, y, a.yhOff[i])); });
    var deltaI = [], deltaIOff = [];
    gHid.forEach(function (g, i) {
      var back = 0, backOff = 0; // Σ_j δ_j w_ji, within δ_i's one product
      for (var j = 0; j < deltaJ.length; j++) {
        back += deltaJ[j] * net.w_output[j][i];
        backOff += Math.abs(net.w_output[j][i]) * deltaJOff[j];
      }
      deltaI.push(g * back);
      deltaIOff.push(written(g * back, times(g, gHidOff[i], back, backOff)));
    });
    var u = { // each update's distance once written, and θ(n+1) = θ(n) + Δθ
      dw_hidden: deltaI.map(function (di, i) {
        return x.map(function (xk) { return written(eta * (di * xk), eta * (deltaIOff[i] * Math.abs(xk))); });
      }),
      db_hidden: deltaI.map(function (di, i) { return written(eta * di, eta * deltaIOff[i]); }),
      dw_output: deltaJ.map(function (dj, j) {
        return a.yh.map(function (y, i) { return written(eta * (dj * y), eta * times(dj, deltaJOff[j], y, a.yhOff[i])); });
      }),
      db_output: deltaJ.map(function (dj, j) { return written(eta * dj, eta * deltaJOff[j]); }),
    };
    var next = newNetwork(net, updates(rightFactors(net, forward(net, x), d, eta)));
    var nextOff = {}, plusRounding = function (o, old) { return o + rounding(old); };
    PARAMETERS.forEach(function (name) { nextOff[name] = combine(u["d" + name], net[name], plusRounding); });
    var b = carriedPass(next, nextOff, x, d);
    var nIn = x.length, nHid = net.w_hidden.length, nOut = d.length, flat = function (m) { return [].concat.apply([], m); };
    var offs = [].concat(a.vhOff, a.yhOff, a.voOff, a.yoOff, a.eOff, [a.EOff], flat(u.dw_output), u.db_output,
      flat(u.dw_hidden), u.db_hidden, flat(nextOff.w_output), nextOff.b_output, flat(nextOff.w_hidden),
      nextOff.b_hidden, b.yoOff, [b.EOff]);
    var out = {};
    names(nIn, nHid, nOut).forEach(function (name, n) { out[name] = Math.max(offs[n] - HALF_UNIT, 0); });
    return out;
  }

  // The classic slips of backprop.homework.MISTAKES, by the same names (their hints reach the page from Python at
  // build time; tests/pages/test_live_engine.py proves the names and every value equal). Each is fn(net, x, d, eta) -> the
  // whole iteration's rows with that one slip, or null when this network cannot show it (bias-input-x2 with one
  // input, swapped-inputs without exactly two: homework.NotApplicable).
  function withSlip(how) {
    return function (net, x, d, eta) { return iteration(net, x, d, eta, how).rows; };
  }

  function set(f, changes) {
    var g = {};
    for (var key in f) g[key] = f[key];
    for (var c in changes) g[c] = changes[c];
    return g;
  }

  var OTHER_DERIVATIVE = { logsig: "tansig", tansig: "logsig", purelin: "logsig" };
  var PLUS_SIGN = { logsig: function (y) { return y * (1 + y); }, tansig: function (y) { return 1 + y * y; } };
  // tanh's derivative without its square, from the output (homework.UNSQUARED)
  var UNSQUARED = { tansig: function (y) { return 1 - y; } };

  function biasInput(k) {
    return function (net, x, d, eta) {
      if (x.length < k) return null;
      return iteration(net, x, d, eta, { slip: function (f) { return set(f, { hiddenBiasInput: x[k - 1] }); } }).rows;
    };
  }

  function atSigmoidOutput(slip) {
    return function (net, x, d, eta) {
      if (net.output !== "logsig" && net.output !== "tansig") return null;
      return iteration(net, x, d, eta, { slip: slip }).rows;
    };
  }

  var SLIPS = {
    "sign-flipped": function (net, x, d, eta) { // e = y - d, then the rules as written: the row e and every Δ negated
      var rows = iteration(net, x, d, eta, { slip: function (f) { return set(f, { e: f.e.map(function (e) { return -e; }) }); } }).rows;
      return rows.map(function (row) { return /^e\d*$/.test(row[0]) ? [row[0], -row[1]] : row; });
    },
    // e = d - y right, then every Δ negated (Δθ = +η ∂E/∂θ): sign-flipped's rows but e's
    "updates-sign-flipped": withSlip({ slip: function (f) { return set(f, { e: f.e.map(function (e) { return -e; }) }); } }),
    "no-eta": withSlip({ slip: function (f) { return set(f, { eta: 1 }); } }),
    "updated-output-weights": withSlip({ slip: function (f) {
      var dw = updates(f).dw_output; // the right rule (1)
      return set(f, { wBack: f.wBack.map(function (row, j) { return row.map(function (w, i) { return w + dw[j][i]; }); }) });
    } }),
    // the output's f'(v_j) left out of every rule (δ_j = e_j, as the slides' linear output has it)
    "no-output-derivative": withSlip({ slip: function (f) {
      return set(f, { fPrimeOutput: f.fPrimeOutput.map(function () { return 1; }) });
    } }),
    "no-hidden-derivative": withSlip({ slip: function (f) {
      return set(f, { fPrimeHidden: f.fPrimeHidden.map(function () { return 1; }) });
    } }),
    "derivative-of-v": withSlip({ slip: function (f, net) {
      return set(f, { fPrimeHidden: f.fp.vh.map(activation(net.hidden).fPrimeFromOutput) });
    } }),
    // the hidden derivative taken at the output y_hi where the field v_i belongs (homework.derivative_at_output):
    // f'(y_hi), f's output at y_hi and its f' from that output, as backprop.activations computes f'(v)
    "derivative-at-output": withSlip({ slip: function (f, net) {
      var own = activation(net.hidden);
      return set(f, { fPrimeHidden: f.fp.yh.map(function (y) { return own.fPrimeFromOutput(own.f(y)); }) });
    } }),
    "wrong-derivative": withSlip({ slip: function (f, net) {
      return set(f, { fPrimeHidden: f.fp.yh.map(activation(OTHER_DERIVATIVE[net.hidden]).fPrimeFromOutput) });
    } }),
    // the other sigmoid's derivative taken at the field v_i, as a function of v (logsig'(v_i), the slides', for a tansig
    // layer): its output at v_i, then its f' from that output, as backprop.activations computes f'(v)
    "other-derivative-of-v": withSlip({ slip: function (f, net) {
      var other = activation(OTHER_DERIVATIVE[net.hidden]);
      return set(f, { fPrimeHidden: f.fp.vh.map(function (v) { return other.fPrimeFromOutput(other.f(v)); }) });
    } }),
    // a row of the derivative table with its minus written as a plus (homework.PLUS_SIGN; null for a hidden layer
    // with no minus in its f': homework.NotApplicable)
    "derivative-plus-sign": function (net, x, d, eta) {
      if (!(net.hidden in PLUS_SIGN)) return null;
      return iteration(net, x, d, eta, { slip: function (f) { return set(f, { fPrimeHidden: f.fp.yh.map(PLUS_SIGN[net.hidden]) }); } }).rows;
    },
    // tanh's derivative without its square (homework.UNSQUARED; null for another hidden layer: homework.NotApplicable)
    "derivative-unsquared": function (net, x, d, eta) {
      if (!(net.hidden in UNSQUARED)) return null;
      return iteration(net, x, d, eta, { slip: function (f) { return set(f, { fPrimeHidden: f.fp.yh.map(UNSQUARED[net.hidden]) }); } }).rows;
    },
    // y_hi where f'(v_i) belongs in the hidden rules
    "output-for-derivative": withSlip({ slip: function (f) { return set(f, { fPrimeHidden: f.fp.yh.slice() }); } }),
    // at a sigmoid output (null for a linear one: homework.NotApplicable), the other sigmoid's slope, or y_j itself,
    // where f'(v_j) belongs
    "wrong-output-derivative": atSigmoidOutput(function (f, net) {
      return set(f, { fPrimeOutput: f.fp.yo.map(activation(OTHER_DERIVATIVE[net.output]).fPrimeFromOutput) });
    }),
    "output-for-output-derivative": atSigmoidOutput(function (f) { return set(f, { fPrimeOutput: f.fp.yo.slice() }); }),
    // the output weights left out of the hidden rules: the error sent back through w_ji = 1
    "no-output-weight": withSlip({ slip: function (f) {
      return set(f, { wBack: f.wBack.map(function (row) { return row.map(function () { return 1; }); }) });
    } }),
    // the sum over the outputs cut to the first output's term (null for one output: homework.NotApplicable)
    "first-output-only": function (net, x, d, eta) {
      if (net.w_output.length < 2) return null;
      return iteration(net, x, d, eta, { slip: function (f) {
        return set(f, { wBack: f.wBack.map(function (row, j) { return row.map(function (w) { return j === 0 ? w : 0; }); }) });
      } }).rows;
    },
    "bias-input-x1": biasInput(1),
    "bias-input-x2": biasInput(2),
    "output-bias-with-y": withSlip({ slip: function (f) {
      return set(f, { outputBiasInput: f.fp.yh.reduce(function (s, y) { return s + y; }, 0) });
    } }),
    "rule1-uses-v": withSlip({ slip: function (f) { return set(f, { outputWeightInput: f.fp.vh }); } }),
    "rule1-no-y": withSlip({ slip: function (f) { return set(f, { outputWeightInput: f.fp.yh.map(function () { return 1; }) }); } }),
    "rule3-no-x": withSlip({ slip: function (f) { return set(f, { hiddenWeightInput: f.hiddenWeightInput.map(function () { return 1; }) }); } }),
    // rule 3 with each weight's input taken for the other's: Δw_i1 = η δ_i x_2, Δw_i2 = η δ_i x_1 (null unless two inputs)
    "swapped-inputs": function (net, x, d, eta) {
      if (x.length !== 2) return null;
      return iteration(net, x, d, eta, { slip: function (f) { return set(f, { hiddenWeightInput: f.hiddenWeightInput.slice().reverse() }); } }).rows;
    },
    "cost-for-error": withSlip({ slip: function (f) {
      var E = 0.5 * f.e.reduce(function (s, e) { return s + e * e; }, 0);
      return set(f, { e: f.e.map(function () { return E; }) });
    } }),
    "cost-without-half": withSlip({ cost: function (e) { return e.reduce(function (s, ej) { return s + ej * ej; }, 0); } }),
    // ∂E/∂e_j taken as 2 e_j (the ½ of E left out of the rules): every Δ doubled; e and E right
    "derivative-without-half": withSlip({ slip: function (f) { return set(f, { e: f.e.map(function (e) { return 2 * e; }) }); } }),
    "no-hidden-bias": withSlip({ forwardPass: function (net, x) {
      return forward(set(net, { b_hidden: net.b_hidden.map(function () { return 0; }) }), x);
    } }),
    "no-output-bias": withSlip({ forwardPass: function (net, x) {
      return forward(set(net, { b_output: net.b_output.map(function () { return 0; }) }), x);
    } }),
    // y_hi = v_i: the hidden fields passed on where their outputs belong
    "fields-for-outputs": withSlip({ forwardPass: function (net, x) { return forward(set(net, { hidden: "purelin" }), x); } }),
    // the other sigmoid in the hidden layer, in the forward pass and in f'(v_i): the whole iteration of that network
    "other-hidden-activation": function (net, x, d, eta) {
      if (!(net.hidden in OTHER_DERIVATIVE)) return null;
      return iteration(set(net, { hidden: OTHER_DERIVATIVE[net.hidden] }), x, d, eta, {}).rows;
    },
    "sigmoid-output": withSlip({ forwardPass: function (net, x) { return forward(set(net, { output: net.hidden }), x); } }),
    "subtracted-update": withSlip({ newValue: function (old, delta) { return old - delta; } }),
    "no-update": withSlip({ newValue: function (old) { return old; } }),
    "delta-as-new-value": withSlip({ newValue: function (old, delta) { return delta; } }),
    // every Δ row the new value θ(n) + Δθ(n), the new values right
    "new-value-as-update": function (net, x, d, eta) {
      var rows = iteration(net, x, d, eta, {}).rows, byName = toDict(rows);
      return rows.map(function (row) { return row[0][0] === "\u0394" ? [row[0], byName[row[0].slice(1) + "(n+1)"]] : row; });
    },
  };

  // homework.decimals_of: the decimals a number is written with, of its text where known ("0.410000": 6), else of
  // the number's shortest form ("0.412": 3, "1e-5": 5), which has lost any trailing zeros typed
  function decimalsOf(value) {
    var text = typeof value === "string" ? value.trim().toLowerCase() : String(value);
    var parts = text.split("e"), decimals = parts[0].split(".")[1] || "";
    if (typeof value !== "string") decimals = decimals.replace(/0+$/, "");
    return Math.max(0, decimals.length - Number(parts[1] || 0));
  }

  // homework.rounds_to: a given value, not 0 and written with one to five decimals, that is `to` rounded to them
  function roundsTo(given_, to, decimals, carried) {
    return given_ !== 0 && decimals >= 1 && decimals < DECIMALS &&
      Math.abs(given_ - to) <= 0.5 * Math.pow(10, -decimals) * (1 + 1e-9) + carried;
  }

  // Check a reader's values: given = {name: number} for any steps. Steps in trace order; at the first wrong one, the
  // likely slips (names, in `order`, default the SLIPS' order) are those whose value there matches the given one
  // by the same rule and not the right value, and whose values at the steps given before it match those (a slip
  // that would have shown there is not the reader's: homework._explains). A new weight's or bias's tolerance is measured from its value at
  // time n: the rows of an iteration that keeps θ(n), as homework.check does; every step's, a slip's value's too, is
  // widened by the step's carriedError.
  // `written`: each given step's text as typed (for its decimals, homework.check's `written`); optional
  function check(net, x, d, eta, given, order, written) {
    var rows = trace(net, x, d, eta), marks = [], firstWrong = null;
    var kept = toDict(iteration(net, x, d, eta, { newValue: function (old) { return old; } }).rows);
    var carried = carriedError(net, x, d, eta); // each step's tolerance widened by it, the slips' too
    // homework._zero_by_hand: a step whose value by hand is nothing (v1 = 0.1 + 0.2 - 0.3 is 0, its double 5.6e-17)
    var byHand = BY_HAND[net.hidden] && BY_HAND[net.output] ? handIteration(net, x, d, eta) : null;
    var zeroByHand = function (name) {
      if (/^[yE].*\(n\+1\)$/.test(name)) { // y(n+1), E(n+1): no change by hand, every update 0 (homework.check)
        return !!byHand && Object.keys(byHand).filter(function (key) { return key.charAt(0) === "\u0394"; })
          .every(function (key) { return byHand[key].m === 0n; });
      }
      var step = byHand && byHand[/\(n\+1\)$/.test(name) ? "\u0394" + name.slice(0, -5) : name];
      return !!step && step.m === 0n;
    };
    // homework.Step.passes_for_nothing: nothing (0 for a step, θ(n) for a new weight or bias) is within the step's
    // tolerance of its right value, so a number equal to the right one tells nothing of the work done
    var atNOf = function (name) { return /\(n\+1\)$/.test(name) ? kept[name] : null; }; // a value at time n+1
    var passesForNothing = function (row) {
      var atN = atNOf(row[0]);
      return isClose(atN === null ? 0 : atN, row[1], atN, carried[row[0]]);
    };
    rows.forEach(function (row) {
      if (!Object.prototype.hasOwnProperty.call(given, row[0])) return;
      var atN = atNOf(row[0]); // a value at time n+1: judged against its change
      var mark = { name: row[0], given: given[row[0]], right: row[1], atN: atN, carried: carried[row[0]],
                   ok: isClose(given[row[0]], row[1], atN, carried[row[0]]) };
      // homework.Step.undecided: nothing passes too, so "right" says little here (a large η)
      mark.undecided = row[1] !== (atN === null ? 0 : atN) && !zeroByHand(row[0]) && passesForNothing(row);
      mark.decimals = decimalsOf(written && typeof written[row[0]] === "string" ? written[row[0]] : mark.given);
      // homework.Step.rounded: a wrong value that is the right one rounded to fewer decimals, and how many; not where
      // it is the value at time n rounded too (the decimals given cannot show the update)
      mark.rounded = !mark.ok && roundsTo(mark.given, row[1], mark.decimals, carried[row[0]]) &&
        !(atN !== null && roundsTo(mark.given, atN, mark.decimals, carried[row[0]])) ? mark.decimals : null;
      marks.push(mark);
      if (!mark.ok && firstWrong === null) firstWrong = mark;
    });
    var likely = [], near = [], unexplained = {}, sameAs = [], contradicted = [];
    var ruledOut = function (name) { return Object.prototype.hasOwnProperty.call(unexplained, name); };
    if (firstWrong) {
      var before = marks.slice(0, marks.indexOf(firstWrong)), later = marks.slice(marks.indexOf(firstWrong) + 1);
      (order || Object.keys(SLIPS)).forEach(function (name) {
        var slipped = SLIPS[name] && SLIPS[name](net, x, d, eta);
        if (!slipped) return;
        var values = toDict(slipped), value = values[firstWrong.name];
        // as homework._gives: a slip that overflows here names nothing (|x - Infinity| <= Infinity: "close" to anything)
        if (!isFinite(value) || !isClose(firstWrong.given, value, firstWrong.atN, firstWrong.carried)) return;
        // homework.Report.contradicted: a slip that would have shown at a step given right before it is not theirs
        var shown = before.filter(function (m) {
          return !isClose(m.given, values[m.name], m.atN, m.carried);
        })[0];
        if (shown) { // said where its value there is told from the right one (it would have shown there)
          if (tellsApart(values[shown.name], shown.right, shown.atN, shown.carried)) {
            contradicted.push([name, shown.name, values[shown.name]]);
          }
        } else {
          // homework.Report.near: the slip gives this value, but one the check cannot tell from the right one
          (tellsApart(value, firstWrong.right, firstWrong.atN, firstWrong.carried) ? likely : near).push(name);
          // homework.Report.unexplained: the first later value given that the slip does not give
          var missed = later.filter(function (m) { return !isClose(m.given, values[m.name], m.atN, m.carried); })[0];
          if (missed) unexplained[name] = [name, missed.name, values[missed.name]];
        }
      });
      likely = likely.filter(function (n) { return !ruledOut(n); }).concat(likely.filter(ruledOut));
      // homework.Report.same_as: the other steps whose right value the wrong one is (not one that nothing passes for:
      // 0, or a new weight's or bias's value at time n)
      if (tellsApart(firstWrong.given, firstWrong.right, firstWrong.atN, firstWrong.carried)) {
        rows.forEach(function (row) {
          if (row[0] !== firstWrong.name && !passesForNothing(row) &&
              isClose(firstWrong.given, row[1], atNOf(row[0]), carried[row[0]])) sameAs.push(row[0]);
        });
      }
    }
    var rounded = firstWrong ? firstWrong.rounded : null; // said before any slip that gives the same number
    return { marks: marks, firstWrong: firstWrong, likely: likely, near: near, rounded: rounded,
      unexplained: likely.concat(near).filter(ruledOut).map(function (n) { return unexplained[n]; }),
      sameAs: sameAs, contradicted: likely.length || near.length ? [] : contradicted };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Each step with the numbers plugged in, written as the static pages write it (the same show.tex templates and
  // show.eq choices): the TeX after the step's symbolic formula's last "=". Keys: the trace's names, and "f'(v1)"
  // ... "f'(v4)" for the derivative factors. For a 2-3-1 network (the slides'); `it` is iteration()'s result.

  var F_TEX = { logsig: "\\frac{1}{1 + e^{-{{v}}}}", tansig: "\\tanh {{v}}", purelin: "{{v}}" }; // show.ACTIVATION_TEX
  var F_PRIME_TEX = { logsig: "{{y}}\\,(1 - {{y}})", tansig: "1 - {{y}}^2", purelin: "1" };
  // f' with the field v, where the written y keeps too few digits of f'(v) (show.f_prime_numbers)
  var F_PRIME_V_TEX = { logsig: "\\frac{e^{-{{v}}}}{\\big(1 + e^{-{{v}}}\\big)^2}", tansig: "\\frac{1}{\\cosh^2 {{v}}}" };
  var F_PRIME_OF_V = { // show.slope_at: F_PRIME_V_TEX's formulas, computed as written, or where that overflows (the
    // square of e^-v from v = -355, of cosh v from |v| = 355) in the same formula over e^-|v|, whose true value can be
    // far inside a double's range (logsig's at v = -355 is 6.7e-155; written so, it gave 0 and a note that it was
    // below the range)
    logsig: function (v) {
      var slope = Math.exp(-v) / Math.pow(1 + Math.exp(-v), 2), a = Math.exp(-Math.abs(v));
      return slope > 0 || !isFinite(v) ? slope : a / Math.pow(1 + a, 2);
    },
    tansig: function (v) {
      var slope = 1 / Math.pow(Math.cosh(v), 2), a = Math.exp(-2 * Math.abs(v));
      return slope > 0 || !isFinite(v) ? slope : 4 * a / Math.pow(1 + a, 2);
    } };
  var F_OF = { // f(v) as the pages compute it from a rounded v (Python's math module)
    logsig: function (v) { return 1 / (1 + Math.exp(-v)); }, tansig: Math.tanh, purelin: function (v) { return v; } };

  // A given value plus or minus a computed one, d - y or w + Δw, whose result is written in scientific notation
  // (below 10^-5: a target typed close to y, many applied steps, an update that cancels its weight): six decimals of
  // the computed one would give a result of 0 or one far off ("1 - 1.000000 \approx 2.2 \times 10^{-16}", "0.9 +
  // (-0.899999) \approx 6.4 \times 10^{-7}"), so it gets the decimals the result needs for its two significant
  // digits ("1 - 0.99999999999999978 = 2.2 \times 10^{-16}"), and the given one is written with as many, trailing
  // zeros dropped: as given where that is all of it (1, 0.9, d = 2.0118944 typed so), in full where it has more (d =
  // 0.12345678 was written 0.123457; at a double's last digits, 0.1234567800000000026). Returns the given value or
  // its text (the field is written {{d:given}}), the computed one's spec ("" or ":.17f") and the result of the two as
  // written, exactly. With `final` ({value, of}), the formula's result is final.value, of(the two as written) rather
  // than the two themselves: E(n+1) = 1/2 (d - y(n+1))^2, whose two significant digits need more of d - y(n+1)
  // ("1/2 (1 - 1.000013)^2 \approx 8.7 \times 10^{-11}", whose numbers give 8.5e-11, becomes 1/2 (1 - 1.0000132)^2 =
  // 8.7e-11).
  var MAX_PLACES = 99; // toFixed writes at most 100 decimals (fixed() asks for one more)
  function widened(given_, operand, result, sign, final) {
    var asUsual = { given: given_, spec: "", value: exactSum(exactG(given_), exactProduct({ m: BigInt(sign), e: 0 }, exact(operand))) };
    var holds = function (value) { return (final ? eq(final.of(value), final.value) : eq(value, result)) === "="; };
    // as the static pages do, where the result has six decimals; and where the computed one is itself written with
    // two significant digits (y(n+1) = 1.9e-43 beside d = 0): its decimals would be a row of zeros, and "\approx" says
    // what the two digits give
    if (!inScientific(final ? final.value : result) || holds(asUsual.value) || inScientific(operand)) return asUsual;
    var p = Math.floor(Math.log10(Math.abs(formulaValue(result)))), longer = asUsual;
    var asGiven = given(given_), shown = decimal(asGiven);
    var typed = /e/.test(asGiven); // 2e-11 is written as typed: fixed decimals would make it 0
    // up to one decimal past the result's second significant digit; three for a square's, whose relative error is
    // twice its operand's (e = -7.0e-6 needed y(n+1) to 10 decimals for E(n+1) = 2.4e-11, e = -3.2e-4 to 8)
    var most = Math.min(MAX_PLACES, Math.max(DECIMALS + 1, (final ? 4 : 2) - p));
    for (var places = Math.min(most, Math.max(DECIMALS + 1, 1 - p)); places <= most; places++) {
      var text = typed ? asGiven : signedFixed(given_, places).replace(/\.?0+$/, ""), full = decimal(text);
      var common = Math.min(full.e, shown.e);
      var written = scaled(full, common) === scaled(shown, common) ? given_ : text; // as given where that is all of it
      var b = decimal(signedFixed(operand, places)), e = Math.min(full.e, b.e);
      var sum = scaled(full, e) + BigInt(sign) * scaled(b, e);
      longer = { given: written, spec: ":." + places + "f", value: { m: sum, e: e } };
      if (holds(longer.value)) break;
    }
    return longer;
  }

  // A hidden field v = Σ_k w_k x_k + b: its sum as written (the given digits, exactly: eq's shown value) and, as
  // show.hidden_fields writes it, the double v, or 0 where the numbers as typed (each double's shortest decimal)
  // add up to exactly 0: 0.5 · 0.6 + 0.375 · (−0.8) + 0 is 0, its double −5.6e-17, the rounding of binary arithmetic.
  function hiddenField(w, x, b, v) {
    return { shown: fieldSum(w, x, b, exactG), value: zeroByHand(w, x, b) ? 0 : v };
  }
  function fieldSum(w, x, b, exactOf) { // Σ_k w_k x_k + b, exactly, of the numbers as exactOf writes them
    return exactSum.apply(null, w.map(function (wk, k) { return exactProduct(exactOf(wk), exactOf(x[k])); })
      .concat([exactOf(b)]));
  }
  function zeroByHand(w, x, b) { return fieldSum(w, x, b, typedDigits).m === 0n; }
  function typedDigits(value) { return decimal(String(value)); } // a double's shortest decimal, as Python's repr

  function substitutions(net, x, d, eta, it) {
    it = it || iteration(net, x, d, eta);
    // r: a computed value as a formula writes it, as a double (for f(v) of a written v); R and G: a computed and a
    // given value as written, exactly (the operands of eq's sums and products, as show.exact on the static pages)
    var r = formulaValue, R = exact, G = exactG, fp = it.fp, f = it.factors, u = it.updates, next = it.next, rows = toDict(it.rows);
    var dd = targets(net, d)[0], e = f.e[0], y = fp.yo[0], fpo = f.fPrimeOutput[0], linearOut = net.output === "purelin";
    var out = {}, i, k, nHid = fp.yh.length, nIn = x.length;
    for (i = 0; i < nHid; i++) {
      var parts = [], vals = { b: net.b_hidden[i], v: fp.vh[i] };
      for (k = 0; k < nIn; k++) {
        parts.push("{{w" + k + ":given}} \\cdot {{x" + k + ":given}}");
        vals["w" + k] = net.w_hidden[i][k];
        vals["x" + k] = x[k];
      }
      var field = hiddenField(net.w_hidden[i], x, net.b_hidden[i], fp.vh[i]);
      vals.v = field.value;
      vals.rel = eq(field.shown, vals.v);
      out["v" + (i + 1)] = tex(parts.join(" + ") + " + {{b:given}} {{rel}} {{v}}", vals);
      out["y_h" + (i + 1)] = tex(F_TEX[net.hidden].replace(/v\}\}/g, "vi}}") + " {{rel}} {{y}}",
        { vi: vals.v, y: fp.yh[i], rel: eq(F_OF[net.hidden](r(vals.v)), fp.yh[i]) });
    }
    var o = {}, terms = [];
    for (i = 0; i < nHid; i++) {
      terms.push("{{w" + i + ":given}} \\cdot {{y" + i + "}}");
      o["w" + i] = net.w_output[0][i];
      o["y" + i] = fp.yh[i];
    }
    o.b = net.b_output[0];
    o.v = fp.vo[0];
    o.rel = eq(exactSum.apply(null, net.w_output[0].map(function (w, ii) { return exactProduct(G(w), R(fp.yh[ii])); })
      .concat([G(net.b_output[0])])), fp.vo[0]);
    var v4 = "v" + (nHid + 1);
    out[v4] = tex(terms.join(" + ") + " + {{b:given}} {{rel}} {{v}}", o);
    out.y = linearOut ? tex("{{y}}", { y: y })
      : tex(F_TEX[net.output] + " {{rel}} {{y}}", { v: fp.vo[0], y: y, rel: eq(F_OF[net.output](r(fp.vo[0])), y) });
    var ye = widened(dd, y, e, -1);
    out.e = tex("{{d:given}} - {{y" + ye.spec + "}} {{rel}} {{e}}", { d: ye.given, y: y, e: e, rel: eq(ye.value, e) });
    out.E = tex("\\frac{1}{2} \\cdot {{e}}^2 {{rel}} {{E}}", { e: e, E: rows.E, rel: eq(exactProduct(HALF, R(e), R(e)), rows.E) });
    // yTex, vTex: the neuron's output and field as the note names them (y_{h3} and v_3; y and v_4 for the output)
    var fPrime = function (name, yv, vv, value, yTex, vTex) {
      if (name === "purelin") return "1";
      var shown = ACTIVATIONS[name].fPrimeFromOutput(r(yv));
      // y within a few units of a double's last digit of 1 or -1 (logsig from v = 34 on, tanh from |v| = 17.3): the
      // rules' slope from y is rounding, more than COARSE off the slope at v (at v = 40 it is 0 for 4.2e-18; tanh at
      // 18.5 gives 4.4e-16 for 3.4e-16). Written as the rules compute it, with y and the slope at v beside it; the
      // static pages refuse such a neuron (backprop._teachable).
      var atV = F_PRIME_OF_V[name](r(vv));
      // a slope at v below a double's range (logsig from v = 745, tanh from |v| = 373), 0 in floating point: by hand
      var byHandAtV = atV === 0 && isFinite(vv) && BY_HAND[name] && BY_HAND[name].fPrimeAtField
        ? BY_HAND[name].fPrimeAtField(decimal(String(vv))) : ZERO;
      var lost = byHandAtV.m !== 0n ? texOfE(tinyText(byHandAtV)) : null;
      if ((atV > 0 && Math.abs(value - atV) > COARSE * atV) || lost) {
        var one = yv < 0 ? "\u22121" : "1", off = 1 - Math.abs(yv);
        var where = off === 0 ? "exactly " + one : "within }" + fieldText(off)[0] + "\\text{ of " + one;
        var atText = lost ? lost + "\\text{ by hand, below a double's range" : fieldText(atV)[0] + "\\text{";
        var note = " \\quad \\text{(}" + yTex + "\\text{ is " + where + " in floating point; the slope at }" + vTex +
          "\\text{ is }" + atText + ")}";
        if (value === 0) { // the arithmetic holds as written: 1.000000 (1 - 1.000000) = 0
          return tex(F_PRIME_TEX[name] + " {{rel}} {{fp}}", { y: yv, fp: value, rel: eq(shown, value) }) + note;
        }
        return tex(F_PRIME_TEX[name].replace(/\{\{y\}\}/g, "y") + " = {{fp}}", { fp: value }) + note;
      }
      // 1 - |y| kept to fewer than two digits in y's decimals, or the slope far off: from v instead, computed as the
      // formula is written (not through y, which loses those digits)
      if (Math.abs(1 - Math.abs(r(yv))) < Number("1e-" + (DECIMALS - 1)) || Math.abs(shown - value) > COARSE * Math.abs(value)) {
        return tex(F_PRIME_V_TEX[name] + " {{rel}} {{fp}}", { v: vv, fp: value, rel: eq(atV, value) });
      }
      return tex(F_PRIME_TEX[name] + " {{rel}} {{fp}}", { y: yv, fp: value, rel: eq(shown, value) });
    };
    out["f'(" + v4 + ")"] = fPrime(net.output, y, fp.vo[0], fpo, "y", "v_{" + (nHid + 1) + "}");
    for (i = 0; i < nHid; i++) {
      out["f'(v" + (i + 1) + ")"] = fPrime(net.hidden, fp.yh[i], fp.vh[i], f.fPrimeHidden[i], "y_{h" + (i + 1) + "}",
        "v_{" + (i + 1) + "}");
    }
    // The local gradients, as rules 1 and 3 introduce them: δ_4 = e f'(v_4), δ_i = f'(v_i) w_4i δ_4.
    // A linear neuron's f'(v) is written 1, as its own step writes it, not 1.000000.
    var j4 = nHid + 1, d4 = e * fpo, dh = [], linearHidden = net.hidden === "purelin";
    out["δ" + j4] = tex("{{e}} \\cdot {{fp}} {{rel}} {{d4}}",
      { e: e, fp: linearOut ? "1" : fpo, d4: d4, rel: eq(exactProduct(R(e), R(fpo)), d4) });
    for (i = 0; i < nHid; i++) {
      dh.push(f.fPrimeHidden[i] * net.w_output[0][i] * d4);
      out["δ" + (i + 1)] = tex("{{fp}} \\cdot {{w:given}} \\cdot {{d4}} {{rel}} {{delta}}",
        { fp: linearHidden ? "1" : f.fPrimeHidden[i], w: net.w_output[0][i], d4: d4, delta: dh[i],
          rel: eq(exactProduct(R(f.fPrimeHidden[i]), G(net.w_output[0][i]), R(d4)), dh[i]) });
    }
    for (i = 0; i < nHid; i++) {
      var dw = u.dw_output[0][i], w = net.w_output[0][i];
      out["Δw" + j4 + (i + 1)] = tex("{{eta:given}} \\cdot {{d4}} \\cdot {{y}} {{rel}} {{dw}}",
        { eta: eta, d4: d4, y: fp.yh[i], dw: dw, rel: eq(exactProduct(G(eta), R(d4), R(fp.yh[i])), dw) });
      out["w" + j4 + (i + 1) + "(n+1)"] = newValue(w, dw, next.w_output[0][i]);
    }
    var db = u.db_output[0];
    out["Δb" + j4] = linearOut
      ? tex("{{eta:given}} \\cdot ({{d:given}} - {{y" + ye.spec + "}}) {{rel}} {{db}}",
        { eta: eta, d: ye.given, y: y, db: db, rel: eq(exactProduct(G(eta), ye.value), db) })
      : tex("{{eta:given}} \\cdot {{d4}} {{rel}} {{db}}", { eta: eta, d4: d4, db: db, rel: eq(exactProduct(G(eta), R(d4)), db) });
    out["b" + j4 + "(n+1)"] = newValue(net.b_output[0], db, next.b_output[0]);
    for (i = 0; i < nHid; i++) {
      for (k = 0; k < nIn; k++) {
        var dwik = u.dw_hidden[i][k], name = "w" + (i + 1) + (k + 1);
        out["Δ" + name] = tex("{{eta:given}} \\cdot {{delta}} \\cdot {{x:given}} {{rel}} {{dw}}",
          { eta: eta, delta: dh[i], x: x[k], dw: dwik, rel: eq(exactProduct(G(eta), R(dh[i]), G(x[k])), dwik) });
        out[name + "(n+1)"] = newValue(net.w_hidden[i][k], dwik, next.w_hidden[i][k]);
      }
      var dbi = u.db_hidden[i];
      out["Δb" + (i + 1)] = tex("{{eta:given}} \\cdot {{delta}} {{rel}} {{db}}",
        { eta: eta, delta: dh[i], db: dbi, rel: eq(exactProduct(G(eta), R(dh[i])), dbi) });
      out["b" + (i + 1) + "(n+1)"] = newValue(net.b_hidden[i], dbi, next.b_hidden[i]);
    }
    out["y(n+1)"] = tex("{{y}}", { y: rows["y(n+1)"] });
    var yNext = rows["y(n+1)"], square = function (value) { return exactProduct(HALF, value, value); };
    var yn = widened(dd, yNext, dd - yNext, -1, { value: rows["E(n+1)"], of: square });
    out["E(n+1)"] = tex("\\frac{1}{2} \\cdot ({{d:given}} - {{y" + yn.spec + "}})^2 {{rel}} {{E}}",
      { d: yn.given, y: yNext, E: rows["E(n+1)"], rel: eq(square(yn.value), rows["E(n+1)"]) });
    return out;
  }

  function newValue(old, delta, value) {
    var sum = widened(old, delta, value, 1);
    return tex("{{old:given}} + {{delta" + sum.spec + "}} {{rel}} {{new}}", { old: sum.given, delta: delta, "new": value,
      rel: eq(sum.value, value) });
  }

  // The TeX of substitutions() as plain HTML text, for live updates (MathJax in the browser is too slow):
  // \frac{1}{2} -> ½, \frac{A}{B} -> A / (B), ^{..} and ^2 -> <sup>, \cdot -> ·, \times -> ×, \approx -> ≈,
  // \tanh and \cosh -> tanh and cosh, \big( -> (,
  // "-" -> "−".
  function texToHtml(texText) {
    var s = texText, out = "", pos = 0;
    function group(at) { // the text of the {...} group starting at s[at] === "{", and the index after it
      var depth = 0;
      for (var n = at; n < s.length; n++) {
        if (s[n] === "{") depth++;
        else if (s[n] === "}" && --depth === 0) return [s.slice(at + 1, n), n + 1];
      }
      return [s.slice(at + 1), s.length];
    }
    while (pos < s.length) {
      var rest = s.slice(pos), m;
      if (rest.indexOf("\\frac{1}{2}") === 0) { out += "½"; pos += 11; }
      else if (rest.indexOf("\\frac{") === 0) {
        var a = group(pos + 5), b = group(a[1]);
        out += texToHtml(a[0]) + " / (" + texToHtml(b[0]) + ")";
        pos = b[1];
      } else if (rest.indexOf("^{") === 0) {
        var g = group(pos + 1);
        out += "<sup>" + texToHtml(g[0]) + "</sup>";
        pos = g[1];
      } else if ((m = /^\^(\w)/.exec(rest))) { out += "<sup>" + m[1] + "</sup>"; pos += 2; }
      else if (rest.indexOf("_{") === 0) { // a subscript: y_{h3}, v_{3}
        var under = group(pos + 1);
        out += "<sub>" + texToHtml(under[0]) + "</sub>";
        pos = under[1];
      }
      else if (rest.indexOf("\\cdot") === 0) { out += "·"; pos += 5; }
      else if (rest.indexOf("\\approx") === 0) { out += "≈"; pos += 7; }
      else if (rest.indexOf("\\text{") === 0) { // words, as they are
        var t = group(pos + 5);
        out += t[0].replace(/&/g, "&amp;").replace(/</g, "&lt;");
        pos = t[1];
      } else if (rest.indexOf("\\quad") === 0) { out += "\u2003"; pos += 5; }
      else if (rest.indexOf("\\tanh") === 0) { out += "tanh"; pos += 5; }
      else if (rest.indexOf("\\cosh") === 0) { out += "cosh"; pos += 5; }
      else if (rest.indexOf("\\big") === 0) { pos += 4; } // \big( and \big): the bracket alone
      else if (rest.indexOf("\\times") === 0) { out += "×"; pos += 6; }
      else if (rest.indexOf("\\,") === 0) { out += "\u2009"; pos += 2; }
      else if (rest[0] === "-") { out += "−"; pos += 1; }
      else if (rest[0] === "<") { out += "&lt;"; pos += 1; }
      else if (rest[0] === "&") { out += "&amp;"; pos += 1; }
      else { out += rest[0]; pos += 1; }
    }
    return out;
  }

  root.BackpropEngine = {
    ACTIVATIONS: ACTIVATIONS, PARAMETERS: PARAMETERS, DECIMALS: DECIMALS, RTOL: RTOL, ATOL: ATOL,
    forward: forward, cost: cost, rules: rules, step: step, iteration: iteration, trace: trace,
    traceDict: traceDict, toDict: toDict, names: names, numericalGradient: numericalGradient,
    cancelling: cancelling, subnormal: subnormal, SMALLEST_NORMAL: SMALLEST_NORMAL, handTiny: handTiny, handIteration: handIteration, digitsOff: digitsOff,
    canonical: canonical, spelled: spelled, meantStep: meantStep, ALIASES: ALIASES, repeatedStep: repeatedStep, unheldNumber: unheldNumber, num: num, HAND_DIGITS: HAND_DIGITS, plain: plain, plainText: plainText, superscript: superscript, writtenPlain: writtenPlain, SIGNIFICANT: SIGNIFICANT, rounded: rounded, written: formulaValue, coarse: coarse, inScientific: inScientific, apart: apart, tex: tex, eq: eq, tolerance: tolerance, isClose: isClose,
    tellsApart: tellsApart, SLIPS: SLIPS, HALF_UNIT: HALF_UNIT, carriedError: carriedError,
    check: check,
    substitutions: substitutions, texToHtml: texToHtml,
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
