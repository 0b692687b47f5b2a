// Answer boxes of the exercise pages: type a number, press Enter (or Check), read "Right" or "Not yet".
// No dependencies, no network: the right value and the hints were fixed when the site was built.
//
// DOM contract (written by backprop.exercises.answer_box in the executed notebook):
//
//   <form class="bp-answer" hidden data-exercise="output-bias"
//         data-answer="-0.505947..."          right value (a JS number literal)
//         data-rtol="0.001" data-atol="1e-06"  right when |typed - answer| <= atol + rtol * |answer|
//         data-hints='[{"value": 0.505947, "hint": "The sign is flipped: ..."}, ...]'
//         data-otherwise="Compare ...">        the hint for a wrong number that is no listed mistake
//     <label for="ID">Δb₄ =</label>
//     <input id="ID" class="bp-answer__input" type="text">
//     <button type="submit" class="bp-answer__submit">Check</button>
//     <p class="bp-answer__result" aria-live="polite"></p>
//   </form>
//
// The form ships `hidden` (so it never shows where this script does not run, e.g. in Jupyter);
// init() un-hides it and sets data-bp-ready="1". On submit (Enter in the input, or the button) the
// result paragraph gets, and the form's data-state attribute is set to:
//   "Right: ..."                      data-state="right"
//   "Not yet. <hint>"                 data-state="wrong"  when the number matches a listed mistake
//                                     (same tolerance; the first match wins), else data-otherwise
//   "Not a number: ..."               data-state="invalid" (nothing typed, or not a number)
// Numbers may use a comma or a dot, a Unicode minus, and exponents (1e-3).
// The hints come from Python (NumericExercise.hints, as check() uses them): when two slips give the same
// number for the example, their entries carry one merged hint; a slip that gives the right number is not listed.
// init() runs on every page material shows, including after instant navigation (document$).
(function () {
  "use strict";

  function parseNumber(text) {
    var s = String(text).trim().replace(/\u2212/g, "-").replace(/\s+/g, "");
    if (s.indexOf(".") < 0) s = s.replace(",", ".");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
    return Number(s);
  }

  function close(value, target, rtol, atol) {
    return Math.abs(value - target) <= atol + rtol * Math.abs(target);
  }

  function judge(form, typed) {
    var value = parseNumber(typed);
    if (value === null) {
      return ["invalid", "Not a number: type a number such as -0.123456 (a comma or a dot, 1e-3 works too)."];
    }
    var answer = Number(form.dataset.answer);
    var rtol = Number(form.dataset.rtol || "0.001");
    var atol = Number(form.dataset.atol || "1e-6");
    if (close(value, answer, rtol, atol)) return ["right", "Right: " + answer.toFixed(6) + "."];
    var hints = [];
    try {
      hints = JSON.parse(form.dataset.hints || "[]");
    } catch (err) {
      hints = [];
    }
    for (var i = 0; i < hints.length; i++) {
      if (close(value, Number(hints[i].value), rtol, atol)) return ["wrong", "Not yet. " + hints[i].hint];
    }
    return ["wrong", "Not yet. " + (form.dataset.otherwise || "")];
  }

  function init() {
    var forms = document.querySelectorAll("form.bp-answer:not([data-bp-ready])");
    Array.prototype.forEach.call(forms, function (form) {
      var input = form.querySelector(".bp-answer__input");
      var result = form.querySelector(".bp-answer__result");
      if (!input || !result) return;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var verdict = judge(form, input.value);
        form.dataset.state = verdict[0];
        input.setAttribute("aria-invalid", verdict[0] === "right" ? "false" : "true");
        result.textContent = verdict[1];
      });
      form.dataset.bpReady = "1";
      form.hidden = false;
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // material: first load and every instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
