"""The plan templates: fillable PDF forms, Word files and the web form.

What is expected comes from the shipped content (the plans' questions and
repeat_for), so the tests follow the YAML; the spot checks name real fields.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import pdfplumber
import pytest
from conftest import CONTENT, build_site
from coursebook.content.bundle import Content
from coursebook.content.model import Plan, Question
from coursebook.content.plan_form import plan_form
from coursebook.content.problems import ContentError
from coursebook.content.validation import load_content
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject

PLANS = ["udviklingsplan", "handleplan"]
PERSON = {"navn": "Navn", "enhed": "Enhed", "dato": "Dato"}
MULTILINE = 1 << 12  # PDF text-field flag bit 13
A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(CONTENT)[0]


def questions_by_field(content: Content, ident: str) -> dict[str, str]:
    """field name → question text: each question once, or once per repeat_for."""
    plan = content.plans[ident]
    prefixes = [f"{activity}/" for activity in plan.repeat_for] or [""]
    return {f"{p}{q.id}": q.text for p in prefixes for q in plan.questions}


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf(site: Path, ident: str) -> PdfReader:
    return PdfReader(site / "downloads" / f"{ident}.pdf")


# --- PDF forms ------------------------------------------------------------


@pytest.mark.parametrize("ident", PLANS)
def test_pdf_has_a_multiline_field_per_question_and_the_person_fields(
    site: Path, content: Content, ident: str
) -> None:
    fields = pdf(site, ident).get_fields()
    expected = questions_by_field(content, ident)
    assert set(fields) == set(PERSON) | set(expected)
    for name, field in fields.items():
        assert "." not in name, "a period would make it a field inside a group"
        assert field["/FT"] == "/Tx", name
        multiline = bool(int(field.get("/Ff", 0)) & MULTILINE)
        assert multiline == (name in expected), name


def test_handleplan_has_a_pdca_block_per_module(site: Path) -> None:
    fields = pdf(site, "handleplan").get_fields()
    for module in ("modul-1", "modul-2", "modul-3"):
        for step in ("plan", "udfoer", "studer", "juster"):
            assert f"{module}/{step}" in fields
    assert "Modul 2" in fields["modul-2/studer"]["/TU"]


@pytest.mark.parametrize("ident", PLANS)
def test_each_field_is_labelled_with_its_question_in_danish(
    site: Path, content: Content, ident: str
) -> None:
    fields = pdf(site, ident).get_fields()
    for name, label in PERSON.items():
        assert fields[name]["/TU"] == label
    for name, question in questions_by_field(content, ident).items():
        assert squash(question) in squash(fields[name]["/TU"]), name
    labels = " ".join(str(field["/TU"]) for field in fields.values())
    assert {"æ", "ø", "å"} <= set(labels)


@pytest.mark.parametrize("ident", PLANS)
def test_pdf_shows_course_edition_and_questions(
    site: Path, content: Content, ident: str
) -> None:
    with pdfplumber.open(site / "downloads" / f"{ident}.pdf") as document:
        # whole pages, and each half on its own for the two-column PDCA grid
        texts = []
        for page in document.pages:
            assert (round(page.width), round(page.height)) == tuple(map(round, A4))
            middle = page.width / 2
            for box in ((0, 0, page.width, page.height), (0, 0, middle, page.height)):
                texts.append(squash(page.crop(box).extract_text()))
            texts.append(
                squash(page.crop((middle, 0, page.width, page.height)).extract_text())
            )
    text = " | ".join(texts)
    assert content.course.title in text
    assert content.edition.name in text
    assert content.plans[ident].title in text
    for question in questions_by_field(content, ident).values():
        assert squash(question) in text


@pytest.mark.parametrize("ident", PLANS)
def test_danish_text_written_into_the_form_reads_back(
    site: Path, tmp_path: Path, ident: str
) -> None:
    first_answer = next(
        name for name in pdf(site, ident).get_fields() if name not in PERSON
    )
    values = {
        "navn": "Søren Ærø Åby",
        first_answer: "Første linje: æøå ÆØÅ\nAnden linje – “citat” og 5 %",
    }
    writer = PdfWriter(clone_from=site / "downloads" / f"{ident}.pdf")
    writer.update_page_form_field_values(None, values, auto_regenerate=False)
    filled = tmp_path / "udfyldt.pdf"
    writer.write(filled)
    fields = PdfReader(filled).get_fields()
    assert {name: fields[name]["/V"] for name in values} == values


def _struct_kinds(element: DictionaryObject, seen: list[str]) -> list[str]:
    kind = element.get("/S")
    if kind is not None:
        seen.append(str(kind))
    kids = element.get("/K")
    if kids is None:
        return seen
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if isinstance(kid, DictionaryObject) and kid.get("/Type") != "/OBJR":
            _struct_kinds(kid, seen)
    return seen


@pytest.mark.parametrize("ident", PLANS)
def test_pdf_is_tagged_danish_pdf_ua_with_embedded_fonts(
    site: Path, ident: str
) -> None:
    reader = pdf(site, ident)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert root["/MarkInfo"]["/Marked"].value is True
    kinds = _struct_kinds(root["/StructTreeRoot"].get_object(), [])
    # every field sits in the structure tree, next to headings and text
    assert kinds.count("/Form") == len(reader.get_fields())
    assert "/H1" in kinds
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ] + [font.get_object() for font in root["/AcroForm"]["/DR"]["/Font"].values()]
    assert fonts
    for font in fonts:
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font


# --- Word files -------------------------------------------------------------


def word(site: Path, ident: str) -> docx.document.Document:
    return docx.Document(str(site / "downloads" / f"{ident}.docx"))


@pytest.mark.parametrize("ident", PLANS)
def test_word_file_has_every_question_as_a_heading(
    site: Path, content: Content, ident: str
) -> None:
    document = word(site, ident)
    headings = [
        squash(p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings[0] == content.plans[ident].title
    for activity in content.plans[ident].repeat_for:
        label = content.activities[activity].label
        assert any(h.startswith(f"{label}:") for h in headings), label
    questions = questions_by_field(content, ident)
    for question in set(questions.values()):
        matching = [h for h in headings if squash(question) in h]
        assert len(matching) == len([q for q in questions.values() if q == question]), (
            question
        )


@pytest.mark.parametrize("ident", PLANS)
def test_word_file_has_answer_boxes_and_is_danish_and_titled(
    site: Path, content: Content, ident: str
) -> None:
    document = word(site, ident)
    assert document.core_properties.title == content.plans[ident].title
    assert document.core_properties.language == "da-DK"
    person, *answers = document.tables
    assert [row.cells[0].text for row in person.rows] == list(PERSON.values())
    assert len(answers) == len(questions_by_field(content, ident))
    for table in answers:
        row = table.rows[0]
        assert row.height_rule is not None and row.height_rule.name == "AT_LEAST"
        assert row.height.mm >= 30
    styles = document.styles.element.xml
    assert re.search(r'<w:lang w:val="da-DK"', styles)
    assert 'w:val="en-US"' not in styles
    normal = document.styles["Normal"].element.xml
    assert 'w:lang w:val="da-DK"' in normal


@pytest.mark.parametrize("ident", PLANS)
def test_each_word_answer_is_a_titled_plain_text_content_control(
    site: Path, content: Content, ident: str
) -> None:
    from docx.oxml.ns import qn

    document = word(site, ident)
    controls = list(document.element.body.iter(qn("w:sdt")))
    expected = {**PERSON, **questions_by_field(content, ident)}
    tags = {}
    for control in controls:
        properties = control.find(qn("w:sdtPr"))
        tag = properties.find(qn("w:tag")).get(qn("w:val"))
        tags[tag] = properties.find(qn("w:alias")).get(qn("w:val"))
        # plain text, showing its placeholder until the participant writes
        assert properties.find(qn("w:text")) is not None, tag
        assert properties.find(qn("w:showingPlcHdr")) is not None, tag
        shown = "".join(t.text for t in control.iter(qn("w:t")))
        assert shown == "Skriv dit svar her", tag
        # inside its answer box (a table cell), not loose in the text
        assert control.getparent().tag == qn("w:tc"), tag
    assert set(tags) == set(expected)
    for tag, question in expected.items():
        assert squash(question) in squash(tags[tag]), tag
    ids = [c.find(qn("w:sdtPr")).find(qn("w:id")).get(qn("w:val")) for c in controls]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("ident", PLANS)
def test_word_headings_use_the_plan_font_in_current_word_mode(
    site: Path, ident: str
) -> None:
    """No theme font overrides the headings' Arial, and Word opens the file
    without "compatibility mode" (compatibilityMode 15 = Word 2013 and later)."""
    document = word(site, ident)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        fonts = document.styles[name].element.rPr.rFonts
        assert (
            fonts.get(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii"
            )
            == "Arial"
        ), name
        assert not [a for a in fonts.attrib if a.lower().endswith("theme")], name
    settings = document.settings.element.xml
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)


def test_libreoffice_converts_the_word_files(site: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: apt-get install libreoffice-writer-nogui"
    files = [site / "downloads" / f"{ident}.docx" for ident in PLANS]
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for ident in PLANS:
        converted = PdfReader(tmp_path / f"{ident}.pdf")
        text = squash(" ".join(page.extract_text() for page in converted.pages))
        assert "Navn" in text and "Dato" in text, ident
        # the content controls come through with their placeholders
        assert text.count("Skriv dit svar her") == len(word(site, ident).tables) + 2


# --- the web form -----------------------------------------------------------


class _FormFields(HTMLParser):
    """Names of the plan form's fields and the text of its labels."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.labels: list[str] = []
        self.attrs: dict[str, str] = {}
        self._label: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        values = dict(attrs)
        if tag == "form" and "data-cb-plan" in values:
            self.attrs = {k: v or "" for k, v in values.items()}
        if tag in ("textarea", "input") and values.get("name") and self.attrs:
            self.names.append(values["name"] or "")
        if tag == "label":
            self._label = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label is not None:
            self.labels.append(squash("".join(self._label)))
            self._label = None

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.append(data)


def web_form(site: Path, ident: str) -> _FormFields:
    parser = _FormFields()
    parser.feed((site / ident / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("ident", PLANS)
def test_web_form_names_its_fields_like_the_pdf(
    site: Path, content: Content, ident: str
) -> None:
    form = web_form(site, ident)
    assert form.names == list(pdf(site, ident).get_fields())
    assert form.attrs["data-cb-plan"] == ident
    assert form.attrs["data-cb-edition"] == content.edition_id
    for question in questions_by_field(content, ident).values():
        assert any(squash(question) in label for label in form.labels)


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


@pytest.mark.parametrize(
    "page",
    ["udviklingsplan", "handleplan", "aktiviteter/workshop", "aktiviteter/modul-1"],
)
def test_plan_and_activity_pages_offer_pdf_word_and_web_form(
    site: Path, page: str
) -> None:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    here = site / page
    downloads = [href for href in _links(html) if "downloads/" in href]
    kinds = {Path(href).suffix for href in downloads}
    assert {".pdf", ".docx"} <= kinds, page
    for href in downloads:
        assert (here / href).resolve().is_file(), href
    assert any(href.endswith("#udfyld") for href in _links(html)), page


def test_front_page_points_to_the_udviklingsplan_first(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    steps = html[html.index('class="handbook-steps"') :]
    first = re.search(r'<li>.*?href="([^"]+)"', steps, re.DOTALL)
    assert first and first.group(1).startswith("udviklingsplan")


# --- one source for all three ------------------------------------------------


def test_a_changed_question_changes_pdf_word_and_web_form(
    content_copy: Path, tmp_path: Path, content: Content
) -> None:
    old = content.plans["udviklingsplan"].questions[-1].text
    new = "Hvilket særligt tema – med æøå – vil I arbejde videre med efter testen?"
    path = content_copy / "plans" / "udviklingsplan.yml"
    source = path.read_text(encoding="utf-8")
    start = source.index("  - id: fokustema")
    path.write_text(
        source[:start] + f"  - id: fokustema\n    text: {new}\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    build_site(site, content_copy)

    label = pdf(site, "udviklingsplan").get_fields()["fokustema"]["/TU"]
    assert new in label and squash(old) not in squash(label)
    headings = " ".join(p.text for p in word(site, "udviklingsplan").paragraphs)
    assert new in headings and squash(old) not in squash(headings)
    labels = " ".join(web_form(site, "udviklingsplan").labels)
    assert new in labels and squash(old) not in labels


def test_two_fields_with_one_name_is_a_content_error(content: Content) -> None:
    plan = content.plans["udviklingsplan"]
    twice = Plan(
        **{
            **plan.model_dump(),
            "questions": [
                Question(id="navn", text="Hvem er du?"),
                *plan.questions,
            ],
        }
    )
    broken = dataclasses.replace(
        content, plans={**content.plans, "udviklingsplan": twice}
    )
    with pytest.raises(ContentError) as error:
        plan_form(broken, "udviklingsplan")
    message = str(error.value)
    assert "udviklingsplan.yml" in message and "'navn'" in message


def test_pdf_bytes_are_a_form_whose_fields_draw_themselves(site: Path) -> None:
    """Every field carries its own appearance; no viewer is asked to redraw."""
    reader = pdf(site, "udviklingsplan")
    acroform = reader.trailer["/Root"]["/AcroForm"]
    assert "/NeedAppearances" not in acroform
    widgets = [a.get_object() for page in reader.pages for a in page["/Annots"]]
    assert len(widgets) == len(reader.get_fields())
    assert all("/AP" in widget for widget in widgets)
