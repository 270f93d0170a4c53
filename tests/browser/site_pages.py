"""The addresses of every page the handbook builds, known before it is built
(the browser tests are parametrized by them), and the views they are seen in."""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT, ROOT
from coursebook.content.validation import load_content
from coursebook.site.pages import plan_pages
from coursebook.site.routes import page_url

# print-site's page with every chapter (mkdocs.yml: print_page_basename)
PRINT_PAGE = "hele-guiden/"
# any address that is not a page: the server answers with the site's 404 page
NOT_FOUND = "findes-ikke/"

CONTENT_OBJECT = load_content(CONTENT)[0]


def _pages() -> list[str]:
    generated = [page_url(spec.src) for spec in plan_pages(CONTENT_OBJECT)]
    docs = ROOT / "docs"
    handwritten = [page_url(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")]
    return [*generated, *sorted(handwritten), PRINT_PAGE, NOT_FOUND]


PAGES = _pages()

# Material's two palettes, chosen as a reader's system setting chooses them
# (mkdocs.yml ties each to prefers-color-scheme)
SCHEMES = {"default": "light", "slate": "dark"}
# a desktop screen and a phone
WIDTHS = [1280, 375]


def built_pages(site: Path) -> set[str]:
    """The addresses of the HTML pages in a built site (404.html as NOT_FOUND)."""
    found = set()
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        found.add(NOT_FOUND if relative == "404.html" else page_url(relative[:-5]))
    return found
