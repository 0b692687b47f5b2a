"""The nav titles of the exercise pages, from the exercises' catalogue (``backprop.exercises.PAGES``).

mkdocs.yml lists the exercise notebooks without titles; this hook gives each its catalogue title
("4. Rule 1: the output weights"), the title the exercises' index table and the notebook's heading use too,
so the three cannot drift apart. A notebook in the nav that the catalogue does not know stops the build.
"""

from __future__ import annotations

import re

NOTEBOOK = re.compile(r"^exercises/(\d\d-[\w-]+)\.(?:py|ipynb)$")  # the notebook, or an executed copy


def on_nav(nav, config, files, **kwargs):
    from backprop.exercises import PAGES

    titles = {page.stem: page.nav_title for page in PAGES}
    for page in nav.pages:
        match = NOTEBOOK.match(page.file.src_uri)
        if match is None:
            continue
        if match.group(1) not in titles:
            raise ValueError(f"{page.file.src_uri} is in the nav but not in backprop.exercises.PAGES: add it there")
        page.title = titles[match.group(1)]
    return nav
