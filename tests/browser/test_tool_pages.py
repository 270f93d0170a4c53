"""The tool pages in Debian's chromium: every drawing fits a phone and a
desktop screen, in light and dark mode, with legible, unclipped text; the
abbreviations' tooltips open on keyboard focus; the search finds the glossary."""

from __future__ import annotations

import re

import pytest
from conftest import CONTENT
from coursebook.content.validation import load_content
from coursebook.site.glossary import term_id
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser

_CONTENT = load_content(CONTENT)[0]
TOOLS = list(_CONTENT.tools)

# For every text of the diagram: its box, font size in px, colour, and the
# colour of the shape right under its middle (or of the page).
_MEASURE = """svg => {
  const page = getComputedStyle(document.body).backgroundColor;
  const frame = svg.getBoundingClientRect();
  return {
    frame: [frame.left, frame.top, frame.right, frame.bottom],
    texts: [...svg.querySelectorAll("text")].map(text => {
      const r = text.getBoundingClientRect();
      const under = document
        .elementsFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)
        .find(e => e !== text && e !== svg && e.tagName !== "text" && svg.contains(e)
              && getComputedStyle(e).fill !== "none");
      const style = under && getComputedStyle(under);
      return {
        text: text.textContent,
        box: [r.left, r.top, r.right, r.bottom],
        px: r.height,
        colour: getComputedStyle(text).fill,
        under: style ? [style.fill, Number(style.fillOpacity)] : [page, 1],
        page,
      };
    }),
  };
}"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def _over(top: tuple, bottom: tuple) -> tuple[float, float, float]:
    alpha = top[3]
    pairs = zip(top[:3], bottom[:3], strict=True)
    return tuple(alpha * t + (1 - alpha) * b for t, b in pairs)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: dict) -> float:
    page = _rgba(text["page"])
    fill, opacity = text["under"]
    shape = _rgba(fill)
    background = _over((*shape[:3], shape[3] * opacity), page)
    colour = _over(_rgba(text["colour"]), background)
    light, dark = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _overlap(a: list[float], b: list[float]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)


def use_scheme(page: Page, base: str, scheme: str) -> None:
    """Switch Material's palette the way a reader does: with its toggle."""
    page.goto(base)
    if scheme == "slate":
        page.locator('label[for="__palette_1"]').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("width", [360, 1280])
def test_drawings_fit_and_read_well(
    context: BrowserContext, served_site: str, width: int, scheme: str
) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    use_scheme(page, served_site, scheme)
    for ident in TOOLS:
        page.goto(f"{served_site}vaerktoejer/{ident}/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        svg = page.locator("figure.cb-diagram svg")
        svg.scroll_into_view_if_needed()
        found = svg.evaluate(_MEASURE)
        left, top, right, bottom = found["frame"]
        assert right - left <= width, ident
        texts = found["texts"]
        assert texts, ident
        for text in texts:
            x0, y0, x1, y1 = text["box"]
            where = (ident, text["text"])
            assert left - 1 <= x0 and x1 <= right + 1, where  # not clipped
            assert top - 1 <= y0 and y1 <= bottom + 1, where
            assert text["px"] >= 12, where  # legible on a phone
            assert contrast(text) >= 4.5, (*where, contrast(text))
        for i, one in enumerate(texts):
            for other in texts[i + 1 :]:
                assert _overlap(one["box"], other["box"]) < 2, (
                    ident,
                    one["text"],
                    other["text"],
                )


def test_abbreviation_tooltip_opens_on_keyboard_focus(
    page: Page, served_site: str
) -> None:
    page.goto(f"{served_site}vaerktoejer/selvbestemmelsesteori/")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    focused = page.locator("abbr:focus")
    expect(focused).to_have_text("SDT")
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text("Selvbestemmelsesteori")


@pytest.mark.parametrize(
    "term",
    [t for t in _CONTENT.glossary.terms if t.term in ("Sygefraværssamtale", "Stressor")]
    + [next(t for t in _CONTENT.glossary.terms if t.abbr == "APV")],
    ids=lambda t: t.term,
)
def test_site_search_finds_glossary_terms(page: Page, served_site: str, term) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_site)
    page.locator(".md-search__input").click()
    # the index loads in a worker; a query typed before it is ready is lost
    expect(page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord")
    # typed, not filled: Material searches on key presses
    page.locator(".md-search__input").press_sequentially(term.term.lower())
    results = page.locator('.md-search-result__link[href*="/ordliste/"]')
    expect(results.first).to_be_visible()
    expect(results.and_(page.locator(f'[href$="#{term_id(term)}"]'))).to_have_count(1)
