"""The built handbook: every section, Danish search, the print page, no other hosts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CONTENT
from coursebook.content.validation import load_content
from coursebook.site.pages import plan_pages
from guide.fixes import guide_fragments, normalise


class _Text(HTMLParser):
    """Visible text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def pages():
    content, _ = load_content(CONTENT)
    return plan_pages(content)


def test_every_planned_page_is_built_with_its_title(site: Path, pages) -> None:
    for spec in pages:
        url = spec.src.removesuffix(".md").removesuffix("index")
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert f"<title>{spec.title} - " in html or spec.src == "index.md", spec.src
        assert len(re.findall(r"<h1[ >]", html)) == 1, spec.src


def test_pages_are_danish(site: Path) -> None:
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        assert '<html lang="da"' in html, path


def test_every_sentence_of_the_guide_is_on_the_site(site: Path) -> None:
    text = normalise(text_of((site / "hele-guiden" / "index.html").read_text("utf-8")))
    missing = [f for f in guide_fragments() if f not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("psykologisk tryghed", "vaerktoejer/psykologisk-tryghed/"),
        ("scarf", "vaerktoejer/scarf/"),
        ("kerneopgave", "laeringsmaal/"),
    ],
)
def test_search_index_finds_terms_on_the_right_pages(
    site: Path, query: str, page: str
) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["da"]
    hits = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if query in (doc["title"] + " " + doc["text"]).lower()
    }
    assert page in hits


def test_print_page_holds_every_chapter_in_nav_order(site: Path, pages) -> None:
    html = (site / "hele-guiden" / "index.html").read_text(encoding="utf-8")
    assert "Indholdsfortegnelse" in html
    assert "Table of Contents" not in html
    positions = []
    for spec in pages:
        stem = spec.src.removesuffix(".md")
        section_id = re.escape(stem.removesuffix("/index").replace("/", "-"))
        match = re.search(rf'<section class="print-page" id="{section_id}', html)
        assert match, spec.src
        positions.append(match.start())
    assert positions == sorted(positions)


RESOURCE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?(?P<src>[^"'\s>]+)"""
    r"""|<link\b[^>]*\bhref=["']?(?P<href>[^"'\s>]+)"""
    r"""|url\(\s*["']?(?P<url>[^"')\s]+)""",
    re.I,
)


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    for path in [*html_pages(site), *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        for match in RESOURCE.finditer(text):
            target = match.group("src") or match.group("href") or match.group("url")
            if (
                path.suffix == ".html"
                and match.group("href")
                and "canonical" in match.group(0)
            ):
                continue
            assert not re.match(r"(?:https?:)?//", target), (path, target)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
