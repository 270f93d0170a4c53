"""The toolbox: a page per tool with its drawing, the tool index, the glossary
and the abbreviations it explains on every page."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CONTENT, build_site
from coursebook.content.model import Glossary, Part, Term, Tool
from coursebook.content.validation import load_content
from coursebook.site import diagrams
from coursebook.site.diagrams import LAYOUTS, WIDTH, diagram, text_width
from coursebook.site.glossary import (
    abbreviation_titles,
    danish_key,
    explain_abbreviations,
)

_CONTENT = load_content(CONTENT)[0]
TOOLS = list(_CONTENT.tools)
GLOSSARY = _CONTENT.glossary
SVG = "{http://www.w3.org/2000/svg}"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def text(html: str) -> str:
    """Visible text of an HTML fragment, on one line."""
    html = re.sub(r'<a class="headerlink".*?</a>', "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def section(html: str, heading: str) -> str:
    """The part of a page's article from its h2 `heading` to the next h2."""
    for part in re.split(r"(?=<h2[ >])", article(html)):
        match = re.match(r"<h2[^>]*>(.*?)</h2>", part, re.S)
        if match and text(match.group(1)).startswith(heading):
            return part
    raise AssertionError(f"no section {heading!r}")


def links(html: str) -> list[tuple[str, str]]:
    """(href, text) of every link in an HTML fragment, but heading permalinks."""
    return [
        (unescape(href), text(label))
        for href, label in re.findall(r'<a [^>]*?href="([^"]*)"[^>]*>(.*?)</a>', html)
        if not href.startswith("#")
    ]


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The file a relative link from page_url leads to."""
    target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    return site / target / "index.html"


def svgs(html: str) -> list[str]:
    return re.findall(r'<svg [^>]*class="cb-diagram__svg".*?</svg>', html, re.S)


def svg_text(svg: ET.Element) -> str:
    """The words drawn in a diagram, wrapped lines joined again."""
    return " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))


def tool_url(ident: str) -> str:
    return f"vaerktoejer/{ident}"


# --- a page per tool ----------------------------------------------------------


def test_the_toolbox_holds_the_course_models() -> None:
    names = {tool.name for tool in _CONTENT.tools.values()}
    for name in (
        "IGLO-modellen",
        "De seks guldkorn",
        "Trivsels- og stresstrappen",
        "SCARF-modellen",
        "Selvbestemmelsesteori",
        "Ressourcebeholderen",
        "Psykologisk tryghed",
        "Mindset og læringskultur",
        "Kulturtræk-analyse",
        "PDSA-cirklen (PDCA)",
    ):
        assert name in names


@pytest.mark.parametrize("ident", TOOLS)
def test_tool_page_explains_draws_and_links_its_model(site: Path, ident: str) -> None:
    tool = _CONTENT.tools[ident]
    html = page(site, tool_url(ident))
    assert text(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)) == tool.name
    assert tool.summary and tool.parts and tool.practice and tool.references

    parts = section(html, tool.parts_title or "Elementer")
    names = [text(dt) for dt in re.findall(r"<dt>(.*?)</dt>", parts, re.S)]
    assert names == [part.name for part in tool.parts]

    it = tool.pronoun
    origin = section(html, f"Hvor kommer {it} fra?")
    for ref in tool.references:
        assert ref.title in text(origin)
        if ref.url:
            assert (ref.url, ref.title) in links(origin)

    practice = section(html, f"Sådan bruger du {'dem' if it == 'de' else it} i praksis")
    settings = [text(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", practice, re.S)]
    assert settings == [item.setting for item in tool.practice]

    questions = section(html, "Spørgsmål til refleksion")
    asked = [text(li) for li in re.findall(r"<li>(.*?)</li>", questions, re.S)]
    assert asked == [" ".join(q.split()) for q in tool.questions]
    assert 3 <= len(asked) <= 5

    uses = links(section(html, "Bruges i"))
    expected = [a.label for _, a in _CONTENT.activities_using_tool(ident)]
    assert [label.split(":")[0] for _, label in uses[: len(expected)]] == expected
    related = [label for _, label in uses[len(expected) :]]
    assert related == [_CONTENT.tools[other].name for other in tool.related]

    (drawing,) = svgs(html)
    svg = ET.fromstring(drawing)
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    assert title.text.startswith(tool.name)
    for part in tool.parts:
        assert part.name in desc.text
        assert part.name in svg_text(svg)
        for sign in part.signs:
            assert sign in svg_text(svg)


def test_diagram_follows_the_lead_paragraph(site: Path) -> None:
    body = article(page(site, tool_url("iglo")))
    lead = body.index('class="handbook-lead"')
    figure = body.index('<figure class="cb-diagram')
    assert lead < figure < body.index("<h2")


def test_every_diagram_on_the_site_is_well_formed_svg(site: Path) -> None:
    found = {}
    for path in site.rglob("*.html"):
        for drawing in svgs(path.read_text(encoding="utf-8")):
            svg = ET.fromstring(drawing)  # raises on anything but well-formed XML
            assert svg.tag == f"{SVG}svg"
            assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewBox"))
            found.setdefault(path.relative_to(site).parent.as_posix(), 0)
            found[path.relative_to(site).parent.as_posix()] += 1
    assert {tool_url(ident) for ident in TOOLS} <= set(found)
    assert found["hele-guiden"] == len(TOOLS)


def test_renaming_a_step_changes_its_drawing_and_its_page(
    content_copy: Path, tmp_path: Path
) -> None:
    renames = {
        "stresstrappen": ("Opvarmet", "Under stigende pres"),
        "seks-guldkorn": ("Mening", "Sammenhæng og formål"),
        "pdca": ("Udfør (Do)", "Afprøv i lille skala"),
    }
    for ident, (old, new) in renames.items():
        path = content_copy / "tools" / f"{ident}.yml"
        yaml = path.read_text(encoding="utf-8")
        assert f"  - name: {old}\n" in yaml
        path.write_text(yaml.replace(f"  - name: {old}\n", f"  - name: {new}\n"))
    build_site(tmp_path / "site", content_copy)
    for ident, (old, new) in renames.items():
        html = page(tmp_path / "site", tool_url(ident))
        svg = ET.fromstring(svgs(html)[0])
        assert new in svg_text(svg)
        assert old not in svg_text(svg)
        assert new in svg.find(f"{SVG}desc").text
        assert f"<dt><strong>{new}</strong></dt>" in html


# --- the drawings' geometry -----------------------------------------------------

_WORDS = [
    "Tillid",
    "samarbejde",
    "ledelse",
    "trivsel",
    "fællesskab",
    "indflydelse",
    "anerkendelse",
]


def _tool(kind: str, count: int) -> Tool:
    """A tool with count parts of growing name length, some with signs."""
    parts = [
        Part(
            name=" ".join(_WORDS[: 1 + i % 4]),
            text="Forklaring.",
            signs=_WORDS[: i % 3],
        )
        for i in range(count)
    ]
    return Tool(
        name="Et værktøj med et langt navn",
        short="Kort",
        pronoun="den",
        guide_text=["Tekst"],
        diagram=kind,
        parts=parts,
    )


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
@pytest.mark.parametrize("count", [2, 3, 4, 5, 6, 7, 8])
def test_drawings_keep_parts_apart_and_text_inside(kind: str, count: int) -> None:
    layout = LAYOUTS[kind](_tool(kind, count))
    boxes = layout.boxes
    for box in boxes:
        assert box.x >= 0 and box.x + box.w <= WIDTH + 0.5, box
        assert box.y >= 0 and box.y + box.h <= layout.height + 0.5, box
        for label in (box.label, box.detail):
            for line in label.lines if label else ():
                assert text_width(line, label.size, label.bold) <= box.w, line
    for i, one in enumerate(boxes):
        for other in boxes[i + 1 :]:
            apart = (
                one.x + one.w <= other.x + 0.5
                or other.x + other.w <= one.x + 0.5
                or one.y + one.h <= other.y + 0.5
                or other.y + other.h <= one.y + 0.5
            )
            assert apart, (kind, count, one.label.lines, other.label.lines)


def test_a_diagram_is_drawn_again_only_when_its_tool_changes(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = diagram(load_content(content_copy)[0], "iglo")
    # the next build (a new Content, or a new process) with the same tool
    # reuses the drawing from the cache
    with monkeypatch.context() as patched:
        patched.setattr(diagrams, "_draw", lambda *_: pytest.fail("drawn again"))
        assert diagram(load_content(content_copy)[0], "iglo") == first
    path = content_copy / "tools" / "iglo.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Individ", "name: Medarbejderen", 1), "utf-8")
    changed = diagram(load_content(content_copy)[0], "iglo")
    assert changed != first
    assert "Medarbejderen" in changed and "Medarbejderen" not in first


# --- links between activities and tools ---------------------------------------


def test_activity_tool_links_and_tool_backlinks_resolve(site: Path) -> None:
    for ident, activity in _CONTENT.activities.items():
        url = f"aktiviteter/{ident}"
        linked = set()
        for href, _ in links(article(page(site, url))):
            if "vaerktoejer/" in href:
                assert resolve(site, url, href).is_file(), (url, href)
                linked.add(href.rstrip("/").rsplit("/", 1)[-1])
        assert set(activity.tools) <= linked, ident
    for ident in TOOLS:
        url = tool_url(ident)
        for href, _ in links(section(page(site, url), "Bruges i")):
            target = resolve(site, url, href)
            assert target.is_file(), (url, href)
            if "aktiviteter/" in href:
                # the activity it names does list the tool back
                back = links(article(target.read_text(encoding="utf-8")))
                assert any(h.rstrip("/").endswith(f"/{ident}") for h, _ in back)


# --- the tool index -------------------------------------------------------------


def test_tool_index_has_a_card_per_tool_with_the_modules_that_use_it(
    site: Path,
) -> None:
    html = article(page(site, "vaerktoejer"))
    grid = html[html.index('class="grid cards"') :]
    cards = re.findall(r"<li>(.*?)</li>", grid, re.S)
    assert len(cards) == len(TOOLS)
    for card, (ident, tool) in zip(cards, _CONTENT.tools.items(), strict=True):
        card_links = links(card)
        assert card_links[0] == (f"{ident}/", tool.name)
        assert tool.short in text(card)
        users = _CONTENT.activities_using_tool(ident)
        assert card_links[1:] == [
            (f"../aktiviteter/{i}/", activity.label) for i, activity in users
        ]
        if users:
            assert "Bruges i:" in text(card)


# --- glossary and abbreviations -----------------------------------------------


def test_glossary_page_lists_every_term_in_danish_order(site: Path) -> None:
    html = article(page(site, "ordliste"))
    shown = [text(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html, re.S)]
    expected = [f"{t.term} ({t.abbr})" if t.abbr else t.term for t in GLOSSARY.terms]
    assert sorted(shown) == sorted(expected)
    danish = str.maketrans({"æ": "{", "ø": "|", "å": "}"})
    assert shown == sorted(shown, key=lambda s: s.casefold().translate(danish))
    assert shown[-1].startswith("Årlig")
    letters = [text(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    assert letters == list(dict.fromkeys(s[0] for s in shown))


class _Abbreviations(HTMLParser):
    """Abbreviations in an article: wrapped ones and bare ones in its text."""

    def __init__(self, abbrs: set[str]) -> None:
        super().__init__()
        self.pattern = re.compile(r"\b(?:" + "|".join(sorted(abbrs)) + r")\b")
        self.wrapped: list[tuple[str, dict[str, str | None], bool]] = []
        self.bare: list[str] = []
        self.open: list[str] = []
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "abbr":
            self._attrs = dict(attrs)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "abbr" in self.open:
            interactive = {"a", "label", "button", "summary"} & set(self.open)
            self.wrapped.append((data, self._attrs, bool(interactive)))
        elif not {"svg", "code", "script", "style"} & set(self.open):
            self.bare += self.pattern.findall(data)


def test_abbreviations_are_explained_wherever_they_occur(site: Path) -> None:
    terms = {t.abbr: t for t in GLOSSARY.terms if t.abbr}
    seen = set()
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"\*\[[A-ZÆØÅ]+\]:", html), url  # no stray definitions
        if url in ("404.html", "hele-guiden/index.html") or "<article" not in html:
            continue
        parser = _Abbreviations(set(terms))
        parser.feed(article(html))
        assert parser.bare == [], url
        focusable = []
        for abbr, attrs, in_control in parser.wrapped:
            term = terms[abbr]
            assert attrs["title"].startswith(term.term), (url, abbr)
            if abbr in term.term:  # "MED-udvalg" alone would explain nothing
                assert len(attrs["title"]) > len(term.term) + 10, attrs["title"]
            if attrs.get("tabindex") == "0":
                assert not in_control, url
                focusable.append(abbr)
            seen.add(abbr)
        # the keyboard reaches each abbreviation once per page (a link or a
        # form field takes the focus itself)
        reachable = {abbr for abbr, _, inside in parser.wrapped if not inside}
        assert sorted(focusable) == sorted(reachable), url
    assert seen == set(terms)


def test_danish_order_puts_ae_oe_aa_last() -> None:
    words = ["Åben", "Øje", "Ærme", "Zone", "arbejde", "Aftale"]
    assert sorted(words, key=danish_key) == [
        "Aftale",
        "arbejde",
        "Zone",
        "Ærme",
        "Øje",
        "Åben",
    ]


def test_abbreviations_in_raw_html_are_explained_but_not_in_drawings() -> None:
    glossary = Glossary(
        terms=[Term(term="Tillidsrepræsentant", abbr="TR", definition="En.")]
    )
    html = (
        '<p class="x">Spørg din TR</p><a href="#">TR</a>'
        "<svg><title>TR</title><text>TR</text></svg><label>TR og TR</label>"
        "<p>TR igen, TRIO ikke</p>"
    )
    done = explain_abbreviations(html, abbreviation_titles(glossary))
    abbr = '<abbr title="Tillidsrepræsentant">TR</abbr>'
    focusable = '<abbr tabindex="0" title="Tillidsrepræsentant">TR</abbr>'
    assert done == (
        f'<p class="x">Spørg din {focusable}</p><a href="#">{abbr}</a>'
        "<svg><title>TR</title><text>TR</text></svg>"
        f"<label>{abbr} og {abbr}</label>"
        f"<p>{abbr} igen, TRIO ikke</p>"
    )


def test_abbreviations_stay_out_of_the_drawings(site: Path) -> None:
    for ident in TOOLS:
        for drawing in svgs(page(site, tool_url(ident))):
            assert "<abbr" not in drawing


@pytest.mark.parametrize("term", GLOSSARY.terms, ids=lambda t: t.term)
def test_glossary_terms_are_in_the_search_index(site: Path, term) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = {
        doc["title"] for doc in index["docs"] if doc["location"].startswith("ordliste/")
    }
    assert any(text(title).startswith(term.term) for title in titles)
