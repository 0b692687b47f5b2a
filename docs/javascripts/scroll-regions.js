// A box that scrolls sideways (a long equation or table on a phone) must be reachable with the
// keyboard, or its hidden part can't be read without a mouse (WCAG 2.1.1; axe
// scrollable-region-focusable). After every page load, instant navigation, typeset and resize,
// give each such box a tab stop and a name; boxes that fit get none. An inline formula wider than
// its paragraph (it cannot wrap) is turned into such a box too, or it would widen the whole page.
(function () {
  const BOXES =
    ".md-typeset div.arithmatex, .md-typeset mjx-container[display=\"true\"], " +
    ".md-typeset .md-typeset__scrollwrap, .md-typeset .tabbed-block";
  const INLINE = ".md-typeset mjx-container:not([display=\"true\"])";

  function mark() {
    for (const math of document.querySelectorAll(INLINE)) {
      math.classList.remove("bp-wide-inline");
      const block = math.closest("p, li, td, th, dd, div");
      if (block && math.getBoundingClientRect().width > block.clientWidth) {
        math.classList.add("bp-wide-inline");
      }
    }
    for (const box of document.querySelectorAll(BOXES + ", .bp-wide-inline")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.matches(".arithmatex, mjx-container") ? "equation, scrolls sideways" : "scrolls sideways");
        box.dataset.scrollRegion = "";
      } else if (!scrolls && box.dataset.scrollRegion !== undefined) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.scrollRegion;
      }
    }
  }

  let pending = false;  // at most one mark per frame while a window is being resized
  window.addEventListener("resize", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      mark();
    });
  });
  document$.subscribe(() => {
    mark();
    Promise.resolve(window.mathjaxTypeset).then(mark, mark);
    if (document.fonts) document.fonts.ready.then(mark);
  });
})();
