"""bench_site.py waits, under ``make serve``, until the pages show a new example's numbers: those numbers must be on
the built pages. (They once were not: the exercise came to print its weights as given, 0.35 for 0.350000, and the
benchmark waited out its 15 minutes.)"""

from __future__ import annotations

from benchmarks.bench_site import EXERCISE, PAGE, example_numbers, text
from tests.support import oracle


def test_the_numbers_bench_site_waits_for_are_on_the_built_pages(site_build):
    y, y_practice = example_numbers(oracle.example_file())
    page = (site_build.dir / PAGE.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    exercise = (site_build.dir / EXERCISE / "index.html").read_text(encoding="utf-8")
    assert y in text(page), (PAGE, y)
    assert y_practice in text(exercise), (EXERCISE, y_practice)
