// "Check my homework" on the "Live worked example" page (docs/live-example.md): the reader's own values for any of
// the steps, each marked right or wrong against the network and sample in the fields at the top of the page, and at
// the first wrong step the classic mistake that gives the value, if one does (backprop-engine.js's check, the same
// catalogue as `python -m backprop trace --check`); or an answers file pasted as JSON.
//
// live.js owns the fields and the numbers: it calls BackpropHomework.attach once the page is set up, passing the
// engine, the page's data, its number reader, its refusal of "1,000" (commaProblem: a message, or "") and current(),
// which returns the network the fields hold ({net, x, values}; also where the page cannot show its numbers, if their
// rounding is within the check's tolerance) or null (a field invalid); after each recomputation it calls refresh(), which
// checks again if the reader has checked before, so the marks follow the fields; and unshown(), a sentence where the
// network current() returns is not the one whose steps the page shows (else ""). This file loads before live.js.
(function () {
  "use strict";

  // "a", "a and b", "a, b and c", as show.and_list writes a list
  function andList(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  // homework.Report.decimals_advice: where no slip explains the first wrong value and it is no rounding of the right
  // one, the values before it with fewer than six decimals that lose digits (0.3 for 0.3 loses none), named as
  // written, and whether it has fewer itself
  function decimalsAdvice(report, E, data) {
    if (report.rounded !== null || report.likely.length || report.near.length) return "";
    var lossy = report.marks.slice(0, report.marks.indexOf(report.firstWrong)).filter(function (m) {
      return losesDigits(m, E);
    }).map(function (m) { return m.name + " = " + m.given.toFixed(m.decimals); });
    var said = lossy.length ? [data.carriedDecimals.replace("{values}", lossy.join(", "))] : [];
    if (report.firstWrong.decimals < E.DECIMALS) said.push(data.fewerDecimals);
    return said.join(" ");
  }

  // homework._loses_digits: a value written with fewer than six decimals that lose digits of its right value (more
  // than half a unit of the sixth decimal, and its carried error, from it: 0.3 for 0.3 loses none)
  function losesDigits(m, E) {
    return m.decimals < E.DECIMALS && Math.abs(m.given - m.right) > E.HALF_UNIT + m.carried;
  }

  // homework.Report.fewer_advice: where every value is right, those that lose digits to fewer than six decimals, as
  // written and with the right value to six ("v4 = 12.3457 for 12.345678": the tolerance passes them, but not as asked)
  function fewerAdvice(report, E, data) {
    if (report.firstWrong) return "";
    var lossy = report.marks.filter(function (m) { return losesDigits(m, E); }).map(function (m) {
      return m.name + " = " + m.given.toFixed(m.decimals) + " for " + E.num(m.right);
    });
    return lossy.length ? data.rightWithFewer.replace("{values}", lossy.join(", ")) : "";
  }

  function attach(options) {
    var E = options.engine, data = options.data, parseNumber = options.parseNumber, current = options.current;
    var commaProblem = options.commaProblem;
    var hwForm = document.getElementById("bp-hw");
    var hwResult = document.getElementById("bp-hw-result");
    // The verdict is announced when the reader asks for it (Check, Fill in and check): a recheck after each keystroke
    // in the fields above rewrites it silently, or a screen reader read the whole verdict again at every key (an
    // accessibility review; the page's own announcer says the new numbers after a pause).
    var hwAnnounce = document.getElementById("bp-hw-announce");
    function showResult(text, announce) {
      hwResult.textContent = text;
      if (!announce) return;
      hwAnnounce.textContent = "";  // the same verdict twice is announced twice: the region changes
      setTimeout(function () { hwAnnounce.textContent = text; }, 50);
    }
    var hwInputs = Array.prototype.slice.call(hwForm.querySelectorAll("input[data-step]"));
    // The hints as Python writes them for the page's network with the activations selected (data.hints, by
    // "hidden/output", every pair the selects offer): a hint follows both activations (the sign-flipped rule has
    // f'(v_4) for a nonlinear output, the derivative hints name the hidden layer's own derivative).
    function hintFor(name, net) { return data.hints[net.hidden + "/" + net.output][name]; }
    // Slips by name, each with its hint for the network checked: "sign-flipped. <hint> Or: ...".
    function slipsWithHints(names, net) {
      return names.map(function (n) { return n + ". " + hintFor(n, net) + outputAdvice(n, net); }).join(" Or: ");
    }
    // The hidden layer's sigmoid at the output may be the reader's network rather than a slip: work right for a
    // sigmoid output, checked with the output's activation left at purelin, is told where to set it.
    function outputAdvice(name, net) {
      if (name !== "sigmoid-output") return "";
      return " If your network's output neuron does have " + net.hidden + ", choose " + net.hidden +
        " for the output under Activations at the top: the check follows the network set there.";
    }
    var order = data.mistakes.map(function (m) { return m.name; }).filter(function (n) { return E.SLIPS[n]; });
    var checked = false; // whether the reader has checked: then every recomputation checks again
    var checkedFields = null; // the fields' values when the reader last pressed Check (JSON), to say when they change

    function hwMark(input, text, kind) {
      var m = document.getElementById(input.id + "-mark");
      m.textContent = text;
      m.className = "bp-hw__mark" + (kind ? " bp-hw__mark--" + kind : "");
      if (kind === "invalid") {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", m.id);
      } else {
        input.removeAttribute("aria-invalid");
        if (kind) input.setAttribute("aria-describedby", m.id);
        else input.removeAttribute("aria-describedby");
      }
    }

    function checkHomework(focus) {
      var c = current(), given = {}, written = {}, bad = 0;
      hwInputs.forEach(function (input) {
        if (!input.value.trim()) { hwMark(input, "", ""); return; }
        var why = commaProblem(input.value); // "1,000": 1.000 or 1000? Asked, not guessed, as in the fields above
        if (why) { hwMark(input, why, "invalid"); bad++; return; }
        var value = parseNumber(input.value);
        // as typed, for its decimals ("0,410000" has six) and its digits: without one pair of parentheses around it
        // (as parseNumber reads it), a minus of any kind as "-" (the exponent of "1e\u22123" is -3), a power of ten
        // "× 10⁻³" as "e-3", group spaces left out, a decimal comma read as a point
        var inner = /^\(\s*([^()]*?)\s*\)$/.exec(input.value.trim());
        var plain = options.timesTen((inner ? inner[1] : input.value.trim()).replace(/[\u2212\u2013]/g, "-"))
          .replace(/\s+/g, "").replace(",", ".");
        // as the fields above say it: a number a double cannot hold is named so, not called "not a number"
        var unread = value === null ? "not a number" : !isFinite(value) ? "too large: beyond a double's range " +
          "(about \u00b11.8 \u00d7 10\u00b3\u2070\u2078)" : value === 0 && /[1-9]/.test(plain.split(/e/i)[0])
          ? "too small: a number this close to 0 cannot be stored (it would become 0)" : "";
        if (unread) { hwMark(input, unread, "invalid"); bad++; return; }
        given[input.getAttribute("data-step")] = value;
        written[input.getAttribute("data-step")] = plain;
      });
      checked = true;
      if (!c) { // no verdict on numbers the fields no longer say: the marks and the result's attributes go too
        hwInputs.forEach(function (input) { if (input.getAttribute("data-step") in given) hwMark(input, "", ""); });
        hwResult.setAttribute("data-first-wrong", "");
        hwResult.setAttribute("data-likely", "");
        showResult(options.uncheckable ? options.uncheckable() :
          "Fix the network's fields at the top of the page first.", focus);
        return;
      }
      var names = Object.keys(given);
      if (!names.length) {
        showResult(bad ? "Write your values as numbers, like 0.25 or -1.5e-3: the mark beside each says " +
          "what is wrong." : "Enter your value for at least one step, then check.", focus);
        return;
      }
      var report = E.check(c.net, c.x, c.values.d, c.values.eta, given, order, written);
      report.marks.forEach(function (m) {
        var input = hwInputs.filter(function (el) { return el.getAttribute("data-step") === m.name; })[0];
        hwMark(input, m.ok ? (m.undecided ? "\u2713 right, but six decimals cannot tell it from " +
          (m.atN === null ? "0" : "no update") + " here" : "\u2713 right") : m.rounded !== null ?
          "\u2717 rounded to " + m.rounded + " decimal" + (m.rounded === 1 ? "" : "s") : "\u2717 wrong",
          m.ok ? "right" : "wrong");
      });
      var right = report.marks.filter(function (m) { return m.ok; }).length;
      var parts = [right + " of " + report.marks.length + " right."];
      // Marks that follow a change of the fields (an edit, or Apply, which puts the network at n+1 in them) say so:
      // "0 of 38 right" after Apply is about the new network, not the values the reader checked.
      var unshown = options.unshown ? options.unshown() : "";
      if (unshown) parts.unshift(unshown);
      var fieldsNow = JSON.stringify(c.values);
      if (focus) checkedFields = fieldsNow;
      else if (checkedFields !== null && fieldsNow !== checkedFields) {
        parts.unshift("The fields have changed since you pressed Check (Apply puts the network at n+1 in them): " +
          "your values are now checked against what they hold.");
      }
      var notRead = bad + " value" + (bad > 1 ? "s are" : " is") + " not read: the mark beside " +
        (bad > 1 ? "each" : "it") + " says why."; // not a number, beyond a double, or "1,000" (commaProblem)
      if (report.firstWrong) {
        var fw = report.firstWrong;
        // quoted as typed: E.plain would round it to the page's decimals (0.0000005 as "0.000000")
        var typed = hwInputs.filter(function (el) { return el.getAttribute("data-step") === fw.name; })[0];
        parts.push("The first wrong step is " + fw.name + " (you wrote " +
          (typed ? typed.value.trim() : E.plain(fw.given)) + ").");
        if (report.rounded !== null) { // homework.Report.rounded, as `trace --check` says it
          parts.push(data.rounded[report.rounded]);
          if (report.likely.length) {
            parts.push("It is also what a classic mistake gives here: " + slipsWithHints(report.likely, c.net));
          }
        } else if (report.likely.length) {
          parts.push("Likely mistake" + (report.likely.length > 1 ? "s" : "") + ": " + slipsWithHints(report.likely, c.net));
        } else if (report.near.length) { // a slip gives it, but too near the right value for the check to name it
          var one = report.near.length === 1;
          parts.push("The slip" + (one ? " " : "s ") + andList(report.near) + " give" + (one ? "s" : "") +
            " about this value, but a right value can lie within the check's tolerance of it too, so the check cannot " +
            "tell whether " + (one ? "it is" : "one of them is") + " your mistake: " + slipsWithHints(report.near, c.net) +
            " Work it out again from its formula, with the values before it to six decimals.");
        } else {
          var advice = decimalsAdvice(report, E, data);
          var said = report.contradicted.map(function (slip) { // homework.Report.contradicted, as trace --check says
            return slip[0] + " gives it, but would have made your " + slip[1] + " " + E.plain(slip[2]);
          });
          parts.push("No classic mistake gives this value" + (said.length ? " together with what you gave before " +
            "it (" + said.join("; ") + ")" : "") + ": work it out again from its formula, with the values " +
            "before it to six decimals." + (advice ? " " + advice : ""));
        }
        // as trace --check says them: a later value a slip named does not give, and another step's right value
        report.unexplained.forEach(function (u) {
          parts.push("But " + u[0] + " does not give your " + u[1] + ": it gives " + E.plain(u[2]) + " there.");
        });
        if (report.sameAs.length) {
          parts.push("Your " + fw.name + " is the right value of " + andList(report.sameAs) + ": written under the " +
            "wrong step, or copied from it?");
        }
        if (bad) parts.push(notRead);
      } else if (bad) {
        parts.push(notRead);
      } else if (report.marks.some(function (m) { return m.ok && m.undecided; })) {
        // not "right" without a word: nothing at all passes there too (a large η, a tiny one); "No value is wrong"
        // would be false of a wrong one that passes (a reviewer's sign-flipped Δw41 with η = 1e-7)
        // each named with what it cannot be told from, as its mark says: 0, or no update (a new weight or bias)
        var undecided = report.marks.filter(function (m) { return m.ok && m.undecided; });
        var named = function (steps) { return andList(steps.map(function (m) { return m.name; })); };
        var zeros = undecided.filter(function (m) { return m.atN === null; });
        var kept = undecided.filter(function (m) { return m.atN !== null; });
        parts.push("Every value you entered is within the check's tolerance, but six decimals cannot tell " +
          [zeros.length ? named(zeros) + " from 0" : "", kept.length ? named(kept) + " from no update" : ""]
            .filter(Boolean).join(", or ") + " here: those would pass too.");
      } else {
        parts.push("Every value you entered is right.");
      }
      var fewer = report.firstWrong || bad ? "" : fewerAdvice(report, E, data);
      if (fewer) parts.push(fewer);
      hwResult.setAttribute("data-first-wrong", report.firstWrong ? report.firstWrong.name : "");
      hwResult.setAttribute("data-likely", report.likely.join(" "));
      hwResult.setAttribute("data-rounded", report.rounded !== null ? String(report.rounded) : "");
      showResult(parts.join(" "), focus);
      if (focus && report.firstWrong) { /* keep focus on the button: the result is announced */ }
    }

    // An answers file as `python -m backprop trace --check` reads it: {"<step>": number, ...}, "d" (or "∆") for "Δ".
    var canonical = E.canonical;

    function parsesWithoutTrailingCommas(text) {
      try {
        JSON.parse(text.replace(/,(\s*[}\]])/g, "$1"));
        return true;
      } catch (err) {
        return false;
      }
    }

    function fillFromJson() {
      var box = document.getElementById("bp-hw-json"), answers, problemText = "";
      var like = "a JSON object of step names and numbers, like {\"v1\": 1.234567, \"dw41\": -0.012345}";
      try {
        answers = JSON.parse(box.value);
        if (!answers || typeof answers !== "object" || Array.isArray(answers)) problemText = "Not " + like + ".";
      } catch (err) {
        // a comma after the last entry, which JavaScript, Python and editors allow, is named where the text is JSON
        // without it (as trace --check names it); not where something else is wrong too
        problemText = (parsesWithoutTrailingCommas(box.value) ? "Not valid JSON: a comma after the last entry of an " +
          "object or a list, which JSON does not allow (remove it). Write " : "Not valid JSON. Write ") + like + ".";
      }
      var byStep = {};
      hwInputs.forEach(function (input) { byStep[input.getAttribute("data-step")] = input; });
      var repeated = problemText ? "" : E.repeatedStep(box.value);
      if (repeated) {  // as trace --check refuses it, where JSON.parse would keep the last silently
        problemText = (/^gives/.test(repeated) ? "What you pasted " : "In what you pasted, ") + repeated + ".";
      }
      var unheld = problemText ? "" : E.unheldNumber(box.value);
      if (unheld) problemText = "In what you pasted, " + unheld + "."; // JSON.parse: Infinity, or 0 silently
      if (!problemText) { // every unknown name at once, as trace --check says them: each with the step it reads as
        var unknown = Object.keys(answers).filter(function (name) { return !byStep[canonical(name)]; });
        if (unknown.length) {
          problemText = "Unknown step" + (unknown.length > 1 ? "s " : " ") + unknown.map(function (name) {
            var meant = E.meantStep(name, Object.keys(byStep));  // "yh1": y_h1
            return JSON.stringify(name) + (meant ? " (did you mean " + JSON.stringify(meant) + "?)" : "");
          }).join(", ") + ": the steps are those of the fields above.";
        }
      }
      if (!problemText) {
        Object.keys(answers).some(function (name) {
          var value = answers[name];
          if (typeof value !== "number" || !isFinite(value)) problemText = "Step " + JSON.stringify(name) + " must be a number.";
          return !!problemText;
        });
      }
      box.setAttribute("aria-invalid", problemText ? "true" : "false");
      if (problemText) box.setAttribute("aria-describedby", "bp-hw-json-msg");
      else box.removeAttribute("aria-describedby");
      document.getElementById("bp-hw-json-msg").textContent = problemText;
      if (problemText) { // said in the result too, and announced, and no earlier verdict stays
        ["data-first-wrong", "data-likely", "data-rounded"].forEach(function (a) { hwResult.setAttribute(a, ""); });
        showResult("Nothing was filled in or checked: " + problemText, true);
        return;
      }
      hwInputs.forEach(function (input) { input.value = ""; });
      // each number as the file writes it, trailing zeros kept ("0.700000" has six decimals, String(0.7) one), as
      // trace --check reads them from the file's text
      var texts = {}, re = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, m;
      while ((m = re.exec(box.value)) !== null) texts[JSON.parse('"' + m[1] + '"')] = m[2];
      Object.keys(answers).forEach(function (name) {
        byStep[canonical(name)].value = name in texts ? texts[name] : String(answers[name]);
      });
      checkHomework(true);
    }

    hwForm.addEventListener("submit", function (ev) { ev.preventDefault(); checkHomework(true); });
    document.getElementById("bp-hw-fill").addEventListener("click", fillFromJson);
    document.getElementById("bp-hw-clear").addEventListener("click", function () {
      hwInputs.forEach(function (input) { input.value = ""; hwMark(input, "", ""); });
      checked = false;
      checkedFields = null;
      showResult("", false);
      hwAnnounce.textContent = "";
    });
    return { refresh: function () { if (checked) checkHomework(false); } };
  }

  window.BackpropHomework = { attach: attach };
})();
