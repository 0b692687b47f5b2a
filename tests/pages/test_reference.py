"""The API reference (docs/reference.md): every public object documented, and its math rendered.

mkdocstrings renders docstrings as Markdown, so math must be written ``$...$`` / ``$$...$$``
(pymdownx.arithmatex); an RST role such as ``:math:`v``` would be shown raw on the page.
"""

from __future__ import annotations

import html
import importlib
import inspect
import re

import pytest

MODULES = ["activations", "network", "rules", "train", "labels", "gradcheck", "examples", "homework", "show"]
RST = re.compile(r":(math|mod|func|class|meth|attr):`|\.\. math::")


def public_objects(module):
    """The functions and classes the reference page shows for ``module``: those it defines, or, when it has an
    ``__all__``, the names listed there (backprop.homework re-exports what backprop._trace and _mistakes define)."""
    listed = getattr(module, "__all__", None)
    for name, obj in vars(module).items():
        if listed is not None and name not in listed:
            continue
        if listed is None and (name.startswith("_") or getattr(obj, "__module__", None) != module.__name__):
            continue
        if inspect.isfunction(obj) or inspect.isclass(obj):
            yield name, obj
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and (inspect.isfunction(member) or isinstance(member, classmethod)):
                        yield f"{name}.{attr}", getattr(obj, attr)


@pytest.mark.parametrize("name", MODULES)
def test_docstrings_are_markdown(name):
    module = importlib.import_module(f"backprop.{name}")
    assert module.__doc__ and not RST.search(module.__doc__), f"backprop.{name}: module docstring"
    for qualname, obj in public_objects(module):
        doc = inspect.getdoc(obj)
        assert doc, f"backprop.{name}.{qualname} has no docstring"
        assert not RST.search(doc), f"backprop.{name}.{qualname}: RST role in the docstring, write $...$"


@pytest.mark.slow
def test_reference_page_renders_math(site_build):
    page = (site_build.dir / "reference" / "index.html").read_text()
    for name in MODULES:
        assert f'id="backprop.{name}"' in page, f"no section for backprop.{name}"
    article = page[page.index("<article"): page.index("</article>")]
    assert article.count('class="arithmatex"') > 50
    assert "merror" not in article  # a TeX error typeset as red text
    # Outside math and code, no TeX delimiter or RST role is left for the reader to see.
    prose = re.sub(r'<(span|div) class="arithmatex">.*?</\1>', " ", article, flags=re.S)
    prose = re.sub(r"<(code|pre)\b.*?</\1>", " ", prose, flags=re.S)
    prose = html.unescape(re.sub(r"<[^>]+>", " ", prose))
    assert "$" not in prose and "\\(" not in prose and "\\[" not in prose
    assert not RST.search(prose)
