// A box that scrolls sideways (a long equation or table on a phone) must be reachable with the
// keyboard, or its hidden part can't be read without a mouse (WCAG 2.1.1; axe
// scrollable-region-focusable). After every page load, instant navigation, typeset and resize,
// give each such box a tab stop and a name; boxes that fit get none.
(function () {
  const SELECTOR = ".md-typeset div.arithmatex, .md-typeset .md-typeset__scrollwrap, .md-typeset .tabbed-block";

  function mark() {
    for (const box of document.querySelectorAll(SELECTOR)) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.matches(".arithmatex") ? "equation, scrolls sideways" : "scrolls sideways");
        box.dataset.scrollRegion = "";
      } else if (!scrolls && box.dataset.scrollRegion !== undefined) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.scrollRegion;
      }
    }
  }

  let timer;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(mark, 100);
  });
  document$.subscribe(() => {
    mark();
    Promise.resolve(window.mathjaxTypeset).then(mark, mark);
    if (document.fonts) document.fonts.ready.then(mark);
  });
})();
