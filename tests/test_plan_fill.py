"""The plan PDFs filled in as a participant would: every field, 600 characters
of Danish in each answer box, written with pypdf, read back, and drawn by
poppler (the engine of many Linux viewers and of pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pdf_fields import PERSON, answers_for, drawn_outside, field_boxes
from pypdf import PdfReader, PdfWriter

PLANS = ["udviklingsplan", "handleplan"]


def plan_pdf(site: Path, ident: str) -> Path:
    return site / "downloads" / f"{ident}.pdf"


@pytest.mark.parametrize("ident", PLANS)
def test_fields_are_set_in_10_pt_with_drawn_appearances(site: Path, ident: str) -> None:
    reader = PdfReader(plan_pdf(site, ident))
    acroform = reader.trailer["/Root"]["/AcroForm"]
    # viewers that do not redraw fields (and PDF/A) need no such request
    assert "/NeedAppearances" not in acroform
    widgets = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Widget"
    ]
    assert len(widgets) == len(reader.get_fields())
    for widget in widgets:
        size = re.search(r"([\d.]+)\s+Tf", str(widget["/DA"]))
        assert size and float(size.group(1)) == 10, widget["/DA"]
        appearance = widget["/AP"]["/N"].get_object()
        assert appearance["/Subtype"] == "/Form"
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
        assert [float(v) for v in appearance["/BBox"]] == pytest.approx(
            [0, 0, x2 - x1, y2 - y1]
        )
        # the tooltip a screen reader reads, kept through the rewriting
        assert str(widget["/TU"]).strip()


@pytest.mark.parametrize("ident", PLANS)
def test_tab_order_follows_the_form(site: Path, ident: str) -> None:
    """Tab moves through the fields in the structure's order (/Tabs /S), which
    is the form's own: name, unit, date, then the questions as printed."""
    from conftest import CONTENT
    from coursebook.content.plan_form import plan_form
    from coursebook.content.validation import load_content

    reader = PdfReader(plan_pdf(site, ident))
    order = []
    for page in reader.pages:
        assert page["/Tabs"] == "/S"
        order += [str(a.get_object()["/T"]) for a in page.get("/Annots", [])]
    content, _ = load_content(CONTENT)
    assert order == plan_form(content, ident).field_names


@pytest.mark.parametrize("ident", PLANS)
def test_600_danish_characters_fit_each_box_and_read_back(
    site: Path, tmp_path: Path, ident: str
) -> None:
    source = plan_pdf(site, ident)
    answers = answers_for(source)
    assert all(len(v) == 600 for k, v in answers.items() if k not in PERSON)
    writer = PdfWriter(clone_from=source)
    # auto_regenerate: pypdf draws no line breaks at a fixed size, so it asks
    # the viewer to lay the text out, as every interactive viewer does
    writer.update_page_form_field_values(None, answers, auto_regenerate=True)
    filled = tmp_path / f"{ident}-udfyldt.pdf"
    writer.write(filled)

    fields = PdfReader(filled).get_fields()
    assert {name: fields[name]["/V"] for name in answers} == answers
    assert drawn_outside(filled, answers) == {}


def test_labels_keep_module_and_step_on_one_line(site: Path) -> None:
    """'Modul 1 ·' never ends a line alone: the label's first line holds the
    step's name too."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(plan_pdf(site, "handleplan")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Modul 1 · Planlæg (Plan):" in text
    assert not re.search(r"Modul \d ·\s*$", text, flags=re.MULTILINE)


@pytest.mark.parametrize("ident", PLANS)
def test_no_ruling_crosses_a_label_or_a_field(site: Path, ident: str) -> None:
    """Lines drawn on the page stay out of the fields and off the text."""
    import pdfplumber

    source = plan_pdf(site, ident)
    boxes = field_boxes(source)
    with pdfplumber.open(source) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words()
            for line in page.lines + [e for e in page.rects if e["height"] < 1.5]:
                for word in words:
                    crosses = (
                        line["x0"] < word["x1"]
                        and line["x1"] > word["x0"]
                        and word["top"] + 1 < line["top"] < word["bottom"] - 1
                    )
                    assert not crosses, (number, word["text"])
                for box in boxes.values():
                    inside = (
                        box.page == number
                        and box.left + 1 < line["x0"]
                        and line["x1"] < box.right - 1
                        and box.top + 1 < line["top"] < box.bottom - 1
                    )
                    assert not inside, (number, line)
