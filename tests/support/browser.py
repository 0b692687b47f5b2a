"""The browser suite's tab: :class:`Tab`, a page in a browser context of its own that records what went wrong, loads
pages, waits within bounds and replaces itself when Chromium stops drawing its frames (TabStalled); and the viewports,
colour rules and time limits the tests use (what a tab checks in a page is in ``checks.py``, the JavaScript it runs
there in ``page_js.py``; Chromium's launch and fonts in ``chromium.py``; the local server in ``server.py``; the pages
to visit in ``page_list.py``).

The fixtures (conftest.py), the page tests and the self-tests (test_selftest.py, which prove each detector fires)
all use these same functions.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.support import ROOT
from tests.support.checks import STEP_TIMEOUT_MS, PageChecks
from tests.support.page_js import DEADLINE_JS, DRAWS_A_FRAME_JS, LAYOUT_SHIFTS_INIT_JS
from tests.support.server import Server

ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the axe rules whose outcome depends on the palette

FRAME_PROBE_MS = 5_000  # a step that did not end: a page that draws no frame in this time has stalled (TabStalled)
SCRIPTS_PROBE_MS = 1_000  # ... unless it runs no script of ours in this time either: then a task of its own is busy


# Counts material's document$ emissions from now on (one per page shown, instant navigation included), and leaves a
# marker on window that a full reload wipes out (`window.__noFullReload`); returns the count so far.
COUNT_PAGES_JS = """() => {
  if (window.__pagesShown === undefined) {
    window.__noFullReload = true;
    window.__pagesShown = 0;
    document$.subscribe(() => { window.__pagesShown += 1; });
  }
  return window.__pagesShown;
}"""


class TabStalled(AssertionError):
    """A step did not end because the tab had stopped drawing frames: no requestAnimationFrame callback fires any
    more, while the page's scripts still run. That is Chromium's headless compositor, not the site: seen
    on a tab after some thirty pages, after many live-page edits, and on a fresh tab three screens into the home page
    (a fresh clone's make test, once in every few runs; never in 480 loads with axe on a loaded machine). The tab is
    replaced by a fresh one at the same address before this is raised, and the browser tests are run once more on
    this error alone (pytest-rerunfailures, tests/browser/conftest.py): any other failure is final."""


@dataclass
class Tab(PageChecks):
    """One browser page on the local site, recording everything that went wrong since the last :meth:`visit`; its
    checks of the page are PageChecks' (checks.py)."""

    browser: object  # playwright.sync_api.Browser
    server: Server
    options: dict  # the browser context's options (viewport, color_scheme, ...)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    context: object = field(init=False)  # playwright.sync_api.BrowserContext, the tab's own
    page: object = field(init=False)  # playwright.sync_api.Page
    _reopening: bool = field(default=False, init=False, repr=False)  # reopen() is loading the page again

    def __post_init__(self):
        self._open()

    def _open(self):
        """A page in a browser context of its own, every request recorded (and those to other hosts blocked)."""
        self.context = self.browser.new_context(base_url=self.server.url, **self.options)
        self.context.route("**/*", self.route)
        self.context.add_init_script(LAYOUT_SHIFTS_INIT_JS)  # read by shift_problems
        self.page = page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{m.text} @ {m.location}"))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and self.bad_responses.append(f"{r.status} {r.url}"))
        page.on("requestfailed", self._request_failed)

    def close(self):
        self.context.close()

    def _request_failed(self, request):
        if not self.is_local(request.url):
            return  # blocked on purpose by the route below, recorded in external_requests
        if request.failure == "net::ERR_ABORTED" and request.url.endswith("/favicon.png"):
            return  # Chromium fetches the icon on its own schedule and cancels it when the page moves on; a missing
            # icon is still caught, as a 404 in bad_responses
        self.failed_requests.append(f"{request.failure} {request.url}")

    def is_local(self, url: str) -> bool:
        return url.startswith((self.server.origin + "/", "data:", "blob:", "about:"))

    def route(self, route):
        if self.is_local(route.request.url):
            route.continue_()
        else:
            self.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def clear(self):
        for log in (self.console_errors, self.page_errors, self.bad_responses, self.failed_requests,
                    self.external_requests):
            log.clear()

    # -- navigation ------------------------------------------------------------------------------------------
    def visit(self, url: str):
        """Full load of ``url``; wait until the theme's scripts have run and MathJax has typeset it."""
        self.clear()
        if not url.startswith("http"):
            url = self.server.url + url
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.goto(url, wait_until="load", timeout=STEP_TIMEOUT_MS)
        except PlaywrightTimeout:
            raise self._not_done(f"load {url}", f"not done within {STEP_TIMEOUT_MS} ms") from None
        # material has started (its components mount on DOMContentLoaded, after its bundle and extra_javascript)
        self.wait_until("the theme's scripts start (component$)", "() => typeof window.component$ === 'object'")
        self.wait_for_math()

    # -- bounded waits: each fails naming the page and the step ----------------------------------------------
    def within(self, step: str, js: str, arg=None, timeout: float = STEP_TIMEOUT_MS):
        """Evaluate the async function ``js`` (called with ``arg``), failing if it has not settled within
        ``timeout`` ms. Its errors (a bounded sub-step's own message, e.g. from SCROLL_THROUGH_JS) are reported
        with the page and ``step``."""
        from playwright.sync_api import Error as PlaywrightError

        script = f"async ({{arg, ms}}) => (({DEADLINE_JS})(ms))({json.dumps(step)}, ({js})(arg))"
        try:
            return self.page.evaluate(script, {"arg": arg, "ms": timeout})
        except PlaywrightError as exc:  # carries the page's own message: "Page.evaluate: Error: <message>\n at ..."
            message = re.sub(r"^(Page\.evaluate: )?(Error: )?", "", str(exc).splitlines()[0])
            message = message.removeprefix(f"{step}: ")
            if "not done within" in message:
                raise self._not_done(step, message) from None
            raise AssertionError(f"{self.page.url}: {step}: {message}") from None

    def wait_until(self, step: str, predicate_js: str, arg=None, timeout: float = STEP_TIMEOUT_MS):
        """Wait until ``predicate_js`` (called with ``arg``) is true; fail naming the page and ``step`` if it is
        not within ``timeout`` ms."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function(predicate_js, arg=arg, timeout=timeout)
        except PlaywrightTimeout:
            raise self._not_done(step, f"not done within {timeout:.0f} ms") from None

    # -- a tab that stops drawing frames (TabStalled) --------------------------------------------------------
    def scripts_answer(self, timeout: float = SCRIPTS_PROBE_MS) -> bool:
        """Whether the page's main thread runs a script of ours within ``timeout`` ms (bounded by Playwright): not
        where a task of the page's own holds it."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            self.page.wait_for_function("() => true", polling=50, timeout=timeout)
            return True
        except PlaywrightError:  # TimeoutError is one
            return False

    def draws_frames(self, timeout: float = FRAME_PROBE_MS) -> bool:
        """Whether the page draws a frame within ``timeout`` ms: a requestAnimationFrame callback, polled by a timer
        and bounded by Playwright."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            self.page.wait_for_function(DRAWS_A_FRAME_JS, polling=50, timeout=timeout)
            return True
        except PlaywrightError:
            return False

    def stalled(self, step: str, message: str) -> TabStalled | None:
        """For a ``step`` that did not end (``message``): where the page's scripts still answer but it draws no
        frame, the TabStalled to raise, after replacing the page with a fresh one at the same address; else None. A
        page that waits for something that never comes draws frames all the while, and one whose own task holds its
        main thread answers no script either: both are the site's to answer for."""
        if self._reopening or not self.scripts_answer() or self.draws_frames():
            return None
        url = self.page.url
        self.reopen()
        return TabStalled(f"{url}: {step}: {message}, and the tab had stopped drawing frames (no animation frame in "
                          f"{FRAME_PROBE_MS} ms, while its scripts ran), which is Chromium's headless compositor, not "
                          "the site; the tab is replaced by a fresh one at the same address")

    def _not_done(self, step: str, message: str) -> AssertionError:
        stalled = self.stalled(step, message)
        if stalled:
            return stalled
        busy = "" if self._reopening or self.scripts_answer() else (
            f" (and the page's own scripts did not answer within {SCRIPTS_PROBE_MS} ms: a task of the page holds its "
            "main thread)")
        return AssertionError(f"{self.page.url}: {step}: {message}{busy}")

    def reopen(self):
        """Replace the page with a fresh one in a new browser context, set up as this one was, and load the address
        it was at (a failure of that load is left to the test, which runs again on this tab)."""
        from playwright.sync_api import Error as PlaywrightError

        url = self.page.url
        with contextlib.suppress(PlaywrightError):
            self.context.close()
        self._open()
        if url.startswith(self.server.origin):
            self._reopening = True
            try:
                with contextlib.suppress(AssertionError, PlaywrightError):
                    self.visit(url)
            finally:
                self._reopening = False

    def settle_fonts(self, step: str = "fonts: document.fonts.ready"):
        """Wait for the fonts being loaded, then for two frames drawn with them and for any font those frames asked
        for: text is laid out again in a font that has just loaded only at the next frame."""
        self.within(step, "() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => "
                          "requestAnimationFrame(r)))).then(() => document.fonts.ready).then(() => null)")

    def wait_for_math(self, timeout: float = 20_000):
        """Await the promise mathjax-config.js sets on every document$ emission (first load and instant nav)."""
        self.wait_until("math: typesetting starts (window.mathjaxTypeset)",
                        "() => window.mathjaxTypeset instanceof Promise", timeout=timeout)
        error = self.within("math: typesetting ends", "() => window.mathjaxTypeset.then(() => null, "
                            "(e) => `typesetting failed: ${e}`)", timeout=timeout)
        if error:
            raise AssertionError(f"{self.page.url}: {error}")

    def follow(self, click: Callable[[], object]):
        """Run ``click`` (a link's click, or going back) as an instant navigation and wait for the new page: its
        document$ emission, then its math. Not for the URL: material changes it before it fetches the new page, and
        ``window.mathjaxTypeset`` is the old page's settled promise until document$ fires (a reviewer read the old
        page after ``wait_for_url`` in 1 of 8 throttled loads).

        Also waits, before the click, for the sitemap material's instant navigation needs: a click before it has
        loaded is a full reload."""
        self.wait_until("instant navigation: material's sitemap loaded", "() => performance.getEntriesByType("
                        "'resource').some((r) => r.name.endsWith('/sitemap.xml') && r.responseEnd > 0)")
        before = self.page.evaluate(COUNT_PAGES_JS)
        click()
        self.wait_until("instant navigation: the new page shown (document$)", "(n) => window.__pagesShown > n",
                        arg=before)
        self.wait_for_math()

    def scheme(self) -> str:
        return self.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")

    def use_dark_mode(self):
        self.use_scheme("slate")

    def use_scheme(self, scheme: str):
        """Switch palette ("default" or "slate") by clicking material's own toggle, as a reader would.

        Material stores the choice in localStorage, so later loads in this browser context keep it.
        """
        if self.scheme() != scheme:
            self.page.locator("form[data-md-component=palette] label:visible").first.click()
            self.wait_until(f"palette switch to {scheme}",
                            "(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)


def tabs_in(values: dict) -> dict[str, Tab]:
    """The tabs among a test's fixture ``values`` (``item.funcargs``), by name: a Tab, a fixture value holding one as
    ``.tab``, or a dict of them (``tabs["client"]``)."""
    found = {}
    for name, value in values.items():
        value = getattr(value, "tab", value)
        items = value.items() if isinstance(value, dict) else [("", value)]
        found.update({f"{name}[{key}]" if key else name: tab for key, tab in items if isinstance(tab, Tab)})
    return found


def stall_behind(tabs: dict[str, Tab], error: Exception) -> TabStalled | None:
    """Where a Playwright action timed out (``error``; a click, for one, waits for frames to see its target stand
    still) and one of ``tabs`` no longer draws frames: its TabStalled (the tab replaced, see Tab.stalled)."""
    for name, tab in tabs.items():
        stalled = tab.stalled(f"{name}: a Playwright action", str(error).splitlines()[0])
        if stalled:
            return stalled
    return None


def new_tab(browser, server: Server, **context_options) -> Tab:
    """A tab on ``server``'s site in a browser context of its own with ``context_options``; ``tab.close()`` ends it."""
    return Tab(browser, server, context_options)


def shifts_on_two_loads(tab: Tab, path: str, fresh: Callable[[str], Tab] | None = None) -> list[str]:
    """The layout shifts of ``tab``'s load of ``path`` (Tab.shift_problems), and where they exceed the limit those of a
    second load in a fresh tab of the same browser and viewport (``fresh(path)``, a new tab with ``path`` loaded as
    ``tab`` loaded it; by default `new_tab` and `Tab.visit`): a problem only if both loads move. A page that moves on
    every load fails (test_selftest); one fresh clone's run in five saw rule-output-bias/ move by 0.097 once while the
    CI ran, which eleven loads alone (fonts, styles, scripts or pictures delayed by 300-400 ms, the CPU throttled 6x)
    could not make it do again, and another saw errata/ move by 0.078 on a phone before any script ran."""
    first = tab.shift_problems()
    if not first:
        return []
    if fresh is None:
        def fresh(path: str) -> Tab:
            again = new_tab(tab.browser, tab.server, **tab.options)
            again.visit(path)
            return again
    again = fresh(path)
    try:
        second = again.shift_problems()
    finally:
        again.close()
    return [f"{first[0]}; and on a second load: {second[0]}"] if second else []
