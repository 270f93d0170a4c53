"""The plan PDFs filled in pdf.js, the viewer in Firefox (tests/vendor/pdfjs),
running in Debian's chromium: every field gets its answer through pdf.js's
annotation storage, pdf.js saves a copy as Firefox's "Save" does, and the copy
keeps every answer and shows it inside its box in another engine (poppler)
without that engine having to redraw the fields."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from pdf_fields import answers_for, drawn_outside
from playwright.sync_api import Page
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from .conftest import assert_only_local, serve

pytestmark = pytest.mark.browser

PDFJS = ROOT / "tests" / "vendor" / "pdfjs"
PDFJS_OVERRUN = 10  # points: one letter at the fields' 10 pt, at most

FILL_AND_SAVE = """
async ([url, answers]) => {
  const pdfjs = await import("./pdf.min.js");
  const worker = new URL("./pdf.worker.min.js", location.href);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.href;
  const doc = await pdfjs.getDocument({ url }).promise;
  const filled = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    for (const annotation of await page.getAnnotations()) {
      if (annotation.fieldName in answers) {
        doc.annotationStorage.setValue(annotation.id, {
          value: answers[annotation.fieldName],
        });
        filled.push(annotation.fieldName);
      }
    }
  }
  const bytes = await doc.saveDocument();
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return { filled, pdf: btoa(binary) };
}
"""


@pytest.fixture(scope="module")
def viewer_folder(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pdf.js and the plan PDFs in one folder ('.js': served as JavaScript)."""
    folder = tmp_path_factory.mktemp("pdfjs")
    shutil.copy(PDFJS / "pdf.min.mjs", folder / "pdf.min.js")
    shutil.copy(PDFJS / "pdf.worker.min.mjs", folder / "pdf.worker.min.js")
    for plan in site.glob("downloads/*.pdf"):
        shutil.copy(plan, folder)
    (folder / "index.html").write_text(
        '<!DOCTYPE html><html lang="da"><title>pdf.js</title></html>', "utf-8"
    )
    return folder


@pytest.mark.parametrize("ident", ["udviklingsplan", "handleplan"])
def test_pdfjs_fills_and_saves_every_field_and_other_viewers_show_them(
    page: Page,
    requests_seen: list[str],
    viewer_folder: Path,
    tmp_path: Path,
    ident: str,
) -> None:
    source = viewer_folder / f"{ident}.pdf"
    answers = answers_for(source)
    with serve(viewer_folder) as base:
        page.goto(base + "index.html")
        result = page.evaluate(FILL_AND_SAVE, [f"{base}{ident}.pdf", answers])
        assert_only_local(requests_seen, base)
    assert sorted(result["filled"]) == sorted(answers)
    saved = tmp_path / f"{ident}-pdfjs.pdf"
    saved.write_bytes(base64.b64decode(result["pdf"]))

    reader = PdfReader(saved)
    fields = reader.get_fields()
    assert {name: fields[name]["/V"] for name in answers} == answers

    # what a viewer that never redraws fields shows: the appearance streams
    # pdf.js wrote, with any request to redraw them taken away
    writer = PdfWriter(clone_from=saved)
    writer.root_object["/AcroForm"].pop(NameObject("/NeedAppearances"), None)
    as_saved = tmp_path / f"{ident}-as-saved.pdf"
    writer.write(as_saved)
    # every line is there, top to bottom; pdf.js (4.x and 5.x alike) lets a
    # line run past the right edge by the width of one letter (_splitLine
    # leaves the first letter after a wrap out of the line's width)
    assert drawn_outside(as_saved, answers, overrun=PDFJS_OVERRUN) == {}
