// MathJax 3, served from this site (assets/mathjax). Startup typesetting is off: material's
// instant navigation replaces the page body, so we typeset from document$ on every page,
// including the first, and expose the promise as window.mathjaxTypeset for tests.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    // An undefined macro must be an error, not red text that no check notices.
    packages: { "[-]": ["noundefined"] },
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
  startup: { typeset: false },
};

document$.subscribe(() => {
  window.mathjaxTypeset = MathJax.startup.promise.then(() => {
    MathJax.startup.output.clearCache();
    MathJax.typesetClear();
    MathJax.texReset();
    return MathJax.typesetPromise();
  });
});
