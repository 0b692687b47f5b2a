"""The pages the browser suite visits: those of mkdocs.yml's nav, known at collection time (`nav_pages`), and those
the built sitemap lists (`site_pages`; test_every_page_is_tested checks it lists no page beyond the nav's)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from tests.support import ROOT


def site_pages(site_dir: Path) -> list[str]:
    """Paths (``""``, ``"errata/"``, ...) of every page listed in the built sitemap."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text for el in ET.parse(site_dir / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    return sorted(urlsplit(loc).path.lstrip("/") for loc in locs)


def _permissive_yaml_loader():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: ... -> None
    return Loader


def nav_pages(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> list[str]:
    """URL paths of the nav's pages: ``index.md`` -> ``""``, ``a/b.md`` -> ``"a/b/"``, ``a/index.md`` -> ``"a/"``."""
    import yaml

    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_permissive_yaml_loader())
    found: list[str] = []

    def walk(node):
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            for child in node.values():
                walk(child)
        elif isinstance(node, str) and not re.match(r"^[a-z]+://", node):  # a page: .md, or a notebook .ipynb/.py
            stem = re.sub(r"\.[A-Za-z0-9]+$", "", node)
            stem = "" if stem in ("index", "README") else re.sub(r"/(index|README)$", "", stem) + "/"
            found.append(stem.lstrip("/"))

    walk(config.get("nav") or [])
    return sorted(set(found))
