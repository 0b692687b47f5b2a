// Answer boxes of the exercise pages: type a number, press Enter (or Check), read "Right" or "Not yet".
// No dependencies, no network: the right value and the hints were fixed when the site was built.
//
// DOM contract (written by backprop.exercises.answer_box in the executed notebook):
//
//   <form class="bp-answer" hidden data-exercise="output-bias"
//         data-answer="-0.505947..."          right value (a JS number literal)
//         data-rtol="0.001" data-atol="1e-06"  right when |typed - answer| <= atol + rtol * |answer|
//         data-hints='[{"value": 0.505947, "hint": "Your sign is flipped: ..."}, ...]'
//         data-rounded='[{"value": -0.5059, "decimals": 4, "message": "that is the right answer rounded to ..."}]'
//         data-right="Right: -0.505947."       what a right number gets
//         data-fewer='["You gave no decimals. ...", "You gave one decimal. ...", ...]' data-half="5e-07"
//                                              added to it for k decimals typed, fewer than asked, more than half off
//         data-otherwise="Compare ..."        the hint for a wrong number that is no listed mistake
//         data-invalid="Not a number: ..."    what text that is no number gets
//         data-empty="Nothing typed yet: ...">  what Check with nothing typed gets
//     <label for="ID">Δb₄ =</label>
//     <input id="ID" class="bp-answer__input" type="text">
//     <button type="submit" class="bp-answer__submit">Check</button>
//     <p class="bp-answer__result" aria-live="polite"></p>
//   </form>
//
// The form ships `hidden` (so it never shows where this script does not run, e.g. in Jupyter);
// init() un-hides it and sets data-bp-ready="1". On submit (Enter in the input, or the button) the
// result paragraph gets, and the form's data-state attribute is set to:
//   data-right (+ data-fewer[k])      data-state="right"
//   "Not yet: <rounded message>"      data-state="wrong"  when the number equals the right one rounded to fewer
//                                     decimals (exactly: both are doubles read from the same decimal text)
//   "Not yet. <hint>"                 data-state="wrong"  when the number matches a listed mistake
//                                     (same tolerance; the first match wins), else data-otherwise
//   data-empty                        data-state="invalid" (nothing typed)
//   data-invalid                      data-state="invalid" (not a number)
// Editing the number takes the verdict away (data-state, the message, aria-invalid): it was said of another number.
// Numbers may use a comma or a dot, a Unicode minus, and exponents (1e-3, 1 × 10⁻³ as the messages write one, 1x10^-3).
// One rule, Python's: every word and number comes from the form (backprop.exercises, _render.form_html), and
// judge() is NumericExercise.box_verdict written again in JavaScript; tests/pages/test_answer_boxes.py runs
// this file in V8 and proves the two give the same verdict for every box of every exercise.
// init() runs on every page material shows, including after instant navigation (document$).
(function () {
  "use strict";

  // Without its outer spaces and one pair of parentheses around all of it, as a formula writes a negative number
  // ("(-0.5)"): _rounded.unwrapped.
  function unwrapped(text) {
    var s = String(text).trim();
    var inner = /^\(\s*([^()]*?)\s*\)$/.exec(s);
    return inner ? inner[1] : s;
  }

  // A power of ten after the number, as the boxes' messages write one ("-4.0 × 10⁻¹⁰") or a calculator does
  // ("1.34x10^-2", "1.34*10**-2", "1.34×10^(-2)", TeX's "10^{-2}"), in e-notation ("1.34e-2"): _rounded.times_ten
  // (spaces named one by one; 1 to 4 digits, as typedDecimals reads).
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

  function parseNumber(text) {
    // a Unicode minus or an en dash (a word processor's minus), and a space after the sign ("- 0.5"): _numeric.parse_typed
    // (the spaces after a sign named one by one: JavaScript's \s and Python's are not the same set)
    var s = timesTen(unwrapped(text).replace(/[\u2212\u2013]/g, "-")).replace(/^([+-])[ \t\u00a0\u2009\u202f]+/, "$1");
    // spaces inside a number only between groups of three digits ("1 000"): "0 5" is no number, not 5
    if (/\s/.test(s) && !/^[+-]?[1-9]\d{0,2}(\s\d{3})+([.,]\d*)?(e[+-]?\d+)?$/i.test(s)) return null;
    s = s.replace(/\s+/g, "");
    if (s.indexOf(".") < 0) s = s.replace(",", ".");
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
    var value = Number(s);
    return isFinite(value) ? value : null; // 1e400 is beyond a double: Infinity would be judged as a number
  }

  // How many decimals a typed number has ("0,0850": 4, "3": 0; "8.54e-3", 0.00854: 5); null for an exponent that is no
  // whole number (_rounded.typed_decimals).
  function typedDecimals(text) {
    var s = timesTen(unwrapped(text).replace(/[\u2212\u2013]/g, "-")), shift = 0;
    if (/e/i.test(s)) {
      var power = /^([\s\S]*?)[eE]\s*([+\-\u2212\u2013]?\d{1,4})\s*$/.exec(s);
      if (!power) return null;
      s = power[1]; // the mantissa's decimals, less the exponent
      shift = parseInt(power[2].replace(/[\u2212\u2013]/, "-"), 10);
    }
    var point = /[.,](\d*)\s*$/.exec(s);
    return Math.max(0, (point ? point[1].length : 0) - shift);
  }

  function close(value, target, rtol, atol) {
    return Math.abs(value - target) <= atol + rtol * Math.abs(target);
  }

  function judge(form, typed) {
    var data = form.dataset;
    if (unwrapped(typed) === "") return ["invalid", data.empty];
    var value = parseNumber(typed);
    if (value === null) return ["invalid", data.invalid];
    var rtol = Number(data.rtol);
    var atol = Number(data.atol);
    var places = typedDecimals(typed);
    if (close(value, Number(data.answer), rtol, atol)) {
      // fewer decimals than asked, and not the right value to six decimals: say so (NumericExercise.fewer_notes)
      var fewer = JSON.parse(data.fewer || "[]");
      var off = Math.abs(value - Number(data.answer)) > Number(data.half);
      return ["right", data.right + (places !== null && places < fewer.length && off ? " " + fewer[places] : "")];
    }
    // the right value rounded to as many decimals as typed (4.1e-1: 2): "0.400000" is no rounding of 0.4085
    var rounded = JSON.parse(data.rounded || "[]");
    for (var r = 0; r < rounded.length; r++) {
      if (value === Number(rounded[r].value) && (places === null || places === rounded[r].decimals)) {
        return ["wrong", "Not yet: " + rounded[r].message];
      }
    }
    var hints = JSON.parse(data.hints);
    for (var i = 0; i < hints.length; i++) {
      if (close(value, Number(hints[i].value), rtol, atol)) return ["wrong", "Not yet. " + hints[i].hint];
    }
    return ["wrong", "Not yet. " + data.otherwise];
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
      input.addEventListener("input", function () {
        if (!form.dataset.state) return;
        delete form.dataset.state;
        input.removeAttribute("aria-invalid");
        result.textContent = "";
      });
      form.dataset.bpReady = "1";
      form.hidden = false;
    });
  }

  // The rule alone, for tests that run this file without a page (tests/pages/test_answer_boxes.py).
  globalThis.bpAnswerBoxes = { parseNumber: parseNumber, typedDecimals: typedDecimals, judge: judge };
  if (typeof document === "undefined") return;
  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // material: first load and every instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
