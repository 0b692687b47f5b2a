"""What the tests and the benchmarks share (``from tests.support import ...``): the repository's folders here, the
independent reference and the page, site and browser helpers in the modules of this package."""

from pathlib import Path

#: The repository: where mkdocs.yml, the package and the pages are.
ROOT = Path(__file__).resolve().parents[2]
#: The site's pages.
DOCS = ROOT / "docs"
