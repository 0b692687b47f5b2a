"""The JavaScript the browser suite runs in a page to find problems (`tests.support.browser.Tab` runs each one): the
math's state, figures without a text alternative, boxes that overflow, preloaded fonts left unused, and the bounded
scroll through a page before axe reads its colours."""

# All checks on the math of a page, in one round trip. A formula is "untypeset" when its .arithmatex wrapper has
# no mjx-container: MathJax leaves raw TeX without any error when, e.g., a brace is unbalanced.
MATH_STATE_JS = r"""() => {
  const math = [...document.querySelectorAll('.arithmatex')];
  const containers = [...document.querySelectorAll('mjx-container')];
  const snippet = (el) => el.textContent.trim().slice(0, 80);
  // TeX that never reached MathJax at all (no .arithmatex wrapper, e.g. a notebook's markdown cell): look for
  // math delimiters in the visible text of the article, outside code and outside typeset math.
  const raw = [];
  const article = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest('pre, code, script, style, textarea, mjx-container, .arithmatex')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const TEX = /\$\$|\\\(|\\\[|\\begin\{|\$[^$\s][^$]*[\\_^][^$]*\$/;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (TEX.test(node.textContent)) raw.push(node.textContent.trim().slice(0, 80));
  }
  return {
    raw_tex: raw,
    math: math.length,
    untypeset: math.filter((el) => !el.querySelector('mjx-container')).map(snippet),
    errors: [...document.querySelectorAll('mjx-merror, [data-mjx-error]')].map(
      (el) => el.getAttribute('data-mjx-error') || el.textContent.trim().slice(0, 80)),
    without_assistive_mml: containers.filter((el) => !el.querySelector('mjx-assistive-mml')).length,
    containers: containers.length,
  };
}"""

# Figures must have a text alternative: <img> needs alt (alt="" only if it is marked decorative),
# svg/elements with role=img need an accessible name. Material's icon SVGs sit inside labelled buttons/links.
FIGURES_WITHOUT_TEXT_JS = """() => {
  const bad = [];
  for (const img of document.querySelectorAll('article img')) {
    if (!img.hasAttribute('alt') && img.getAttribute('role') !== 'presentation') bad.push(img.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('article svg, article [role=img]')) {
    const role = el.getAttribute('role');
    if (el.tagName.toLowerCase() === 'svg' && role !== 'img') continue;   // decorative/inline icons
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
      || el.querySelector(':scope > title')?.textContent.trim();
    if (!named) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}"""

OVERFLOW_JS = """() => {
  const doc = document.documentElement;
  const width = (el) => Math.max(el.scrollWidth, (el.querySelector('mjx-math') || el).getBoundingClientRect().width);
  const wide = [...document.querySelectorAll('div.arithmatex')].filter((el) => width(el) > el.clientWidth + 1);
  // the outermost elements sticking out on the right: what widens the page
  const out = new Set([...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 1));
  const culprits = [...out].filter((el) => !out.has(el.parentElement)).slice(0, 4).map((el) =>
    `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)}px`);
  return {
    culprits,
    scrollWidth: doc.scrollWidth,
    viewport: window.innerWidth,
    // display math wider than its box must scroll inside the box, not widen the page
    not_scrollable: wide.filter((el) => !['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => el.textContent.trim().slice(0, 80)),
    wide_equations: wide.length,
  };
}"""

# Each font the page preloads (<link rel="preload" as="font">, hooks/fonts.py and hooks/mathjax_prerender.py) that the
# page has not drawn with: its @font-face rule (matched by file name) names a face document.fonts does not hold as
# loaded. Only the first screen's faces are preloaded, so right after the load every one of them is in use. A preload
# whose media query the window does not match is not fetched (a face only a desktop's first screen draws with).
UNUSED_PRELOADS_JS = r"""() => {
  const rules = [];
  for (const sheet of document.styleSheets) {
    let list;
    try { list = sheet.cssRules; } catch { continue; }
    for (const rule of list) if (rule instanceof CSSFontFaceRule) rules.push(rule);
  }
  const norm = (v, d) => ({ '': d, normal: '400', bold: '700' }[v] ?? v);
  const unused = [];
  for (const link of document.querySelectorAll('link[rel="preload"][as="font"]')) {
    if (link.media && !matchMedia(link.media).matches) continue;
    const file = new URL(link.href).pathname.split('/').pop();
    const rule = rules.find((r) => r.style.getPropertyValue('src').includes(file));
    if (!rule) { unused.push(`${file} (no @font-face names it)`); continue; }
    const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
    const weight = norm(rule.style.getPropertyValue('font-weight'), '400');
    const style = rule.style.getPropertyValue('font-style') || 'normal';
    const used = [...document.fonts].some((f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded'
      && norm(f.weight, '400') === weight && f.style === style);
    if (!used) unused.push(`${file} (${family} ${weight} ${style})`);
  }
  return unused;
}"""

# ``within(step, promise)`` inside a step's script: the promise, or a rejection naming the sub-step at the deadline.
DEADLINE_JS = r"""(ms) => {
  const deadline = performance.now() + ms;
  return (step, promise) => Promise.race([promise, new Promise((_, fail) => setTimeout(
    () => fail(new Error(`${step}: not done within ${ms} ms`)), Math.max(0, deadline - performance.now())))]);
}"""

# True once the page has drawn a frame since the first call (Tab.draws_frames polls it with a timer): the first call
# asks for an animation frame, which a page whose rendering has stalled never gives.
DRAWS_A_FRAME_JS = """() => {
  if (window.bpTestFrameDrawn === undefined) {
    window.bpTestFrameDrawn = false;
    requestAnimationFrame(() => { window.bpTestFrameDrawn = true; });
  }
  if (!window.bpTestFrameDrawn) return false;
  delete window.bpTestFrameDrawn;
  return true;
}"""

# Blocks below the screen are laid out when they come near it (content-visibility: auto in extra.css), and the page
# grows or shrinks as they do: axe, which scrolls to each element whose colours it checks, would read a background
# from a page still moving. So a reader's scroll through the page first, one screen per two frames, then back to the
# top, and the animations still running on what is drawn are let end. Bounded: at most MAX_SCREENS screens, and
# everything within the step's deadline.
SCROLL_THROUGH_JS = """async ({ms, maxScreens}) => {
  const within = (""" + DEADLINE_JS + """)(ms);
  const frame = (step) => within(step, new Promise((r) => requestAnimationFrame(r)));
  const start = scrollY;
  let last = -1, screens = 0;
  while (scrollY !== last) {
    if (++screens > maxScreens) throw new Error(`scrolling: still moving after ${maxScreens} screens`);
    last = scrollY;
    scrollBy(0, innerHeight);
    await frame(`scrolling: screen ${screens}`);
    await frame(`scrolling: screen ${screens}`);
  }
  scrollTo(0, start);
  await frame('scrolling back to the top');
  await frame('scrolling back to the top');
  const running = () => document.getAnimations().filter((a) => ['running', 'pending'].includes(a.playState)
    && Number.isFinite(a.effect?.getComputedTiming().endTime)
    && a.effect.target?.checkVisibility({ contentVisibilityAuto: true }));
  // two frames in a row without a running animation: none was started by the last frame either
  for (let quiet = 0; quiet < 2; quiet = running().length ? 0 : quiet + 1) {
    await frame(`animations: ${running().map((a) => a.animationName || a.transitionProperty).join(', ')} `
      + 'still running');
  }
  await within('fonts: document.fonts.ready', document.fonts.ready);
}"""
# Material changes colours with CSS transitions (a palette switch, the header's title fading as the page scrolls).
# Chromium neither advances nor finishes a transition inside a block whose rendering content-visibility skips: one
# started there by a palette switch (or by axe reading the element's style) stays at its first frame, half-way
# between the two palettes, with playState "running" and its `finished` promise pending for good (measured: the
# home page after a switch to dark, 28 of 39 transitions still pending after 5 s; awaiting them hung the whole suite;
# on cost-function/ axe read a tab label half-way to dark). A reader never sees those frames: a block is drawn only
# when it comes into view, where its transitions run to their end. So before axe reads any colour, transitions are
# turned off (a test-only style; the colours themselves are the site's), and every colour is its end value.
NO_TRANSITIONS_JS = """() => {
  if (document.getElementById('bp-test-no-transitions')) return;
  const style = document.createElement('style');
  style.id = 'bp-test-no-transitions';
  style.textContent = '*, *::before, *::after { transition: none !important; }';
  document.head.append(style);
}"""

# Installed in every tab before any page script (browser.Tab): the layout shifts of the page since it started loading,
# as the Layout Instability API reports them (the API Core Web Vitals' CLS is read from), each with the elements moved.
LAYOUT_SHIFTS_INIT_JS = r"""
window.__bpShifts = [];
window.__bpShiftRecord = (entries) => {
  for (const entry of entries) {
    if (entry.hadRecentInput) continue;  // a shift right after the reader's input is not one they did not expect
    window.__bpShifts.push({
      value: entry.value,
      moved: entry.sources.map((s) => s.node ? (s.node.id ? `#${s.node.id}` : s.node.nodeName.toLowerCase()
        + (typeof s.node.className === 'string' && s.node.className ? '.' + s.node.className.split(' ')[0] : ''))
        : '?'),
    });
  }
};
window.__bpShiftObserver = new PerformanceObserver((list) => window.__bpShiftRecord(list.getEntries()));
window.__bpShiftObserver.observe({type: 'layout-shift', buffered: true});
"""
# The shifts so far, and whether the page drew the frames waited for. A shift is measured when the frame that shows
# it is drawn, and the observer hears of it in a task of its own some time later: so the page is let draw a frame first
# (a change made just before the call is measured in it, and it has been drawn when the next frame's callbacks run; at
# most LAYOUT_SHIFTS_WAIT_MS), and the entries the observer holds but has not yet delivered are taken too
# (takeRecords). A fresh clone's run once read [] here before either was done.
LAYOUT_SHIFTS_WAIT_MS = 3000
LAYOUT_SHIFTS_JS = """async (ms) => {
  if (!window.__bpShiftObserver) return {drawn: true, shifts: []};
  const drawn = await new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); done(true); }));
  });
  window.__bpShiftRecord(window.__bpShiftObserver.takeRecords());
  return {drawn, shifts: window.__bpShifts};
}"""
