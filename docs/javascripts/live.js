// The "Live worked example" page (docs/live-example.md): the reader's inputs in, every step's numbers out.
// All arithmetic and all writing of numbers is backprop-engine.js's (checked against the Python package by
// tests/pages/test_live_engine.py); this file only reads the fields, writes the results and draws the plot. The example and
// the classic mistakes' names and hints come from the page (#bp-live-data's data-json, written from Python at
// build time). The "Check my homework" form is live-homework.js's, which loads before this file: this one hands it the
// current numbers and tells it when they change.
//
// On every input event: the field is checked; if every field is valid the whole iteration is recomputed and every
// number and substituted formula is rewritten at once (synchronously, before the next frame). An invalid field is
// marked (aria-invalid and a message) and the last good numbers stay. A polite live region announces the result
// once the reader pauses. The script runs again when material's instant navigation shows the page.
//
// Over 300 lines because `init` is one closure over the page's fields and results (reading, checking, writing, the
// plot, the announcements), and the page loads this file as one plain script.
(function () {
  "use strict";

  var LIMIT = 1e6; // larger inputs are refused: the numbers would no longer fit a line (and would soon overflow)
  var RANGE = "\u2212" + LIMIT + " to " + LIMIT; // "−1000000 to 1000000"
  var ANNOUNCE_MS = 1200;

  // A power of ten after the number, as the boxes' messages write one ("-4.0 × 10⁻¹⁰") or a calculator does
  // ("1.34x10^-2", "1.34*10**-2", "1.34×10^(-2)", TeX's "10^{-2}"), in e-notation ("1.34e-2"): _rounded.times_ten
  // (as exercises.js: spaces named one by one; 1 to 4 digits, as its typedDecimals reads).
  var SUPERSCRIPTS = "\u207b\u207a\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"; // ⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹
  var SP = "[ \\t\\u00a0\\u2009\\u202f]*", POWER = "([+-]?[0-9]{1,4})";
  var TIMES_TEN = new RegExp(SP + "[\\u00d7xX*\\u00b7\\u22c5]" + SP + "10" + SP + "(?:(?:\\^|\\*\\*)" + SP + "(?:" +
    POWER + "|\\(" + SP + POWER + SP + "\\)|\\{" + SP + POWER + SP + "\\})|([\\u207b\\u207a]?[" +
    SUPERSCRIPTS.slice(2) + "]{1,4}))" + SP + "$");

  function timesTen(s) {
    var m = TIMES_TEN.exec(s);
    if (!m || m.index === 0) return s; // no power of ten, or nothing before it
    var plain = m[1] || m[2] || m[3]; // after ^ or **: bare, in parentheses or in braces
    var exponent = plain !== undefined ? plain : m[4].replace(/./g, function (c) {
      return "-+0123456789".charAt(SUPERSCRIPTS.indexOf(c));
    });
    return s.slice(0, m.index) + "e" + exponent;
  }

  // as exercises.js: a comma or a dot, a Unicode minus or an en dash, a space after the sign, exponents, one pair of ( );
  // the same numbers as Python's _numeric.parse_typed (tests/pages/test_live_fields.py), with ±Infinity for one beyond
  // a double, which problem() calls too large
  function parseNumber(text) {
    var inner = /^\(\s*([^()]*?)\s*\)$/.exec(String(text).trim()); // "(-0.290637)", copied from a formula
    var s = timesTen((inner ? inner[1] : String(text).trim()).replace(/[\u2212\u2013]/g, "-"))
      .replace(/^([+-])[ \t\u00a0\u2009\u202f]+/, "$1");
    // spaces inside a number only between groups of three digits ("1 000"): "0 5" is no number, not 5
    if (/\s/.test(s) && !/^[+-]?[1-9]\d{0,2}(\s\d{3})+([.,]\d*)?(e[+-]?\d+)?$/i.test(s)) return null;
    s = s.replace(/\s+/g, "");
    if (s.indexOf(".") < 0) s = s.replace(",", ".");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
    return Number(s);
  }

  // Digits grouped in threes by commas ("1,000", "-12,345", "1,500e3") are 1.000 to a reader who writes a decimal
  // comma and 1000 to one who writes a thousands separator. parseNumber, as exercises.js, would read a decimal comma;
  // this page asks instead (a field becomes the network, and a homework value can be in the thousands). A comma not
  // after 1 to 3 digits without a leading 0, or not before exactly 3 digits, groups no thousands and reads as before:
  // "0,5", "1,25", "0,125", "1234,567". Two or more groups ("1,000,000") can only be thousands separators, which
  // the page does not read either: it says how to write the number. The problem as a message, or "" for none.
  // With `limit` (a field's), a reading beyond it is not offered: "12,345,678" is Too large (a number `range`, the
  // field's: "from −1000000 to 1000000" by default), and "1,500e3" asks for 1.500e3 only (1500e3 is 1.5 × 10^6).
  function commaProblem(text, limit, range) {
    var s = String(text).trim().replace(/[\u2212\u2013]/g, "-").replace(/\s+/g, "");
    var m = /^([+-]?)([1-9]\d{0,2})((?:,\d{3})+)(e[+-]?\d+)?$/i.exec(s);
    if (!m) return "";
    var exponent = m[4] || "", whole = m[1] + m[2] + m[3].replace(/,/g, "") + exponent;
    var beyond = limit !== undefined && Math.abs(Number(whole)) > limit;
    if (m[3].length > 4) return beyond ? "Too large: use a number " + (range || "from " + RANGE) + "."
      : "Thousands separators are not read: write " + whole + ".";
    var point = m[1] + m[2] + "." + m[3].slice(1) + exponent;
    if (beyond) return "Ambiguous: " + s + " is " + point + " with a decimal comma, " + whole + " with a thousands " +
      "separator, beyond the range. Write " + point + ".";
    return "Ambiguous: " + s + " is " + point + " with a decimal comma, " + whole + " with a thousands separator. " +
      "Write " + point + " or " + whole + ".";
  }

  // The problem with a typed value, or "" when it is fine.
  function problem(name, text) {
    if (!String(text).trim()) return "Enter a number.";
    // η's own range: a student was told "from −1000000 to 1000000" for η, which must be greater than 0
    var range = name === "eta" ? "greater than 0, at most " + LIMIT : "from " + RANGE;
    var comma = commaProblem(text, LIMIT, range); // a reading beyond the fields' range is not offered
    // η written negative with thousands separators (-2,000,000): its sign is the problem, not its size
    var negative = /^\s*\(?\s*[-\u2212\u2013]/.test(String(text));
    if (comma && name === "eta" && negative && /^Too large/.test(comma)) {
      return "The learning rate η must be greater than 0.";
    }
    if (comma) return comma;
    var value = parseNumber(text);
    if (value === null && /\S\s+\S/.test(String(text).trim())) {
      return "Not a number: a space inside a number is read only between groups of three digits, as in 1 000.";
    }
    if (value === null) return "Not a number: write it like 0.25, -1.5 or 2e-3.";
    // η below 0, however far (-1e400 is -Infinity): its sign is the problem, not its size (a live page's review); a
    // positive one too small to store (1e-400, read as 0) is told so below, and 0 itself at the end
    if (name === "eta" && value < 0) return "The learning rate η must be greater than 0.";
    if (!isFinite(value) || Math.abs(value) > LIMIT) return "Too large: use a number " + range + ".";
    // 1e-400 or 1 × 10⁻⁴⁰⁰: below the smallest double (the digits before the power of ten, "0 × 10³" is 0)
    if (value === 0 && /[1-9]/.test(timesTen(String(text).trim().replace(/[\u2212\u2013]/g, "-")).split(/e/i)[0])) {
      return "Too small: a number this close to 0 cannot be stored (it would become 0).";
    }
    // 1e-320: below the smallest normal double, stored with fewer digits than the page prints (the engine's subnormal)
    if (value !== 0 && Math.abs(value) < window.BackpropEngine.SMALLEST_NORMAL) {
      return "Too small: below 2.2 \u00d7 10\u207b\u00b3\u2070\u2078 a number keeps fewer digits than the page " +
        "prints; use 0 or a larger number.";
    }
    if (name === "eta" && !(value > 0)) return "The learning rate η must be greater than 0.";
    return "";
  }

  function init() {
    var root = document.getElementById("bp-live"); // the inputs; the steps follow it on the page
    var E = window.BackpropEngine, H = window.BackpropHomework;
    if (!root || !E || !H || root.getAttribute("data-bp-ready")) return;
    root.setAttribute("data-bp-ready", "1");
    var page = root.closest("article") || document;
    var data = JSON.parse(document.getElementById("bp-live-data").getAttribute("data-json"));
    var fields = {}, selects = {};
    root.querySelectorAll("#bp-live-form input[data-param]").forEach(function (el) { fields[el.name] = el; });
    root.querySelectorAll("#bp-live-form select[data-param]").forEach(function (el) { selects[el.name] = el; });
    var numEls = {}, fdEls = {}, gapEls = {};
    page.querySelectorAll("[data-num]").forEach(function (el) { numEls[el.getAttribute("data-num")] = el; });
    page.querySelectorAll("[data-fd]").forEach(function (el) { fdEls[el.getAttribute("data-fd")] = el; });
    page.querySelectorAll("[data-fd-gap]").forEach(function (el) { gapEls[el.getAttribute("data-fd-gap")] = el; });
    var whenEls = Array.prototype.slice.call(page.querySelectorAll("[data-when]"));
    var stepBoxes = Array.prototype.slice.call(page.querySelectorAll(".bp-steps"));
    var status = document.getElementById("bp-live-status");
    var announce = document.getElementById("bp-live-announce");
    var state = { good: null, n: 0, history: [], timer: null, checkable: null, uncheckable: "", bad: [] };
    // "Check my homework" (live-homework.js) marks the reader's values against the network the fields hold,
    // state.checkable: the numbers shown, or numbers the page cannot show where their rounding is within the check's
    // tolerance; null while a field is invalid (the last good numbers stay shown above a network the fields do not
    // hold), a value overflows, or the rounding is larger than the tolerance: state.uncheckable then says which.
    var homework = H.attach({ engine: E, data: data, parseNumber: parseNumber, commaProblem: commaProblem,
      timesTen: timesTen,
      current: function () { return state.checkable; },
      uncheckable: function () { return state.uncheckable; }, // why current() is null
      // where current() is the fields' network and the steps show the last valid one (a student checked a number
      // copied from the steps and was told it was wrong, without a word that the two differ)
      unshown: function () {
        return state.checkable && state.checkable !== state.good ? "These marks are against the numbers in the " +
          "fields, whose steps the page cannot show (the line under the fields at the top says why), not the steps " +
          "shown." : "";
      } });

    function networkFrom(values) {
      return {
        w_hidden: [[values.w11, values.w12], [values.w21, values.w22], [values.w31, values.w32]],
        b_hidden: [values.b1, values.b2, values.b3],
        w_output: [[values.w41, values.w42, values.w43]], b_output: [values.b4],
        hidden: values.hidden, output: values.output,
      };
    }

    function mark(el, message) {
      var msg = document.getElementById(el.id + "-msg");
      if (message) {
        el.setAttribute("aria-invalid", "true");
        el.setAttribute("aria-describedby", msg.id);
      } else {
        el.removeAttribute("aria-invalid");
        el.removeAttribute("aria-describedby");
      }
      msg.textContent = message;
    }

    // Every field's value, or null if any is invalid (each marked).
    // The fields' numbers, or null where one is invalid; state.bad names those, as their labels do ("x1", "η").
    function read() {
      var values = {};
      state.bad = [];
      Object.keys(fields).forEach(function (name) {
        var why = problem(name, fields[name].value);
        mark(fields[name], why);
        if (why) state.bad.push(fields[name].labels[0].textContent);
        else values[name] = parseNumber(fields[name].value);
      });
      Object.keys(selects).forEach(function (name) { values[name] = selects[name].value; });
      return state.bad.length ? null : values;
    }

    function showVariants(net) {
      whenEls.forEach(function (el) {
        var parts = el.getAttribute("data-when").split(":"), want = parts[1];
        var act = net[parts[0]];
        var on = want === "other" ? act !== "purelin" : act === want;
        if (on === el.hidden) el.hidden = !on;
      });
    }

    function compute(values) {
      var net = networkFrom(values), x = [values.x1, values.x2];
      var it = E.iteration(net, x, values.d, values.eta);
      var finite = it.rows.every(function (row) { return isFinite(row[1]); });
      if (!finite) return null;
      var tiny = E.subnormal(it); // below a double's smallest normal number: fewer digits than the page prints
      if (tiny) { // named with its value by hand: the double keeps fewer digits (4.9e-324 for 3.4e-324)
        var text = E.handTiny(it, values.d, values.eta, tiny.name);
        return { tooSmall: text ? { name: tiny.name, text: text, kept: true } : tiny, values: values, net: net, x: x };
      }
      // A printed digit that the value by hand has not: the page does not show it. Where a sum's rounding bound also
      // reaches its digits (cancelling), that says why: terms that cancel, an output at the target, a field 0 by hand
      // kept by tanh. The bound alone refuses nothing: it held 10^12 - 10^12 + 0.1, exact in doubles, for noise.
      var off = E.digitsOff(it, values.d, values.eta);
      if (off && off.underflow) return { tooSmall: { name: off.where, text: off.byHand }, values: values, net: net, x: x };
      if (off) {
        var noisy = E.cancelling(it, values.d) || off;
        if (noisy !== off && noisy.where === off.where) { noisy.byHand = off.byHand; noisy.right = off.right; }
        return { noisy: noisy, values: values, net: net, x: x };
      }
      return { values: values, net: net, x: x, it: it, subs: E.substitutions(net, x, values.d, values.eta, it),
        grad: E.numericalGradient(net, x, values.d), rows: E.toDict(it.rows) };
    }

    // compute(), with an error of the page's own arithmetic caught and reported ({failed: its message}, and in the
    // console) rather than left to stop the update half-way, with the steps of another network on the page
    function computeCaught(values) {
      try {
        return compute(values);
      } catch (err) {
        if (window.console) window.console.error(err);
        return { failed: String(err && err.message || err) };
      }
    }

    function render(c) {
      showVariants(c.net);
      Object.keys(numEls).forEach(function (key) {
        var tex = c.subs[key], el = numEls[key];
        el.innerHTML = tex === undefined ? "" : "= " + E.texToHtml(tex);
        el.setAttribute("data-tex", tex === undefined ? "" : tex); // the TeX the static pages would write
      });
      var eta = c.values.eta, g = c.grad;
      var fd = {};
      for (var i = 0; i < 3; i++) {
        fd["Δw4" + (i + 1)] = g.w_output[0][i];
        fd["Δb" + (i + 1)] = g.b_hidden[i];
        for (var k = 0; k < 2; k++) fd["Δw" + (i + 1) + (k + 1)] = g.w_hidden[i][k];
      }
      fd["Δb4"] = g.b_output[0];
      // Each finite difference with its gap to the rule's value, written as show.apart writes it on the static pages
      // ("4e-05"): the gap is the finite difference's own error, which grows with large inputs and weights, so the
      // page promises no number of decimals on which the two agree.
      // An update no larger than that error is beyond what the finite difference measures, which then shows its own
      // error, of any sign: a tiny update near the target (the hidden ones first), or a cost so large that its rounding
      // swamps the difference (η = 50, three steps: E = 7.6e9). The gap says so.
      Object.keys(fdEls).forEach(function (key) {
        var measured = -eta * fd[key], gap = Math.abs(measured - c.rows[key]);
        fdEls[key].textContent = E.writtenPlain(measured); // as the update's formula beside it writes a number
        if (gapEls[key]) {
          var unmeasured = gap > 0 && gap >= Math.abs(c.rows[key]);
          var what = c.rows[key] === 0 ? ", where the update is 0: what the finite difference shows is its own error"
            : ", as much as the update itself: the finite difference cannot measure it here";
          gapEls[key].textContent = ", apart by " + E.apart(measured, c.rows[key]) + (unmeasured ? what : "");
        }
      });
    }

    // The top of the cost axis: three decimals, or, for a cost that would print as 0.000 there (below 0.0005), two
    // significant digits in scientific notation ("4.4×10⁻⁹"): a top label of 0.000 over a bottom one of 0 says nothing.
    // From 1000 on too ("7.6×10⁹"): the label ends at the axis, and 46 px left of it hold about 7 characters (a cost of
    // 7554477034.978 showed as "7034.978").
    function axisLabel(value) {
      if (value === 0 || (value < 1000 && /[1-9]/.test(E.plain(value, 3)))) return E.plain(value, 3);
      return sci(value);
    }

    // A number to six significant digits (two in scientific notation, from 10^6 on and below 10^-3), with a real
    // minus sign: -99999.8 is not "-100000".
    function signed(value) {
      var a = Math.abs(value);
      var far = a >= 1e6 || (a > 0 && a < 1e-3); // 8e-15 as JavaScript writes it would read as a product with e
      return (value < 0 ? "\u2212" : "") + (far ? sci(a).replace("\u00d7", " \u00d7 ") // as writtenPlain spaces it
        : String(Number(a.toPrecision(6))));
    }

    // Why the page shows no numbers for these fields (compute's null, tooSmall or noisy), typed (fresh) or one step
    // on from the numbers shown (Apply: the refused network's n is the page's n+1).
    function refusal(c, d, fresh, output) {
      if (!c) {
        return "These numbers overflow (a value became infinite); the steps below still show the last valid input. " +
          "Try smaller weights or a smaller η.";
      }
      if (c.tooSmall) {
        var tiny = !c.tooSmall.text ? E.writtenPlain(c.tooSmall.value)
          : E.plainText(c.tooSmall.text) + (c.tooSmall.kept ? " by hand" : " by hand, 0 in floating point,");
        return "These numbers are too small to show: " + c.tooSmall.name + " = " + tiny +
          " is below 2.2 \u00d7 10\u207b\u00b3\u2070\u2078 in size, where a double keeps fewer digits than the page prints. " +
          "The steps below still show the last valid input. Try other weights or inputs.";
      }
      return noisyText(c.noisy, d, fresh, output);
    }

    // Why a printed digit would be a double's rounding (E.digitsOff): a saturated neuron's slope, computed from its
    // output with few of a double's digits right (the step refused, or one it is built on); a value by hand a hair
    // from the tie between two writings; else the double's rounding, which reaches a printed digit.
    // named(step): a step as the message names it (after Apply, one step on: δ1 is δ1(n+1)).
    function digitsWhy(noisy, named) {
      var slope = "a saturated neuron's slope, computed from its output (1 \u2212 y\u00b2 or y(1 \u2212 y)), is a " +
        "difference of nearly equal numbers and keeps few of a double's digits";
      if (/^f'/.test(noisy.where)) return slope + ".";
      if (noisy.slope) {
        var its = noisy.slope.sum === 0 ? "0" : E.writtenPlain(noisy.slope.sum);
        return slope + " (" + named(noisy.slope.where) + " = " + its + " in floating point, " +
          E.writtenPlain(noisy.slope.byHand) + " by hand), and " + named(noisy.where) + " is built on it.";
      }
      if (noisy.nearTie) return "by hand it lies a hair from the tie between two writings, closer than a double's " +
        "rounding reaches.";
      return "a double keeps about 16 significant digits, and its rounding reaches a digit the page prints.";
    }

    // Why the page cannot show a sum whose printed digits its rounding could change (E.cancelling's `noisy`): a field
    // 0 by hand whose output keeps the rounding, an output within rounding of the target (e, E), terms too large for a
    // double's 16 digits, or terms that cancel to nearly 0; and what to do, or, after Apply, where training stands.
    function noisyText(noisy, d, fresh, output) {
      // after Apply the refused values are one step on: their n is the page's n+1, their n+1 its n+2
      var named = function (step) {
        return fresh ? step : /\(n\+1\)/.test(step) ? step.replace("(n+1)", "(n+2)") : step + "(n+1)";
      };
      var where = named(noisy.where);
      var kept = fresh ? " The steps below still show the last valid input" : " The numbers at time n stay as they were";
      var converged = ": training has come as close to the target as the page can show.";
      if (noisy.zero) { // a field 0 by hand whose output keeps the double's rounding (tanh), as the loader words it
        var i = noisy.where.replace(/^v(\d+).*$/, "$1");
        return where + " adds up to exactly 0 by hand, but to " + E.writtenPlain(noisy.sum) + " in floating point " +
          "(most decimals have no exact binary form), and the activation keeps that rounding in " + noisy.zero +
          " = " + E.writtenPlain(noisy.output) + ", where a reader gets " + E.plain(noisy.byHand).replace(/\.?0+$/, "") +
          ": the page would print the rounding as numbers." + kept + (fresh ? ". Give b" + i + " another value, or " +
          "write the numbers of neuron " + i + " and x with halves, quarters and eighths, which a double holds exactly."
          : ".");
      }
      var sum = noisy.sum === 0 ? "0" : E.writtenPlain(noisy.sum); // a double of exactly 0: 0, not 0.000000
      var digits = ", and the rounding a double leaves in ";
      var y = where.replace(/^[eE]/, "y");
      // e or a cost that cancelling finds, or that is 0 in floating point but not by hand: the output within rounding of
      // the target (y = 1 exactly: e = 0); a digit of e or E off otherwise (a near-tie, a large cost) is digitsOff's
      if (/^[eE]/.test(where) && (!noisy.digits || noisy.zeroed)) {
        var label = /^e/.test(where) ? where + " = d \u2212 " + y : where; // e(n+1) has no line of its own: d − y(n+1)
        var byHand = noisy.right === undefined ? "" : " in floating point, " + E.plainText(noisy.right) + " by hand";
        return "The output is too close to the target to show: " + label + " = " + sum + byHand +
          digits + y + " (about 16 digits) " + (byHand ? "changes" : "could change") + " the digits the page prints " +
          // a linear output is y = d by hand: only another d helps; a sigmoid output may sit on its flat end
          "of it." + kept + (!fresh ? converged : output === "purelin" ? ". Try another target d."
            : ". Try another target d, or smaller output weights and bias.");
      }
      if (noisy.digits) { // E.digitsOff: the double, as written, is not the value by hand rounded
        // a value 0 by hand is 0 to the digits the page works by hand with: terms that cancel there, or a remainder
        // too small for them (0.9 - 0.9 y_h3 with y_h3 = 1 - 10^-131), so the page names no writing of it
        var zero = noisy.byHand === "0";
        return "These numbers would print a digit of a double's rounding: " + where + " = " + sum +
          " in floating point, but " + (zero ? "0 by hand, to the " + E.HAND_DIGITS +
          " significant digits the page works with (smaller than the last of those digits of its terms)"
          : E.plainText(noisy.byHand) + " by hand") +
          (fresh ? "" : " (from the new weights as the fields would hold them, each a double)") +
          (zero ? "" : ", which the page would write " + E.plainText(noisy.right)) + ": " + digitsWhy(noisy, named) +
          kept + (!fresh ? (noisy.slope || /^f'/.test(noisy.where) // the updates took a field out to a flat end
            ? ". If the updates took that neuron out to the flat end of its curve, a smaller \u03b7 takes shorter " +
              "steps." : ".")
            : noisy.slope || /^f'/.test(noisy.where)  // η and d do not change a slope
            ? ". Try smaller weights, biases or inputs, which keep the neuron off its flat ends."
            : ". Try smaller weights, inputs or \u03b7, or another d.");
      }
      if (Math.abs(noisy.term) >= 1e6) {
        return "These numbers are too large to show: the terms of " + where + " (the largest " + signed(noisy.term) +
          ") add up to " + signed(noisy.sum) + " in floating point, and a double keeps about 16 digits of them, " +
          "fewer than the page " +
          "prints of the sum." + kept + (fresh ? ". Try smaller weights or inputs." : ". A smaller η takes a smaller step.");
      }
      // terms that cancel: the output's own field is training's limit only where it sits at the target, within a
      // billionth of the scale of its terms (d = 0 after many steps), not where it passes through 0 on its way
      var scale = Math.max(1, Math.abs(d), Math.abs(noisy.term));
      var atTarget = /^v4/.test(noisy.where) && Math.abs(noisy.sum - d) <= 1e-9 * scale;
      return "These numbers cancel too far to show: the terms of " + where + " (the largest " + signed(noisy.term) +
        ") add up to " + signed(noisy.sum) + " in floating point" + digits + "them (about 16 digits) could change " +
        "the digits the page " +
        "prints of the sum." + kept + (fresh ? ". Try other weights or inputs." : atTarget ? converged : ".");
    }

    // A number > 0 to two significant digits in scientific notation, as plain text: "4.4×10⁻⁹".
    function sci(value) {
      var parts = value.toExponential(1).split("e");
      return parts[0] + "\u00d710" + E.superscript(Number(parts[1]));
    }

    function plot() {
      var box = document.getElementById("bp-plot"), caption = document.getElementById("bp-plot-caption");
      var h = state.history, W = 320, H = 150, L = 46, R = 10, T = 10, B = 30;
      var max = Math.max.apply(null, h), min = Math.min(0, Math.min.apply(null, h));
      var span = max - min || 1, n = Math.max(1, h.length - 1);
      var px = function (t) { return (L + (W - L - R) * t / n).toFixed(1); };
      var py = function (v) { return (T + (H - T - B) * (1 - (v - min) / span)).toFixed(1); };
      var points = h.map(function (v, t) { return px(t) + "," + py(v); }).join(" ");
      var fmt = E.writtenPlain; // as the E step's formula writes the cost: two significant digits below 10^-5
      var label = "The cost E(n) after each applied update: " + h.map(function (v, t) {
        return "E(" + t + ") = " + fmt(v);
      }).slice(-6).join(", ") + (h.length > 6 ? " (the last six)" : "");
      box.innerHTML = '<svg viewBox="0 0 ' + W + " " + H + '" role="img" aria-label="' + label + '">' +
        '<line class="bp-plot__axis" x1="' + L + '" y1="' + (H - B) + '" x2="' + (W - R) + '" y2="' + (H - B) + '"/>' +
        '<line class="bp-plot__axis" x1="' + L + '" y1="' + T + '" x2="' + L + '" y2="' + (H - B) + '"/>' +
        '<text x="' + (L - 4) + '" y="' + (T + 8) + '" text-anchor="end">' + axisLabel(max) + "</text>" +
        '<text x="' + (L - 4) + '" y="' + (H - B) + '" text-anchor="end">' + E.plain(min, 3) + "</text>" +
        '<text x="' + L + '" y="' + (H - 8) + '" text-anchor="middle">0</text>' +
        '<text x="' + (W - R) + '" y="' + (H - 8) + '" text-anchor="end">n = ' + (h.length - 1) + "</text>" +
        '<text x="' + ((L + W - R) / 2) + '" y="' + (H - 8) + '" text-anchor="middle">iteration n</text>' +
        '<polyline class="bp-plot__line" points="' + points + '"/>' +
        h.map(function (v, t) { return '<circle class="bp-plot__dot" cx="' + px(t) + '" cy="' + py(v) + '" r="2.5"/>'; }).join("") +
        "</svg>";
      // the updates after which the cost is higher, as written: for this one sample a step too long (a short enough
      // step against the gradient lowers E), which the two ends of the caption alone can hide
      var rose = [];
      for (var k = 1; k < h.length; k++) if (h[k] > h[k - 1] && fmt(h[k]) !== fmt(h[k - 1])) rose.push(k);
      var listed = rose.length < 2 ? String(rose[0])
        : rose.slice(0, -1).join(", ") + " and " + rose[rose.length - 1];
      var up = !rose.length ? "" : " The cost went up at update" + (rose.length > 1 ? "s " : " ") + listed +
        ": a step too long for this sample; a smaller \u03b7 takes shorter steps.";
      caption.textContent = h.length > 1
        ? "E(0) = " + fmt(h[0]) + " \u2192 E(" + (h.length - 1) + ") = " + fmt(h[h.length - 1]) + " after " +
          (h.length - 1) + " update" + (h.length > 2 ? "s" : "") + " of the same sample." + up
        : "E(0) = " + fmt(h[0]) + ". Press \u201cApply the update\u201d to take a step.";
    }

    function say(text) {
      clearTimeout(state.timer);
      state.timer = setTimeout(function () { announce.textContent = text; }, ANNOUNCE_MS);
    }

    function summary(c) {
      var r = c.rows, f = E.writtenPlain; // as the formulas write them: a cost near 0 in two significant digits
      return "n = " + state.n + ": y = " + f(r.y) + ", E = " + f(r.E) + "; after the update y(n+1) = " + f(r["y(n+1)"]) +
        ", E(n+1) = " + f(r["E(n+1)"]) + ".";
    }

    // Recompute from the fields; keep the last good numbers when a field is invalid. `fresh` starts a new history.
    function setState(value) {
      root.setAttribute("data-state", value);
      stepBoxes.forEach(function (el) {
        el.setAttribute("data-state", value);
        // in words too, for whoever reads down to the steps (by ear or by eye) past the status line at the top
        var stale = el.querySelector(".bp-steps__stale");
        if (stale) stale.hidden = value !== "invalid";
      });
    }

    // After a refusal the steps show the last valid network, whose activations can differ from those now chosen (a
    // student's review: the dropdown said tansig over the logistic formulas); " Those steps use ...", or "".
    function stepsActivations() {
      var good = state.good && state.good.values;
      if (!good) return "";
      var names = { hidden: "the hidden neurons", output: "the output" };
      var differ = Object.keys(selects).filter(function (name) { return selects[name].value !== good[name]; });
      if (!differ.length) return "";
      var used = differ.map(function (name) { return good[name] + " for " + names[name]; });
      var chosen = differ.map(function (name) { return selects[name].value; });
      return " Those steps use " + used.join(" and ") + ", not the " + chosen.join(" and ") + " chosen above.";
    }

    // Recompute from the fields; `computed`, compute() of what they hold, where the caller has it already (Apply).
    function update(fresh, computed) {
      if (hereStatus) hereStatus.textContent = ""; // a press under the plot said why it took no step: that was then
      var values = read();
      if (!values) {
        state.checkable = null;
        state.uncheckable = "Fix the network's fields at the top of the page first.";
        setState("invalid");
        // the fields by name: on a phone the one to fix can be a screen above this line (a student's review); not
        // "needs a valid number", which η = 0 is (its message says why it is refused)
        var bad = state.bad, many = bad.length > 1;
        status.textContent = (many ? bad.slice(0, -1).join(", ") + " and " + bad[bad.length - 1] : bad[0]) +
          (many ? " are not accepted" : " is not accepted") + " (see the message under " +
          (many ? "each" : "it") + "); the steps below still show the last valid input." + stepsActivations();
        say(status.textContent); // in place of the numbers a pause would announce: they are the last valid input's
        homework.refresh(); // a homework check shown says to fix the fields first, not a verdict on the old numbers
        return false;
      }
      var c = computed || computeCaught(values);
      if (c && c.failed) { // a bug of the page's own: say so, keep the last valid numbers, and Apply nothing
        state.checkable = null;
        state.uncheckable = "These numbers could not be computed: no value can be checked against them.";
        setState("invalid");
        status.textContent = "The page could not compute these numbers (" + c.failed + "); the steps below still " +
          "show the last valid input." + stepsActivations();
        say(status.textContent);
        homework.refresh();
        return false;
      }
      if (!c || c.noisy || c.tooSmall) {
        // numbers the page cannot show can still be checked where their rounding is within the check's tolerance
        // (E.ATOL: 5.6e-17 beside v1 = 0 by hand); not an overflow, nor rounding a check would take for the answer
        state.checkable = c && (c.tooSmall || c.noisy.error <= E.tolerance(c.noisy.sum)) ? c : null;
        state.uncheckable = c && c.noisy ? "These numbers cannot be checked: the rounding of " + c.noisy.where +
          " named above is larger than the check's tolerance for it." :
          "These numbers overflow: no value can be checked against them.";
        setState("invalid");
        status.textContent = refusal(c, values.d, fresh, values.output) + stepsActivations();
        say(status.textContent); // in place of the numbers before, once typing pauses
        homework.refresh();
        return false;
      }
      setState("ok");
      status.textContent = "";
      state.good = state.checkable = c;
      if (fresh) { state.n = 0; state.history = [c.rows.E]; }
      render(c);
      plot();
      homework.refresh();
      say(summary(c));
      return true;
    }

    function setFields(values) {
      Object.keys(fields).forEach(function (name) { fields[name].value = String(values[name]); });
      Object.keys(selects).forEach(function (name) { selects[name].value = values[name]; });
    }

    function exampleValues() {
      var ex = data.example;
      return { x1: ex.x[0], x2: ex.x[1], d: ex.d, eta: ex.eta,
        w11: ex.w_hidden[0][0], w12: ex.w_hidden[0][1], w21: ex.w_hidden[1][0], w22: ex.w_hidden[1][1],
        w31: ex.w_hidden[2][0], w32: ex.w_hidden[2][1], b1: ex.b_hidden[0], b2: ex.b_hidden[1], b3: ex.b_hidden[2],
        w41: ex.w_output[0][0], w42: ex.w_output[0][1], w43: ex.w_output[0][2], b4: ex.b_output[0],
        hidden: ex.hidden, output: ex.output };
    }

    // Apply refused: `outside` names the new values beyond the fields' range ("w41(n+1)", ...), `v` the values.
    // Said in the status line and the polite live region at once, in place of the result a pause would announce.
    function refuse(outside, v) {
      var first = outside[0], others = outside.slice(1);
      var list = others.length < 2 ? others.join("") : others.slice(0, -1).join(", ") + " and " + others[others.length - 1];
      // A value just past the limit prints as the limit with the page's decimals (1000000.000000): then in full.
      var value = v[first.replace("(n+1)", "")];
      var shown = Math.abs(E.rounded(value)) > LIMIT ? E.plain(value) : String(value).replace("-", "\u2212");
      var text = "Not applied: this step would make " + first + " = " +
        shown + (others.length ? " (and " + list + " too)" : "") +
        ", outside " + RANGE + ", what the fields accept. The numbers at time n stay as they were; a smaller \u03b7 " +
        "takes a smaller step.";
      status.textContent = text;
      clearTimeout(state.timer);
      announce.textContent = text;
    }

    function notApplied(why) { return "Not applied: " + why.charAt(0).toLowerCase() + why.slice(1); }

    function apply() {
      var c = state.good;
      if (!c || root.getAttribute("data-state") !== "ok") { // the status says why; say it again, now, for this press
        clearTimeout(state.timer);
        announce.textContent = notApplied(status.textContent);
        return;
      }
      var next = c.it.next, v = {};
      for (var key in c.values) v[key] = c.values[key];
      v.w11 = next.w_hidden[0][0]; v.w12 = next.w_hidden[0][1]; v.w21 = next.w_hidden[1][0];
      v.w22 = next.w_hidden[1][1]; v.w31 = next.w_hidden[2][0]; v.w32 = next.w_hidden[2][1];
      v.b1 = next.b_hidden[0]; v.b2 = next.b_hidden[1]; v.b3 = next.b_hidden[2];
      v.w41 = next.w_output[0][0]; v.w42 = next.w_output[0][1]; v.w43 = next.w_output[0][2]; v.b4 = next.b_output[0];
      // A step that would write a value the fields refuse (beyond LIMIT) is not taken: the fields would turn invalid
      // and the reader could neither see the new numbers nor step on. The fields, the numbers and the plot stay as
      // they were; the status names the first such parameter (in trace order) with its value, and the others.
      var outside = c.it.rows.map(function (row) { return /^([wb]\d+)\(n\+1\)$/.exec(row[0]); })
        .filter(function (m) { return m && problem(m[1], String(v[m[1]])); })
        .map(function (m) { return m[0]; });
      if (outside.length) {
        refuse(outside, v);
        return;
      }
      // A step to numbers the page cannot show (digits their rounding could change: near convergence) is not taken
      // either, and the status says why: the fields would hold a network the steps below do not show.
      var after = computeCaught(v);
      if (!after || after.failed || after.noisy || after.tooSmall) {
        var why = after && after.failed ? "the page could not compute the numbers one step on (" + after.failed + ")."
          : refusal(after, v.d, false, v.output);
        status.textContent = notApplied(why);
        clearTimeout(state.timer);
        announce.textContent = status.textContent;
        return;
      }
      setFields(v); // the exact values (shortest round-trip text), so nothing is lost between steps
      if (update(false, after)) {
        state.n += 1;
        state.history.push(state.good.rows.E);
        plot();
        say(summary(state.good));
      }
    }

    Object.keys(fields).forEach(function (name) {
      fields[name].addEventListener("input", function () { update(true); });
    });
    Object.keys(selects).forEach(function (name) {
      selects[name].addEventListener("change", function () { update(true); });
    });
    document.getElementById("bp-live-form").addEventListener("submit", function (ev) { ev.preventDefault(); });
    document.getElementById("bp-reset").addEventListener("click", function () {
      setFields(exampleValues());
      update(true);
    });
    document.getElementById("bp-apply").addEventListener("click", apply);
    // The same step from under the plot; a press that takes none says why beside it too (the status line is at the
    // top, a long scroll away), and the next step clears it.
    var hereStatus = document.getElementById("bp-apply-here-status");
    document.getElementById("bp-apply-here").addEventListener("click", function () {
      var before = state.n;
      apply();
      hereStatus.textContent = state.n === before ? announce.textContent || status.textContent : "";
    });
    update(true);
    announce.textContent = "";
    clearTimeout(state.timer);
  }

  // parseNumber too, for tests/pages/test_live_fields.py, which runs this file in V8 against Python's reading
  window.BackpropLive = { init: init, problem: problem, commaProblem: commaProblem, parseNumber: parseNumber };
  // Instant navigation may run this before the files it needs have loaded: init runs once the last of them has.
  [["BackpropEngine", "backprop-engine.js"], ["BackpropHomework", "live-homework.js"]].forEach(function (need) {
    if (window[need[0]]) return;
    var script = document.querySelector('script[src$="' + need[1] + '"]');
    if (script) script.addEventListener("load", init);
  });
  init();
})();
