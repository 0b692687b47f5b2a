"""What the browser suite checks in a page: :class:`PageChecks`, the detectors of :class:`browser.Tab`, each returning
a list of problems (empty = fine), and the bounds of its waits. The JavaScript they run in the page is in
``page_js.py``; test_selftest.py proves each fires on a page broken on purpose."""

from __future__ import annotations

from functools import cache

from tests.support.page_js import (
    FIGURES_WITHOUT_TEXT_JS,
    LAYOUT_SHIFTS_JS,
    LAYOUT_SHIFTS_WAIT_MS,
    MATH_STATE_JS,
    NO_TRANSITIONS_JS,
    OVERFLOW_JS,
    SCROLL_THROUGH_JS,
    UNUSED_PRELOADS_JS,
)

# Every wait of the browser suite is bounded: a step that does not end within its time fails, naming the page and the
# step (Tab.within, Tab.wait_until), instead of hanging the run.
STEP_TIMEOUT_MS = 30_000
MAX_SCREENS = 400  # the most screens a scroll through a page may take (page_js.SCROLL_THROUGH_JS)
# The most the page may move on its own while it loads: the sum of its layout shifts (CLS), half of what Core Web
# Vitals calls good (0.1). Blocks under content-visibility: auto on the first screen had been painted once at their
# placeholder size and then moved everything below them: up to 0.36 on a phone, 0.15 on a desktop.
MAX_LAYOUT_SHIFT = 0.05


@cache
def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


class PageChecks:
    """The checks of a tab's page. The tab gives ``page``, the bounded waits ``within`` and ``settle_fonts``, and the
    logs of what went wrong while the page loaded (``console_errors`` and the others)."""

    def math_state(self) -> dict:
        return self.page.evaluate(MATH_STATE_JS)

    def math_problems(self) -> list[str]:
        s = self.math_state()
        problems = [f"MathJax error: {e}" for e in s["errors"]]
        problems += [f"untypeset math (raw TeX left on the page): {t!r}" for t in s["untypeset"]]
        problems += [f"TeX outside any math element, never typeset: {t!r}" for t in s["raw_tex"]]
        if s["without_assistive_mml"]:
            problems.append(f"{s['without_assistive_mml']} of {s['containers']} formulas lack assistive MathML")
        return problems

    def network_problems(self) -> list[str]:
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"uncaught page error: {m}" for m in self.page_errors]
                + [f"HTTP {m}" for m in self.bad_responses]
                + [f"request failed: {m}" for m in self.failed_requests]
                + [f"request to another host (blocked): {u}" for u in self.external_requests])

    def axe_problems(self, rules: list[str] | None = None, impacts=("serious", "critical"),
                     skip: list[str] | None = None) -> list[str]:
        """axe-core (bundled with axe-playwright-python, injected from disk: no CDN) on the whole document.

        ``rules`` restricts the run (e.g. to the colour rules, the only ones a palette change can affect); ``skip``
        leaves rules out.
        """
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            self.page.evaluate(_axe_script())
        self.page.mouse.move(0, 0)  # scrolling must not slide a link under the pointer (hover colours)
        self.page.evaluate(NO_TRANSITIONS_JS)  # every colour at its end value (see NO_TRANSITIONS_JS)
        self.scroll_through()
        options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {}),
                   **({"rules": {rule: {"enabled": False} for rule in skip}} if skip else {})}
        results = self.within("axe.run", "(options) => axe.run(document, options)", options, timeout=60_000)
        problems = []
        for v in results["violations"]:
            if v["impact"] in impacts:
                nodes = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:6])
                more = f" (+{len(v['nodes']) - 6} more)" if len(v["nodes"]) > 6 else ""
                problems.append(f"axe {v['id']} ({v['impact']}): {v['help']} -> {nodes}{more}")
        return problems

    def scroll_through(self):
        """A reader's scroll to the bottom and back, and the animations on what is drawn let end (SCROLL_THROUGH_JS)."""
        self.within("scroll through the page", SCROLL_THROUGH_JS, {"ms": STEP_TIMEOUT_MS, "maxScreens": MAX_SCREENS})

    def font_problems(self) -> list[str]:
        """Web fonts the page used that the browser refused (a file its font sanitizer rejects, e.g. a font cut down to
        no character at all): what they were for is drawn with another font's glyphs or metrics. And fonts the page
        preloads but has not drawn with (UNUSED_PRELOADS_JS): call it before scrolling."""
        self.settle_fonts()
        refused = [f"web font failed to load: {face}" for face in self.page.evaluate(
            "() => [...document.fonts].filter((f) => f.status === 'error')"
            ".map((f) => `${f.family} ${f.style} ${f.weight}`)")]
        # A block under content-visibility: auto (extra.css) is laid out a frame after the first layout finds it on
        # screen, and only then asks for its fonts: look again, frame by frame, for up to three seconds (one was too
        # short once, in a fresh clone's `make test` with both cores busy: Roboto Mono on exercise 1 at phone width,
        # drawn in a run of the module alone).
        unused = self.within("fonts: every preloaded font drawn with", f"""async () => {{
          const unused = {UNUSED_PRELOADS_JS};
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const until = performance.now() + 3000;
          for (;;) {{
            await frame(); await frame(); await document.fonts.ready;
            const found = unused();
            if (!found.length || performance.now() > until) return found;
          }}
        }}""")
        return refused + [f"preloaded font not drawn with: {font}" for font in unused]

    def shift_problems(self) -> list[str]:
        """The page's layout shifts since it started loading (page_js.LAYOUT_SHIFTS_INIT_JS), if they add up to more
        than MAX_LAYOUT_SHIFT: what moved, largest shift first."""
        read = self.page.evaluate(LAYOUT_SHIFTS_JS, LAYOUT_SHIFTS_WAIT_MS)
        if not read["drawn"]:  # the shifts of the last frames may not be measured yet: no verdict on them
            raise self._not_done("read the layout shifts", f"no frame drawn within {LAYOUT_SHIFTS_WAIT_MS} ms")
        shifts = read["shifts"]
        total = sum(s["value"] for s in shifts)
        if total <= MAX_LAYOUT_SHIFT:
            return []
        worst = sorted(shifts, key=lambda s: -s["value"])[:3]
        return [f"layout shift {total:.3f} while loading (at most {MAX_LAYOUT_SHIFT}): "
                + "; ".join(f"{s['value']:.3f} moving {', '.join(s['moved'][:4])}" for s in worst)]

    def figure_problems(self) -> list[str]:
        return [f"figure without text alternative: {html}" for html in self.page.evaluate(FIGURES_WITHOUT_TEXT_JS)]

    def overflow_problems(self) -> list[str]:
        s = self.page.evaluate(OVERFLOW_JS)
        problems = []
        if s["scrollWidth"] > s["viewport"]:
            problems.append(f"page is {s['scrollWidth']}px wide in a {s['viewport']}px viewport; sticking out: "
                            + ", ".join(s["culprits"]))
        problems += [f"wide equation does not scroll inside its box: {t!r}" for t in s["not_scrollable"]]
        return problems
