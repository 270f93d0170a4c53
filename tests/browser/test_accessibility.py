"""WCAG 2.1 AA in Debian's chromium: axe-core finds nothing on any page, in
the light and the dark palette, on a desktop screen and a phone; the keyboard
reaches everything with the focus in sight; the skip link skips."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT
from playwright.sync_api import Browser, Page, expect

from .checks import axe_problems, focus_problems
from .site_pages import NOT_FOUND, PAGES, SCHEMES, WIDTHS, built_pages

pytestmark = pytest.mark.browser

View = Callable[[str, int], Page]


@pytest.fixture(scope="module")
def view(browser: Browser) -> Iterator[View]:
    """view(scheme, width): a tab kept open for the module, in its own
    browser profile with the system set to that palette, at that width."""
    tabs: dict[tuple[str, int], Page] = {}

    def tab(scheme: str, width: int) -> Page:
        if (scheme, width) not in tabs:
            context = browser.new_context(
                locale="da-DK",
                color_scheme=SCHEMES[scheme],
                viewport={"width": width, "height": 900},
            )
            tabs[scheme, width] = context.new_page()
        return tabs[scheme, width]

    yield tab
    for page in tabs.values():
        page.context.close()


def open_page(view: View, base: str, url: str, scheme: str, width: int) -> Page:
    """The page at url, checked to be the page asked for in that palette."""
    page = view(scheme, width)
    response = page.goto(base + url)
    assert response is not None
    assert response.status == (404 if url == NOT_FOUND else 200), url
    # Material switched the palette the reader's system asks for
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    return page


def test_every_built_page_is_checked(site: Path) -> None:
    assert built_pages(site) == set(PAGES)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", PAGES)
def test_page_passes_axe(
    view: View, served_site: str, url: str, scheme: str, width: int
) -> None:
    page = open_page(view, served_site, url, scheme, width)
    assert axe_problems(page) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_with_results_passes_axe(
    view: View, served_site: str, scheme: str, width: int
) -> None:
    page = open_page(view, served_site, "", scheme, width)
    page.keyboard.press("s")  # Material's shortcut to the search
    expect(page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord")
    page.keyboard.type("stress")
    # the results of the whole word, not of its first letters
    first = page.locator(".md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"\?h=stress"))
    assert axe_problems(page) == []


# A front page, a tool page with its drawing and tooltips, a plan page with
# its form, the accessibility page and the 404 page: between them every kind
# of control the handbook has.
FOCUS_SAMPLE = ["", "vaerktoejer/scarf/", "udviklingsplan/", "tilgaengelighed/"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", [*FOCUS_SAMPLE, NOT_FOUND])
def test_focus_is_always_visible(
    view: View, served_site: str, url: str, scheme: str, width: int
) -> None:
    page = open_page(view, served_site, url, scheme, width)
    assert focus_problems(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_leads_the_keyboard_to_the_content(
    view: View, served_site: str, width: int
) -> None:
    page = open_page(view, served_site, "aktiviteter/modul-1/", "default", width)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Gå til indholdet")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    heading = page.locator(".md-content h1")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    assert unquote(urlsplit(page.url).fragment) == heading.get_attribute("id")
    # the next Tab goes on from the page's heading, not from the header
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(page.locator("article.md-content__inner :focus")).to_have_count(1)
    expect(focused).to_be_in_viewport()


STATEMENT = re.search(
    r"^\s+accessibility_statement:\s*(\S+)",
    (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
    re.MULTILINE,
)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_links_to_the_accessibility_statement(
    view: View, served_site: str, url: str
) -> None:
    page = open_page(view, served_site, url, "default", 1280)
    link = page.get_by_role("contentinfo").get_by_role(
        "link", name="Tilgængelighedserklæring"
    )
    expect(link).to_have_count(1)
    link.click()
    # (the 404 page links by site_url's path, which this server serves too)
    expect(page).to_have_url(re.compile(r"/tilgaengelighed/$"))
    # instant navigation changes the URL before it swaps the content in
    heading = page.locator(".md-content h1")
    expect(heading).to_have_count(1)
    expect(heading).to_have_text(re.compile(r"^Tilgængelighed"))


def test_statement_page_names_the_target_and_the_official_statement(
    view: View, served_site: str
) -> None:
    page = open_page(view, served_site, "tilgaengelighed/", "default", 1280)
    content = page.locator(".md-content")
    expect(content.locator("h1")).to_have_text(re.compile(r"^Tilgængelighed"))
    for words in ("WCAG 2.1 på niveau AA", "webtilgængelighedsloven", "EN 301 549"):
        expect(content).to_contain_text(words)
    assert STATEMENT, "mkdocs.yml sets no extra.accessibility_statement"
    official = content.get_by_role("region", name="Den officielle")
    expect(official.get_by_role("link")).to_have_attribute("href", STATEMENT[1])
