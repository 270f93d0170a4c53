"""The downloadable guide PDF, read back as a participant's PDF reader sees it."""

from __future__ import annotations

import base64
import html
import http.server
import os
import posixpath
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import CONTENT, ROOT, build_site
from coursebook.content.editions import schedule_of
from coursebook.content.validation import load_content
from coursebook.downloads.guide_pdf import write_guide_pdf
from coursebook.downloads.output import BuildOutput, RenderedPage
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

PDF = Path("downloads") / "kursusguide.pdf"
HEADING_SIZE = 22  # the chapter title's size in pt (templates/pdf/guide.css)
MM = 72 / 25.4
MARGIN_TOP, MARGIN_BOTTOM = 26 * MM, 22 * MM  # guide.css's @page margins
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@dataclass
class Guide:
    reader: PdfReader
    texts: list[str]  # each page's text, whitespace collapsed
    titles: list[list[str]]  # the chapter titles printed on each page
    fills: list[float]  # how much of each page's text area is used, 0–1

    @property
    def headings(self) -> list[str]:
        """Each page's first chapter title, "" when none begins on it."""
        return [titles[0] if titles else "" for titles in self.titles]


def read_guide(path: Path) -> Guide:
    reader = PdfReader(path)
    texts, titles, fills = [], [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(" ".join((page.extract_text() or "").split()))
            words = page.extract_words(extra_attrs=["size"])
            lines: dict[float, list[str]] = {}
            for word in words:
                if round(word["size"]) == HEADING_SIZE:
                    lines.setdefault(round(word["top"]), []).append(word["text"])
            # a title of two lines is one title
            joined: list[str] = []
            previous = None
            for top in sorted(lines):
                if previous is not None and top - previous < HEADING_SIZE * 1.5:
                    joined[-1] += " " + " ".join(lines[top])
                else:
                    joined.append(" ".join(lines[top]))
                previous = top
            titles.append(joined)
            fills.append(text_area_used(page))
    return Guide(reader, texts, titles, fills)


def text_area_used(page: pdfplumber.page.Page) -> float:
    """How far down the text area (inside templates/pdf/guide.css's @page
    margins) the page's content reaches, 0 to 1: words, lines and drawings."""
    top, bottom = MARGIN_TOP, page.height - MARGIN_BOTTOM
    objects = page.extract_words() + page.rects + page.curves + page.images
    inside = [
        o["bottom"]
        for o in objects
        if o["top"] >= top - 1 and o["bottom"] <= bottom + 1
    ]
    return (max(inside, default=top) - top) / (bottom - top)


def chapter_titles(site: Path) -> list[str]:
    """Each page's title as printed on it (its h1), in navigation order, read
    from print-site's page, which lays out the same navigation independently."""
    page = (site / "hele-guiden" / "index.html").read_text(encoding="utf-8")
    # one <section class="print-page" id=…> per page; nav sections use '…'
    chunks = page.split('<section class="print-page" id="')[1:]
    titles = []
    for chunk in chunks:
        if 'class="cb-web-only"' in chunk[: chunk.find("<h1")]:
            continue  # a page that is web-only as a whole is not printed
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", chunk, flags=re.DOTALL)
        assert heading, chunk[:200]
        text = re.sub(r'<a class="headerlink".*?</a>', "", heading.group(1))
        titles.append(" ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()))
    return titles


@pytest.fixture(scope="module")
def guide(site: Path) -> Guide:
    return read_guide(site / PDF)


@pytest.fixture(scope="module")
def chapters(site: Path) -> list[str]:
    titles = chapter_titles(site)
    assert len(titles) > 10, "print-site's page lists fewer pages than expected"
    return titles


def outline_titles(reader: PdfReader) -> list[str]:
    """Top-level bookmark titles."""
    return [item.title for item in reader.outline if not isinstance(item, list)]


def listed_page(guide: Guide, title: str) -> int | None:
    """The page number the table of contents prints for title."""
    start = guide.headings.index("Indhold")
    end = next(i for i, h in enumerate(guide.headings) if h and i > start)
    contents = " ".join(guide.texts[start:end])
    match = re.search(re.escape(title) + r"[\s.]*(\d+)\b", contents)
    return int(match.group(1)) if match else None


def test_each_chapter_is_a_bookmark_in_navigation_order(guide, chapters) -> None:
    assert outline_titles(guide.reader) == ["Indhold", *chapters]


def test_sections_are_bookmarked_under_their_chapter(guide) -> None:
    outline = guide.reader.outline
    children = [item for item in outline if isinstance(item, list)]
    assert children, "no chapter has section bookmarks"
    titles = [None if isinstance(i, list) else i.title for i in outline]
    tool = titles.index("PDSA-cirklen (PDCA)")
    sections = [item.title for item in outline[tool + 1]]
    assert "Sådan bruger du den i praksis" in sections


def test_every_chapter_is_printed_once_under_its_title(guide, chapters) -> None:
    printed = [title for titles in guide.titles for title in titles]
    assert printed == ["Indhold", *chapters]


def test_contents_page_numbers_are_where_the_chapters_begin(guide, chapters) -> None:
    for title in chapters:
        printed = listed_page(guide, title)
        assert printed, f"{title!r} is not in the table of contents"
        assert title in guide.titles[printed - 1], (
            f"the contents say {title!r} is on page {printed}, "
            f"but page {printed} has {guide.titles[printed - 1]!r}"
        )


# The chapters whose end may leave a page less than a third full: the guide's
# last chapter (nothing follows it). Every other chapter ends on a fuller page,
# or the next chapter runs on below it (guide_pdf.Layout).
SHORT_CHAPTER_ENDS = {"Praktisk information"}


def test_no_page_is_less_than_a_third_full_but_a_named_chapter_end(guide) -> None:
    chapter = None
    short = []
    for number, (titles, fill) in enumerate(
        zip(guide.titles, guide.fills, strict=True), start=1
    ):
        chapter = titles[-1] if titles else chapter
        ends_chapter = number == len(guide.titles) or bool(guide.titles[number])
        if number > 1 and fill < 1 / 3:  # the cover is a page of its own
            short.append((number, chapter, round(fill, 2)))
            assert ends_chapter and chapter in SHORT_CHAPTER_ENDS, short[-1]
    assert len(guide.fills) > 30


def test_a_chapter_that_runs_on_and_then_ends_short_lets_the_next_run_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Four chapters, 12, 9, 5 and 5 paragraphs long: the first ends a page
    short, so the second runs on below it; running on, the second now ends a
    page short, so the third runs on too (a second layout round). The rounds
    lay out only the chapters they move: the whole guide is rendered twice."""
    sentence = (
        "Lederen taler med medarbejderne om trivsel og arbejdsmiljø, "
        "før travlheden tager over. "
    )
    paragraph = f"<p>{sentence * 4}</p>"
    pages = [
        RenderedPage(
            f"kapitel-{n}.md",
            f"Kapitel {n}",
            f"<h1>Kapitel {n}</h1>" + paragraph * count,
        )
        for n, count in enumerate([12, 9, 5, 5], start=1)
    ]
    content, _ = load_content(CONTENT)
    output = BuildOutput(content, tmp_path, "https://kursus.example/", pages)
    with caplog.at_level("INFO", logger="mkdocs.plugins.coursebook"):
        (pdf,) = write_guide_pdf(output)
    guide = read_guide(pdf)
    # cover, contents, then a page for each chapter's title: chapters 2 and 3
    # start below the end of the one before, on the page it ends on
    assert guide.headings == ["", "Indhold", *(f"Kapitel {n}" for n in range(1, 5))]
    # (four lines of contents are a short page of their own)
    assert all(fill >= 1 / 3 for fill in guide.fills[2:-1]), guide.fills
    assert "laid out in 2 whole and 2 partial renders" in caplog.text


def test_contents_fill_whole_pages(guide) -> None:
    """No line of the contents is left alone on a page of its own."""
    start = guide.headings.index("Indhold")
    end = next(i for i, h in enumerate(guide.headings) if h and i > start)
    assert all(fill > 1 / 3 for fill in guide.fills[start:end])


def test_key_points_are_numbered_1_to_10(site: Path) -> None:
    """Three lists under three questions, one count: each list starts where
    the one before ended, on the web page and in the PDF."""
    content, _ = load_content(CONTENT)
    total = sum(len(group.points) for group in content.course.key_points.groups)
    assert total == 10
    markup = (site / "hovedpointer" / "index.html").read_text(encoding="utf-8")
    article = markup[markup.index("<article") :]
    numbers = []
    for start, items in re.findall(
        r"<ol(?: start=\"(\d+)\")?>(.*?)</ol>", article, re.S
    ):
        first = int(start or 1)
        numbers += range(first, first + items.count("<li>"))
    assert numbers == list(range(1, 11))

    guide = read_guide(site / PDF)
    title = content.course.key_points.title
    first = next(i for i, titles in enumerate(guide.titles) if title in titles)
    markers = []
    with pdfplumber.open(site / PDF) as pdf:
        for page in pdf.pages[first : first + 3]:
            words = page.extract_words()
            indent = min(w["x0"] for w in words)  # the list markers' column
            markers += [
                w["text"]
                for w in words
                if re.fullmatch(r"\d+\.", w["text"]) and w["x0"] < indent + 12
            ]
    assert markers[:10] == [f"{n}." for n in range(1, 11)]


SCREEN_ONLY = (
    "holde musen over den",
    "Åbn menuen øverst til venstre",
    "(sidst i menuen)",
    "Kalenderfilen kan åbnes i Outlook",
)


def test_screen_only_sentences_are_not_printed_and_print_wording_is(guide) -> None:
    text = " ".join(guide.texts)
    for phrase in SCREEN_ONLY:
        assert phrase not in text
    # the calendar sentence has a form for paper
    assert "Datoerne kan hentes som kalenderfil" in text


def test_pages_about_the_website_are_left_out(guide) -> None:
    """The accessibility statement and "Om håndbogen" speak of the website
    (axe-core, browsers, menus): not printed, and not in the contents."""
    titles = outline_titles(guide.reader)
    assert "Tilgængelighed" not in titles and "Om håndbogen" not in titles
    text = " ".join(guide.texts)
    assert "axe-core" not in text and "Chromium" not in text


def test_the_instructors_note_is_printed_once(guide) -> None:
    """Without instructors, their page only repeats the practical page's note:
    the guide prints the note once, and no chapter of its own."""
    content, _ = load_content(CONTENT)
    assert not content.edition.instructors, "the shipped edition has none yet"
    note = " ".join(content.edition.instructors_note.split())
    assert " ".join(guide.texts).count(note) == 1
    assert "Undervisere" not in outline_titles(guide.reader)


def test_no_heading_is_left_at_the_foot_of_a_page(site: Path) -> None:
    with pdfplumber.open(site / PDF) as pdf:
        for number, page in enumerate(pdf.pages[1:], start=2):
            words = page.extract_words(extra_attrs=["size", "fontname"])
            body = [w for w in words if w["bottom"] < page.height - 60]  # no footer
            if not body:
                continue
            bottom = max(w["bottom"] for w in body)
            last_line = [w for w in body if bottom - w["bottom"] < 2]
            sizes = {round(w["size"]) for w in last_line}
            bold = all("Bold" in w["fontname"] for w in last_line)
            # h2 is 14 pt and h3 11 pt in templates/pdf/guide.css, both bold
            heading = bold and sizes <= {14, 11}
            assert not heading, (number, [w["text"] for w in last_line])


def test_no_text_runs_past_the_right_margin(site: Path) -> None:
    # @page's right margin is 20 mm (templates/pdf/guide.css); a card grid
    # once pushed its second column off the page
    right_edge = 210 - 20
    with pdfplumber.open(site / PDF) as pdf:
        for number, page in enumerate(pdf.pages[1:], start=2):
            mm = 210 / page.width
            over = [
                w["text"] for w in page.extract_words() if w["x1"] * mm > right_edge + 1
            ]
            assert not over, (number, over[:5])


def test_footer_counts_pages_after_the_cover(guide) -> None:
    total = len(guide.texts)
    assert total > 20
    assert "Side 1 af" not in guide.texts[0]
    for number, text in enumerate(guide.texts[1:], start=2):
        assert f"Side {number} af {total}" in text, f"page {number}"


def test_cover_names_course_organiser_edition_dates_and_address(guide) -> None:
    content, _ = load_content(CONTENT)
    cover = guide.texts[0]
    dates = schedule_of(content).span
    assert dates, "the shipped edition has dates"
    for expected in (
        content.course.title,
        content.course.organiser,
        content.edition.name,
        dates,
        "kursus.example.org/ledelse-af-psykisk-arbejdsmiljoe",
    ):
        assert expected in cover
    assert not guide.reader.pages[0].images, "the QR code should be a vector"


def test_title_and_language_are_in_the_metadata(guide) -> None:
    content, _ = load_content(CONTENT)
    title = guide.reader.metadata.title
    assert content.course.title in title and content.edition.name in title
    root = guide.reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_pdf_is_tagged_with_headings_and_links(guide) -> None:
    root = guide.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    kinds = set()
    todo = [root["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        if isinstance(node, IndirectObject):
            node = node.get_object()
        if isinstance(node, list):
            todo += node
        elif isinstance(node, DictionaryObject):
            if "/S" in node:
                kinds.add(str(node["/S"]))
            if "/K" in node:
                todo.append(node["/K"])
    assert {"/H1", "/H2", "/P", "/L", "/Link", "/Table"} <= kinds


def test_every_font_is_embedded(guide) -> None:
    checked = 0
    for page in guide.reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            for part in [font, *font.get("/DescendantFonts", [])]:
                descriptor = part.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                assert {"/FontFile2", "/FontFile3"} & set(descriptor), descriptor
                checked += 1
    assert checked


def test_links_stay_in_the_document_or_go_online(guide) -> None:
    internal, external = 0, []
    for page in guide.reader.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                external.append(str(action["/URI"]))
            elif annotation.get_object().get("/Dest") or action.get("/D"):
                internal += 1
    assert internal > 50, "links between chapters should jump inside the PDF"
    assert external and all(re.match(r"(https?|mailto):", u) for u in external)
    site_url = "https://kursus.example.org/ledelse-af-psykisk-arbejdsmiljoe/"
    # a chapter is never reached online when it is right there in the PDF
    assert f"{site_url}vaerktoejer/pdca/" not in external


def test_web_only_parts_are_left_out(guide) -> None:
    text = " ".join(guide.texts)
    assert "¶" not in text
    assert "Hent guiden som PDF" not in text


def test_guide_is_small_enough_to_mail(site: Path) -> None:
    assert (site / PDF).stat().st_size < 3_000_000


def test_download_buttons_reach_the_pdf_from_their_pages(site: Path) -> None:
    pages = [site / "index.html", site / "hele-guiden" / "index.html"]
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]+)"[^>]*>Hent guiden som PDF<', markup)
        assert hrefs, f"no download button on {page.relative_to(site)}"
        for href in hrefs:
            target = posixpath.normpath(
                posixpath.join(page.parent.relative_to(site).as_posix(), href)
            )
            assert (site / target) == site / PDF, (page, href)
            assert (site / target).is_file()


def test_a_yaml_edit_shows_up_in_the_pdf(content_copy: Path, tmp_path: Path) -> None:
    tool = content_copy / "tools" / "pdca.yml"
    text = tool.read_text(encoding="utf-8")
    assert "name: PDSA-cirklen (PDCA)" in text
    tool.write_text(
        text.replace("name: PDSA-cirklen (PDCA)", "name: Forbedringscirklen"),
        encoding="utf-8",
    )
    edition = content_copy / "editions" / "foraar-2027.yml"
    edition.write_text(
        edition.read_text(encoding="utf-8").replace(
            "name: Forår 2027", "name: Efterår 2031"
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    build_site(site, content_copy)
    edited = read_guide(site / PDF)
    assert "Efterår 2031" in edited.texts[0]
    assert "Forbedringscirklen" in outline_titles(edited.reader)
    assert "PDSA-cirklen (PDCA)" not in " ".join(edited.texts)
    printed = listed_page(edited, "Forbedringscirklen")
    assert printed and edited.headings[printed - 1] == "Forbedringscirklen"


def test_preview_without_pdfs_skips_the_guide(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(site, COURSEBOOK_PDF="0")
    assert (site / "index.html").is_file()
    assert not (site / PDF).exists()


def test_pdf_loads_site_images_and_never_asks_another_host(tmp_path: Path) -> None:
    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    # a 1×1 PNG standing in for an instructor's photo
    (site / "assets" / "foto.png").write_bytes(PIXEL)
    outside = f"http://127.0.0.1:{server.server_port}/sporing.png"
    page = RenderedPage(
        "undervisere.md",
        "Undervisere",
        f'<h1 id="undervisere">Undervisere</h1><p><img alt="Foto" '
        f'src="../assets/foto.png"><img alt="Sporing" src="{outside}"></p>',
    )
    content, _ = load_content(CONTENT)
    output = BuildOutput(content, site, "https://kursus.example/", [page])
    try:
        (pdf,) = write_guide_pdf(output)
    finally:
        server.shutdown()
    assert asked == []
    assert len(PdfReader(pdf).pages[2].images) == 1


def ruled_lines(pdf: Path, number: int) -> int:
    """Horizontal lines drawn across the text column of page number (1-based)."""
    image = pdfium.PdfDocument(pdf)[number - 1].render(scale=2).to_pil().convert("L")
    pixels = image.load()
    mm = 72 / 25.4 * 2
    columns = range(int(40 * mm), int(180 * mm), 3)
    lines, previous = 0, False
    for y in range(image.height):
        full = all(pixels[x, y] < 245 for x in columns)
        lines += full and not previous
        previous = full
    return lines


def test_plans_print_as_worksheets_with_ruled_space(site: Path, guide) -> None:
    content, _ = load_content(CONTENT)
    prose = guide.headings.index(content.course.outcomes.title) + 1
    assert ruled_lines(site / PDF, prose) <= 3  # the header's rule, no more
    for plan in content.plans.values():
        first_page = guide.headings.index(plan.title) + 1
        assert ruled_lines(site / PDF, first_page) >= 10, plan.title


EDITION_URL = "https://kursus.example/ledelse/foraar-2027"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built as one edition's folder of a published site: its
    site_url ends in the edition's folder, without the slash (as mike sets it)."""
    site = tmp_path_factory.mktemp("published") / "foraar-2027"
    config = ROOT / f".test-published-{os.getpid()}.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\nsite_url: {EDITION_URL}\n", encoding="utf-8"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
            + ["-f", str(config), "-d", str(site)],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        config.unlink()
    assert result.returncode == 0, result.stderr
    return site


def test_every_link_in_a_published_editions_pdf_resolves(published: Path) -> None:
    """Links to the site's own files carry the edition's folder and reach a
    file that is there; links inside the PDF reach a destination in it."""
    reader = PdfReader(published / PDF)
    destinations = set(reader.named_destinations)
    own, internal = [], 0
    host = EDITION_URL.rsplit("/", 1)[0] + "/"
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            target = annotation.get("/Dest") or action.get("/D")
            if "/URI" in action:
                uri = str(action["/URI"])
                if uri.startswith(host):
                    assert uri.startswith(EDITION_URL + "/") or uri == EDITION_URL, uri
                    own.append(uri)
            elif target is not None:
                if isinstance(target, str):
                    assert target in destinations, target
                internal += 1
    assert internal > 50
    downloads = [uri for uri in own if "/downloads/" in uri]
    assert len(downloads) >= 20, "the plan pages' download links"
    for uri in own:
        path = uri[len(EDITION_URL) :].split("#")[0].lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        assert (published / path).is_file(), uri
