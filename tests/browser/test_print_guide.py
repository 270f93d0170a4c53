"""The browser's own print of "Hele guiden" (print-site's page, @media print
in docs/assets/css/handbook.css), printed to PDF by Debian's chromium: the
same care as the guide PDF, no screen-only text and no sheet left nearly
empty."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import Page

from .conftest import assert_only_local
from .site_pages import PRINT_PAGE

pytestmark = pytest.mark.browser

SCREEN_ONLY = (
    "holde musen over den",
    "Åbn menuen øverst til venstre",
    "(sidst i menuen)",
    "Kalenderfilen kan åbnes i Outlook",
    "axe-core",  # the accessibility page: about the website, not printed
    "Hent guiden som PDF",
)


@pytest.fixture
def printed(
    page: Page, served_site: str, requests_seen: list[str], tmp_path: Path
) -> Path:
    page.goto(served_site + PRINT_PAGE)
    page.wait_for_load_state("networkidle")
    target = tmp_path / "hele-guiden.pdf"
    page.pdf(path=str(target), format="A4", print_background=True)
    assert_only_local(requests_seen, served_site)
    return target


def test_printed_guide_has_no_screen_only_text(printed: Path) -> None:
    with pdfplumber.open(printed) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    for phrase in SCREEN_ONLY:
        assert phrase not in text
    assert "Datoerne kan hentes som kalenderfil" in text  # the print wording


def test_printed_guide_leaves_no_sheet_nearly_empty(printed: Path) -> None:
    """Every sheet but the last is used at least a third of the way down
    (print-site alone left a contents line, section titles and the end of
    the front page on sheets of their own)."""
    fills = []
    with pdfplumber.open(printed) as pdf:
        for page in pdf.pages:
            top, bottom = page.height * 0.04, page.height * 0.93  # no footer
            objects = page.extract_words() + page.rects + page.curves + page.images
            lowest = max(
                (
                    o["bottom"]
                    for o in objects
                    if top < o["top"] and o["bottom"] < bottom
                ),
                default=top,
            )
            fills.append((lowest - top) / (bottom - top))
    assert len(fills) > 20
    nearly_empty = [n for n, fill in enumerate(fills[:-1], start=1) if fill < 1 / 3]
    assert nearly_empty == []
