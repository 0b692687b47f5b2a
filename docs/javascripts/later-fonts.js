// The fonts of the whole page, fetched once it has loaded, when the browser is idle.
//
// A page preloads only the faces its first screen draws with (hooks/first_screen.py), and the blocks below the screen
// skip their rendering until they scroll into view (content-visibility: auto, extra.css), so a face only they draw
// with (Roboto's italic, MathJax's large operators and delimiters) is not requested before the reader gets there. A
// printout lays out every block at once and does not wait for a font: a print review found italic words missing on
// paper, and sums and matrix brackets drawn in a fallback font. So, after the load event and when the browser is
// idle, each face that the article's elements ask for is loaded through the CSS Font Loading API
// (document.fonts.load): one element of each kind (emphasis, headings, code, and one glyph of each of MathJax's font
// classes) is asked for its computed font.
(function () {
  if (!document.fonts || !document.fonts.load || !window.getComputedStyle) return;

  var KINDS = "p, em, i, strong, b, h1, h2, h3, code, pre, kbd, th, td, summary";

  function elements(article) {
    var found = [];
    KINDS.split(", ").forEach(function (tag) {
      var element = article.querySelector(tag);
      if (element) found.push(element);
    });
    var classes = {}; // one element per MathJax font class (TEX-I, TEX-S1, ...) and one stretched delimiter
    article.querySelectorAll('[class*="TEX-"], mjx-stretchy-v, mjx-stretchy-h').forEach(function (element) {
      var key = element.tagName + " " + ((element.getAttribute("class") || "").match(/\bTEX-[\w-]+/) || [""])[0];
      if (!(key in classes)) classes[key] = element;
    });
    for (var key in classes) found.push(classes[key]);
    return found;
  }

  function loadFaces() {
    var article = document.querySelector("article");
    if (!article) return;
    var asked = {};
    elements(article).forEach(function (element) {
      var style = window.getComputedStyle(element);
      var font = style.fontStyle + " " + style.fontWeight + " 16px " + style.fontFamily;
      if (asked[font]) return;
      asked[font] = true;
      document.fonts.load(font).catch(function () {}); // a face that fails is drawn in the fallback, as on screen
    });
  }

  function whenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(loadFaces, { timeout: 3000 });
    else window.setTimeout(loadFaces, 200);
  }

  function afterLoad() {
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
  }

  // material's document$: the first load and every instant navigation, whose new article has faces of its own
  if (typeof document$ !== "undefined") document$.subscribe(afterLoad);
  else afterLoad();
})();
