"""On a phone: nothing in a page's content is wider than a 360 px screen
(tables become cards, site/tables.py), and from the front page every section
of the handbook is one tap or click away, on a phone and on a desktop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .site_pages import NOT_FOUND, PAGES

pytestmark = pytest.mark.browser

# what sticks out past the screen's right or left edge, unless it sits in a
# labelled, focusable scroll region that shows it scrolls (none so far)
_TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = "[role=region][aria-label][tabindex='0'].cb-scroll";
  const found = [];
  for (const element of document.querySelectorAll(".md-content *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right <= width + 0.5 && box.left >= -0.5) continue;
    if (element.parentElement.closest(scrolls)) continue;
    const name = element.tagName.toLowerCase() +
      (element.className && typeof element.className === "string"
        ? "." + element.className.trim().split(/\\s+/).join(".") : "");
    found.push(`${name} "${element.textContent.trim().slice(0, 40)}"` +
      ` ${Math.round(box.left)}–${Math.round(box.right)} px`);
  }
  if (document.documentElement.scrollWidth > width)
    found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  return found;
}"""


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="da-DK", viewport={"width": 360, "height": 780}
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_nothing_is_wider_than_a_360_px_phone(
    phone: Page, served_site: str, url
) -> None:
    response = phone.goto(served_site + url)
    assert response is not None and response.status == (
        404 if url == NOT_FOUND else 200
    )
    assert phone.evaluate(_TOO_WIDE) == []


def test_schedule_rows_are_cards_with_every_column_named(
    phone: Page, served_site: str
) -> None:
    phone.goto(served_site + "praktisk-information/")
    first_row = phone.locator(".cb-table tbody tr").first
    labels = first_row.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == ['"Aktivitet: "', '"Dato: "', '"Tid: "', '"Sted: "']
    assert "Nyborg Rådhus" in first_row.inner_text()  # once cut off on a phone
    box = first_row.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 360


SECTIONS = {
    "Aktiviteter": "overblik/",
    "Udviklingsplan": "udviklingsplan/",
    "Handleplan": "handleplan/",
    "Værktøjskassen": "vaerktoejer/",
    "Ordliste": "ordliste/",
    "Praktisk information": "praktisk-information/",
    "Undervisere": "undervisere/",
}


@pytest.mark.parametrize("width", [1280, 375])
def test_front_page_leads_to_every_section_in_one_click(
    browser: Browser, served_site: str, width: int
) -> None:
    context = browser.new_context(
        locale="da-DK", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    for name, url in SECTIONS.items():
        page.goto(served_site)
        link = page.get_by_role("navigation", name="Håndbogens afsnit").get_by_role(
            "link", name=name
        )
        expect(link).to_be_visible()
        link.click()
        expect(page).to_have_url(served_site + url)
    # and each activity from its card
    page.goto(served_site)
    cards = page.locator(".md-content .grid.cards a[href*='aktiviteter/']")
    expect(cards).to_have_count(4)
    for index in range(4):
        expect(cards.nth(index)).to_be_visible()
    context.close()
