// MathJax 3, served from this site (assets/mathjax). Startup typesetting is off: material's
// instant navigation replaces the page body, so we typeset from document$ on every page,
// including the first, and expose the promise as window.mathjaxTypeset for tests.
//
// Where math is looked for. Everything else on the page is ignored, so a "$" in prose or in code
// output is never taken for math.
//   - arithmatex: the Markdown pages (pymdownx.arithmatex, generic mode, writes \( \) and \[ \]);
//   - jp-RenderedMarkdown / jp-MarkdownOutput: markdown cells of notebooks rendered by
//     mkdocs-jupyter, which keep Jupyter's raw $...$ and $$...$$.
// A page can add classes before this file loads: window.BACKPROP_MATH_CLASSES = ["my-class"].
const MATH_CLASSES = ["arithmatex", "jp-RenderedMarkdown", "jp-MarkdownOutput"].concat(
  window.BACKPROP_MATH_CLASSES || [],
);
// Pages whose math hooks/mathjax_prerender.py typeset at build time (extra.mathjax.prerender in mkdocs.yml) say so
// in a <meta>; they load no MathJax, so there is nothing to typeset.
const MATH_PRERENDERED = document.querySelector('meta[name="mathjax-prerendered"]') !== null;

window.MathJax = {
  tex: {
    // $...$ only matters inside the classes above: arithmatex output never contains a bare $,
    // and notebook markdown uses $ for math as Jupyter does. \$ writes a dollar sign.
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
    // An undefined macro must be an error, not red text that no check notices.
    packages: { "[-]": ["noundefined"] },
  },
  options: {
    // An element with any class is skipped unless it has one of MATH_CLASSES; an element without a class is
    // searched when its parent is (the <p> of a notebook cell). ".*|" would also skip those.
    ignoreHtmlClass: "[^ ]+",
    processHtmlClass: MATH_CLASSES.join("|"),
  },
  startup: { typeset: false },
};

// document$ (material) emits on DOMContentLoaded and after every instant navigation. By then
// tex-chtml.js has run, so MathJax.startup.promise exists; typesetting waits for it, and each
// typeset waits for the previous one so fast navigation cannot interleave two.
let mathjaxQueue = Promise.resolve();
document$.subscribe(() => {
  if (MATH_PRERENDERED) {
    window.mathjaxTypeset = Promise.resolve();
    return;
  }
  mathjaxQueue = mathjaxQueue
    .catch(() => {})
    .then(() => MathJax.startup.promise)
    .then(() => {
      MathJax.startup.output.clearCache();
      MathJax.typesetClear();
      MathJax.texReset();
      return MathJax.typesetPromise();
    });
  window.mathjaxTypeset = mathjaxQueue;
});
