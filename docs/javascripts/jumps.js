// A jump to a heading lands on the heading. Blocks below the screen are skipped at a stand-in size until they come
// near it (content-visibility: auto in extra.css), so a jump measured against the stand-ins lands off by their
// difference once the blocks it passes are drawn (a phone review found table-of-contents links far off, or under the
// header). A click on a link of this site with a #fragment (the table of contents, a search result, a permalink)
// first sets .bp-laid-out on <html>, which lifts the skipping, so the theme's jump (instant navigation, or the
// browser's own) measures the page as drawn; a click on one without a #fragment sets the skipping back for the next
// page. The listener captures the click before the theme handles it; a click that opens a new tab or window (a
// modifier key, another button) and a link to another site leave this page as it is.
document.addEventListener("click", function (event) {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link) return;
  var url = new URL(link.getAttribute("href"), document.baseURI); // an SVG <a> has no .hash of its own
  if (url.origin !== location.origin) return;
  document.documentElement.classList.toggle("bp-laid-out", url.hash !== "");
}, true);
