"""Checks over a built site, each returning the problems it finds.

Kept apart from the tests so a test can also run them on a deliberately
broken site and see them fail.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageParser(HTMLParser):
    """Collects what the checks need from one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.images_without_alt: list[str] = []
        self.h1 = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        loads = ("script", "img", "iframe", "source", "audio", "video", "embed")
        if tag in loads and values.get("src"):
            self.resources.append(values["src"])
        if (
            tag == "link"
            and values.get("href")
            and "canonical" not in values.get("rel", "")
        ):
            self.resources.append(values["href"])
        if tag == "img" and "alt" not in values:
            self.images_without_alt.append(values.get("src", "?"))
        if tag == "h1":
            self.h1 += 1
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse_site(site: Path) -> dict[str, PageParser]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def _is_external(url: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I))


def _target(site: Path, page: str, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    path = unquote(parts.path)
    resolved = (
        posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if (path)
        else page
    )
    target = site / resolved
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path, pages: dict[str, PageParser]) -> list[str]:
    """Internal links whose file or #anchor does not exist."""
    problems = []
    for page, parser in pages.items():
        if page == "404.html":
            continue  # Material's 404 page links relative to wherever it is served
        for url in parser.links:
            if _is_external(url) or url.startswith("javascript:"):
                continue
            target, fragment = _target(site, page, url)
            if not target.is_file():
                problems.append(f"{page}: link to missing {url}")
                continue
            if fragment and target.suffix == ".html":
                rel = target.relative_to(site).as_posix()
                if fragment not in pages[rel].ids:
                    problems.append(f"{page}: link to missing anchor {url}")
    return problems


def external_resources(pages: dict[str, PageParser]) -> list[str]:
    """Resources (scripts, styles, images, frames) loaded from another host."""
    return [
        f"{page}: loads {url}"
        for page, parser in pages.items()
        for url in parser.resources
        if _is_external(url) and not url.startswith("data:")
    ]


def images_without_alt(pages: dict[str, PageParser]) -> list[str]:
    return [
        f"{page}: <img src={src}> has no alt text"
        for page, parser in pages.items()
        for src in parser.images_without_alt
    ]


# print-site's page is every chapter in one document: one <h1> per chapter
COMBINED_PAGES = {"hele-guiden/index.html"}


def headings_and_titles(pages: dict[str, PageParser]) -> list[str]:
    problems = []
    for page, parser in pages.items():
        if parser.h1 != 1 and page not in COMBINED_PAGES:
            problems.append(f"{page}: {parser.h1} <h1> elements (expected 1)")
        if not parser.title.strip():
            problems.append(f"{page}: no <title>")
    return problems


def download_links(site: Path, pages: dict[str, PageParser]) -> set[Path]:
    """Every file under downloads/ that some page links to."""
    found = set()
    for page, parser in pages.items():
        for url in parser.links:
            if "downloads/" in url and not _is_external(url):
                found.add(_target(site, page, url)[0])
    return found
