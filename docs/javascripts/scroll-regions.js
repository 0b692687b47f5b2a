// A box that scrolls sideways (a long equation or table on a phone) must be reachable with the
// keyboard, or its hidden part can't be read without a mouse (WCAG 2.1.1; axe
// scrollable-region-focusable). hooks/scroll_regions.py marks every box that can scroll in the HTML
// itself (display math, tables, code, tab labels), so they are reachable before any script runs.
// Left here: what only the browser knows. An inline formula wider than its paragraph (it cannot
// wrap) is turned into a box that scrolls, or it would widen the whole page; and display math that
// client-side MathJax typesets after load. After every page load, instant navigation, typeset and
// resize, such a box that scrolls gets a tab stop and a name; one that fits gets none, nor keeps the one the HTML
// gave it (the box that has the focus keeps it, or the focus would be lost).
//
// Only rendered content is measured: blocks below the screen skip their layout (content-visibility:
// auto in extra.css) until they come near, and measuring them would force it. Each block is measured
// when the browser starts rendering it (contentvisibilityautostatechange).
(function () {
  const BOXES = ".md-typeset mjx-container[display=\"true\"]";
  const INLINE = ".md-typeset mjx-container:not([display=\"true\"])";
  const OTHER_BOXES = [".md-typeset table:not([class])", ".md-typeset__table > table",
    ".md-typeset .jp-Cell-inputWrapper", ".md-typeset .jp-OutputArea-output", ".md-typeset .tabbed-labels"].join(", ");
  const SCROLLS_DOWN = ".jp-Cell-inputWrapper, .jp-OutputArea-output";  // a notebook's boxes may scroll down too
  const rendered = (el) => !el.checkVisibility || el.checkVisibility({ contentVisibilityAuto: true });

  // A wrapped table's stop (below): the theme's wrapper, a group named "scrolls sideways", given or taken away.
  function tableStop(wrapper, on) {
    if (!on) {
      for (const name of ["tabindex", "role", "aria-label"]) wrapper.removeAttribute(name);
      return;
    }
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "group");
    wrapper.setAttribute("aria-label", "scrolls sideways");
  }

  function mark(root) {
    const within = (selector) => [...root.querySelectorAll(selector)].filter(rendered);
    for (const math of within(INLINE)) {
      math.classList.remove("bp-wide-inline");
      // the paragraph's box; an inline one (the API reference's table cells hold their text in an inline <p>) has
      // clientWidth 0, which made every formula there "wider than its paragraph" (axe then read n+1 as a region)
      const BLOCK = "p, li, td, th, dd, div";
      let block = math.closest(BLOCK);
      while (block && block.clientWidth === 0 && block.parentElement) block = block.parentElement.closest(BLOCK);
      if (block && math.getBoundingClientRect().width > block.clientWidth) {
        math.classList.add("bp-wide-inline");
      }
    }
    for (const box of within(BOXES + ", .bp-wide-inline")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        if (!box.hasAttribute("role")) {  // display math keeps the group and name the HTML gave it
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", "equation, scrolls sideways");
          box.dataset.scrollRegion = "";
        }
      } else if (!scrolls && box.hasAttribute("tabindex") && box !== document.activeElement) {
        // one that fits needs no tab stop (the HTML gives every display equation one, for the first paint): a
        // keyboard review found a desktop's reader tabbing through every equation of a derivation page
        box.removeAttribute("tabindex");
        if (box.dataset.scrollRegion !== undefined) {
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
          delete box.dataset.scrollRegion;
        }
      }
    }
    // A table the theme has wrapped: the wrapper, which is what scrolls now, takes the stop, drawn or not (moving it
    // needs no layout). Focused, the table itself would get the theme's focus-visible class, and a table with a class
    // loses the theme's style of a data table (table:not([class])): errata/'s first table, focused on a phone, grew by
    // a fifth, its borders gone, for good. A group, as a display equation is, not a region: the regions of a page's
    // tables, all named alike, were landmarks axe calls not unique. Its name leaves "table" to the table inside it.
    for (const table of root.querySelectorAll(".md-typeset__table > table[tabindex]")) {
      if (table === document.activeElement) continue;
      const wrapper = table.closest(".md-typeset__scrollwrap");
      table.removeAttribute("tabindex");
      if (wrapper && !wrapper.hasAttribute("tabindex")) tableStop(wrapper, true);
    }
    // The same for the other boxes the HTML gives a stop whether they scroll or not: data tables (scrolling in the
    // theme's wrapper around them), the notebook template's input areas and outputs (their code has a stop of its
    // own where it scrolls), and the row of a content tab set's labels, most of which have nothing to scroll.
    for (const box of within(OTHER_BOXES)) {
      const stop = box.closest(".md-typeset__scrollwrap") || box;  // the box itself, but for a wrapped table (above)
      const scrolls = stop.scrollWidth > stop.clientWidth + 1 ||
        (box.matches(SCROLLS_DOWN) && box.scrollHeight > box.clientHeight + 1);
      if (scrolls && !stop.hasAttribute("tabindex") && (stop === box || !box.hasAttribute("tabindex"))) {
        if (stop === box) box.setAttribute("tabindex", "0");
        else tableStop(stop, true);
      } else if (!scrolls && stop.hasAttribute("tabindex") && stop !== document.activeElement) {
        if (stop === box) box.removeAttribute("tabindex");
        else tableStop(stop, false);
      }
    }
  }
  const markAll = () => mark(document);

  let pending = false;  // at most one mark per frame while a window is being resized
  window.addEventListener("resize", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      markAll();
    });
  });
  document.addEventListener("contentvisibilityautostatechange", (event) => {
    if (!event.skipped) mark(event.target);
  }, true);  // the event does not bubble: listen in the capture phase
  // a collapsible box's content is drawn, and measured, when it is opened (nor does "toggle" bubble); a content tab's
  // when it is chosen
  document.addEventListener("toggle", (event) => {
    if (event.target.open) mark(event.target);
  }, true);
  document.addEventListener("change", (event) => {
    const set = event.target instanceof Element && event.target.matches(".tabbed-set > input") &&
      event.target.closest(".tabbed-set");
    if (set) requestAnimationFrame(() => mark(set));
  });
  // jumps.js lifts the skipping for a jump (.bp-laid-out on <html>), which fires no state change event: every block
  // is drawn then, and measured here (a review found wide formulas left unmarked after a table-of-contents click),
  // before the jump itself (the observer runs as the click's listener returns), which then measures the page as marked
  new MutationObserver(markAll)
    .observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  document$.subscribe(() => {
    markAll();
    Promise.resolve(window.mathjaxTypeset).then(markAll, markAll);
    if (document.fonts) document.fonts.ready.then(markAll);
  });
})();
