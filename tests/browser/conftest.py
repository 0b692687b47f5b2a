"""Fixtures for the browser suite: the built site served locally, one headless Chromium, tabs that record problems.

Chromium is looked up on the machine (Playwright's own browser download is not used); without one these tests skip
with a hint, and with ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from tests.support.browser import ARTIFACTS, DESKTOP, Tab, TabStalled, new_tab, stall_behind, tabs_in
from tests.support.chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_env, find_chromium
from tests.support.page_list import site_pages
from tests.support.server import Server, serve


@pytest.fixture(scope="session")
def server(site_build, tmp_path_factory) -> Iterator[Server]:
    """The built site on the port its site_url names (instant navigation needs the two to match)."""
    httpd, srv = serve(site_build.dir, site_build.port, tmp_path_factory.mktemp("overlay"))
    yield srv
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def pages(site_build) -> list[str]:
    return site_pages(site_build.dir)


# ----------------------------------------------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    executable = find_chromium()
    if executable is None:
        message = f"no Chromium found; {INSTALL_HINT}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {message}", pytrace=False)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright missing: pip install -e '.[test]'")
    with sync_api.sync_playwright() as p:
        # launch() starts Chromium with a fresh temporary user-data dir (removed on close): no state between runs.
        # Chromium sees no font of the machine: only the site's web fonts and one fixed fallback (chromium_env).
        env = chromium_env(tmp_path_factory.mktemp("fontconfig"))
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS, env=env)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tab(browser, server) -> Iterator[Tab]:
    """The session's desktop tab (1280x900, light palette); tests share it and reload pages as they need."""
    tab = new_tab(browser, server, viewport=DESKTOP, color_scheme="light")
    yield tab
    tab.close()


@pytest.fixture
def fresh_tab(browser, server) -> Iterator[Tab]:
    """A tab in its own context, for tests that change permissions or storage."""
    tab = new_tab(browser, server, viewport=DESKTOP)
    yield tab
    tab.close()


# ----------------------------------------------------------------------------------------------------------------
# A test whose tab stopped drawing frames runs once more, on a fresh tab (TabStalled): any other failure is final.
RERUN_STALLED = {"reruns": 1, "only_rerun": [TabStalled]}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(**RERUN_STALLED))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A Playwright action that timed out on a tab that no longer draws frames fails with TabStalled too (the suite's
    own waits raise it themselves, Tab.within and Tab.wait_until)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return (yield)
    except PlaywrightTimeout as error:
        stalled = stall_behind(tabs_in(getattr(item, "funcargs", {})), error)
        if stalled:
            raise stalled from error
        raise


# ----------------------------------------------------------------------------------------------------------------
# On failure, save a screenshot of every tab the test used and print where it is (not of a tab replaced because it
# had stalled: the picture would be of the fresh one).


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or call.excinfo.errisinstance(TabStalled):
        return
    for name, tab in tabs_in(getattr(item, "funcargs", {})).items():
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", f"{item.name}-{name}").strip("_") + ".png")
        try:
            tab.page.screenshot(path=str(path), full_page=True)
            report.sections.append(("screenshot", f"saved {path} (page {tab.page.url})"))
            print(f"\nscreenshot of the failing page: {path}")
        except Exception as exc:  # the page may be gone; the failure itself matters more
            report.sections.append(("screenshot", f"could not save: {exc}"))


