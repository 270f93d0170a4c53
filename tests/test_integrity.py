"""Site integrity without a browser: links, anchors, downloads, headings, alt text."""

from __future__ import annotations

from pathlib import Path

import pytest
import site_checks as checks
from docx import Document
from icalendar import Calendar
from pypdf import PdfReader

BROKEN = Path(__file__).parent / "fixtures" / "broken-site"


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, checks.PageParser]:
    return checks.parse_site(site)


def test_every_internal_link_and_anchor_resolves(site: Path, pages) -> None:
    assert checks.broken_links(site, pages) == []


def test_nothing_is_loaded_from_another_host(pages) -> None:
    assert checks.external_resources(pages) == []


def test_every_image_has_alt_text(pages) -> None:
    assert checks.images_without_alt(pages) == []


def test_every_page_has_one_h1_and_a_title(pages) -> None:
    assert checks.headings_and_titles(pages) == []


def test_every_download_link_points_to_a_valid_file(site: Path, pages) -> None:
    linked = checks.download_links(site, pages)
    assert linked, "no page links to a download"
    for path in sorted(linked):
        assert path.is_file() and path.stat().st_size > 0, path
        if path.suffix == ".pdf":
            assert len(PdfReader(path).pages) > 0, path
        elif path.suffix == ".docx":
            assert Document(str(path)).paragraphs, path
        elif path.suffix == ".ics":
            assert Calendar.from_ical(path.read_bytes()).walk("VEVENT"), path
        else:
            pytest.fail(f"unexpected download type: {path}")


# --- the checks catch what they are meant to catch ---------------------------


def test_checks_find_the_faults_in_a_broken_site() -> None:
    pages = checks.parse_site(BROKEN)
    assert checks.broken_links(BROKEN, pages) == [
        "index.html: link to missing findes-ikke/",
        "index.html: link to missing anchor side/#intet-anker",
    ]
    assert checks.external_resources(pages) == [
        "index.html: loads https://fonts.googleapis.com/css?family=Roboto",
        "index.html: loads https://cdn.example.org/analytics.js",
    ]
    assert checks.images_without_alt(pages) == [
        "index.html: <img src=billede.png> has no alt text"
    ]
    assert checks.headings_and_titles(pages) == [
        "side/index.html: 2 <h1> elements (expected 1)"
    ]
