// The theme's palette toggle is a pair of radio buttons in the header, one label shown at a time: the theme shows the
// label after the radio of the palette in use, but checks neither radio, so a Tab lands on the first one. In the dark
// palette that is the light palette's radio, whose label ("Switch to dark mode") is hidden: its focus ring was drawn
// on nothing, and a screen reader named the wrong switch (an accessibility review). The radio whose label is shown is
// checked here, at every page and after every change of palette, so the Tab lands on the toggle a reader sees.
(function () {
  function checkShown() {
    for (const input of document.querySelectorAll("input.md-option[name='__palette']")) {
      const label = input.nextElementSibling;
      if (label && !label.hidden) input.checked = true;
    }
  }
  document$.subscribe(checkShown);
  // the theme shows the other label on the radios' change event; checked after it has
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.matches("input.md-option")) setTimeout(checkShown, 0);
  });
})();
