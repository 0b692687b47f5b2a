// A jump to a heading lands on the heading. Blocks below the screen are skipped at a stand-in size until they come
// near it (content-visibility: auto in extra.css), so a jump measured against the stand-ins lands off by their
// difference once the blocks it passes are drawn (a phone review: a table-of-contents link on common-mistakes/ left
// its heading 1,570 px below the top). A click on a link with a #fragment (the table of contents, a search result,
// a permalink) first sets .bp-laid-out on <html>, which lifts the skipping, so the theme's jump (instant navigation,
// or the browser's own) measures the page as drawn; a click on a link without one sets the skipping back for the
// next page. The listener captures the click before the theme handles it.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (link) document.documentElement.classList.toggle("bp-laid-out", link.hash !== "");
}, true);
