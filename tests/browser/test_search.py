"""The site search in the Danish interface, with the mouse and with the
keyboard alone: a reader's word finds the tool it is about, first."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_only_local
from .site_pages import CONTENT_OBJECT

pytestmark = pytest.mark.browser

TOOLS = CONTENT_OBJECT.tools


def results(page: Page):
    return page.locator("li.md-search-result__item > a.md-search-result__link")


def search_ready(page: Page) -> None:
    # the index loads in a worker; a query typed before it is ready is lost
    expect(page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord")


def type_query(page: Page, query: str) -> None:
    """Type as a reader does (Material searches on key presses, not on fill())
    and wait for the results of the whole word, not of its first letters."""
    page.keyboard.type(query)
    whole = re.compile(rf"[?&]h={re.escape(query.lower())}(&|#|$)")
    expect(results(page).first).to_have_attribute("href", whole)


def expect_tool_page(page: Page, base: str, tool: str) -> None:
    name = re.escape(TOOLS[tool].name)
    expect(page.locator(".md-content h1")).to_have_text(re.compile(rf"^{name}\W*$"))
    assert urlsplit(page.url).path == urlsplit(f"{base}vaerktoejer/{tool}/").path


@pytest.mark.parametrize(
    ("query", "tool"),
    [
        ("stress", "stresstrappen"),
        ("SCARF", "scarf"),
        ("tryghed", "psykologisk-tryghed"),
    ],
)
def test_a_word_finds_its_tool_first(
    page: Page, served_site: str, requests_seen: list[str], query: str, tool: str
) -> None:
    page.goto(served_site)
    page.locator(".md-search__input").click()
    search_ready(page)
    type_query(page, query)
    first = results(page).first
    page_of_tool = re.escape(f"{served_site}vaerktoejer/{tool}/")
    expect(first).to_have_attribute("href", re.compile(rf"^{page_of_tool}(\?|$)"))
    first.click()
    expect_tool_page(page, served_site, tool)
    assert_only_local(requests_seen, served_site)


@pytest.mark.parametrize("width", [1280, 375])
def test_search_by_keyboard_shortcut_and_arrow_keys(
    page: Page, served_site: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site + "overblik/")
    page.keyboard.press("s")  # Material's shortcut (also "f" and "/")
    expect(page.locator(".md-search__input")).to_be_focused()
    search_ready(page)
    type_query(page, "scarf")
    page.keyboard.press("ArrowDown")
    expect(results(page).first).to_be_focused()
    page.keyboard.press("Enter")
    expect_tool_page(page, served_site, "scarf")


@pytest.mark.parametrize("width", [1280, 375])
def test_search_field_is_reached_with_tab(
    page: Page, served_site: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site + "overblik/")
    field = page.locator(".md-search__input")
    for _ in range(10):
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    search_ready(page)
    type_query(page, "tryghed")
    page.keyboard.press("Enter")  # in the field: the best result
    expect_tool_page(page, served_site, "psykologisk-tryghed")
