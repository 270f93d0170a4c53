"""The web form on the plan pages, in Debian's chromium: answers stay on the
device (saved, restored, exported, imported), bad files change nothing, and
no request leaves for anywhere but the local server."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import CONTENT
from coursebook.content.validation import load_content
from docx.oxml.ns import qn
from playwright.sync_api import Page, expect

from .conftest import assert_only_local

pytestmark = pytest.mark.browser

_CONTENT = load_content(CONTENT)[0]
EDITION = _CONTENT.edition_id
PLANS = _CONTENT.plans
ANSWER = (
    "Vi vil styrke trivslen på tværs af teams.\n"
    "Ændringer følges op på møderne – “ugentligt”."
)


def key(plan: str) -> str:
    return f"coursebook:{EDITION}:{plan}"


def stored(page: Page, plan: str) -> dict | None:
    raw = page.evaluate("key => window.localStorage.getItem(key)", key(plan))
    return json.loads(raw) if raw else None


def status(page: Page):
    return page.locator("form[data-cb-plan]").get_by_role("status")


def saved(page: Page) -> None:
    expect(status(page)).to_have_text("Gemt")


def field(page: Page, name: str):
    return page.locator(f'form[data-cb-plan] [name="{name}"]')


def test_typed_answers_are_restored_after_a_reload(
    page: Page, served_site: str, requests_seen: list[str]
) -> None:
    page.goto(served_site + "handleplan/")
    module_2 = page.get_by_role("group", name="Modul 2")
    study = module_2.get_by_role("textbox", name="Evaluering og refleksion (Study)")
    study.press_sequentially("Det gik godt, æøå")
    page.get_by_label("Navn").fill("Søren Ærø")
    saved(page)
    assert stored(page, "handleplan")["answers"]["modul-2/studer"] == (
        "Det gik godt, æøå"
    )

    page.reload()
    expect(field(page, "modul-2/studer")).to_have_value("Det gik godt, æøå")
    expect(field(page, "navn")).to_have_value("Søren Ærø")
    expect(field(page, "modul-1/studer")).to_have_value("")
    assert_only_local(requests_seen, served_site)


def test_form_works_after_instant_navigation(
    page: Page, served_site: str, requests_seen: list[str]
) -> None:
    page.goto(served_site)
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("link", name="udfyld din udviklingsplan").click()
    expect(page.get_by_role("heading", name="Udfyld i browseren")).to_be_visible()
    # Material swapped the page in place: no reload, the script ran on document$
    assert page.evaluate("window.stillTheSamePage") is True
    first = page.locator("form[data-cb-plan] textarea").first
    first.press_sequentially(ANSWER)
    saved(page)
    answers = stored(page, "udviklingsplan")["answers"]
    assert answers[first.get_attribute("name")] == ANSWER
    assert_only_local(requests_seen, served_site)


def test_export_clear_import_brings_the_answers_back(
    page: Page, served_site: str, requests_seen: list[str], tmp_path: Path
) -> None:
    page.goto(served_site + "udviklingsplan/")
    answers = {"navn": "Åse Øberg", "enhed": "Hjemmeplejen Nord", "fokustema": ANSWER}
    for name, value in answers.items():
        field(page, name).fill(value)
    saved(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Eksportér").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == f"udviklingsplan-{EDITION}.json"
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "coursebook-plan"
    assert (data["plan"], data["edition"]) == ("udviklingsplan", EDITION)
    assert {k: v for k, v in data["answers"].items() if v} == answers

    # clearing asks first, and a "no" keeps everything
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Slet mine svar").click()
    expect(field(page, "fokustema")).to_have_value(ANSWER)

    # with the keyboard alone: focus the button, press Enter, confirm
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Slet mine svar").focus()
    page.keyboard.press("Enter")
    expect(field(page, "fokustema")).to_have_value("")
    assert stored(page, "udviklingsplan") is None

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Importér").focus()
        page.keyboard.press("Enter")
    chooser.value.set_files(exported)
    expect(status(page)).to_contain_text("indlæst")
    for name, value in answers.items():
        expect(field(page, name)).to_have_value(value)
    page.reload()
    expect(field(page, "fokustema")).to_have_value(ANSWER)
    assert_only_local(requests_seen, served_site)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{ this is not json", "kunne ikke læses"),
        (b'{"hello": "world"}', "ikke svar, der er eksporteret"),
        (
            json.dumps(
                {
                    "format": "coursebook-plan",
                    "version": 1,
                    "plan": "handleplan",
                    "planTitle": "Handleplan",
                    "edition": EDITION,
                    "answers": {"modul-1/plan": "x"},
                }
            ).encode(),
            "ikke til »Udviklingsplan«",
        ),
        (
            json.dumps(
                {
                    "format": "coursebook-plan",
                    "plan": "udviklingsplan",
                    "answers": {"fokustema": ["not", "text"]},
                }
            ).encode(),
            "beskadiget",
        ),
    ],
    ids=["malformed", "foreign", "other-plan", "damaged"],
)
def test_a_bad_import_file_is_refused_and_changes_nothing(
    page: Page,
    served_site: str,
    requests_seen: list[str],
    content: bytes,
    message: str,
) -> None:
    page.goto(served_site + "udviklingsplan/")
    field(page, "fokustema").fill(ANSWER)
    saved(page)
    before = stored(page, "udviklingsplan")

    page.locator("[data-cb-import]").set_input_files(
        {"name": "svar.json", "mimeType": "application/json", "buffer": content}
    )
    alert = page.locator("form[data-cb-plan]").get_by_role("alert")
    expect(alert).to_contain_text(message)
    expect(alert).to_contain_text("Dine svar er ikke ændret")
    expect(field(page, "fokustema")).to_have_value(ANSWER)
    assert stored(page, "udviklingsplan") == before
    assert_only_local(requests_seen, served_site)


def test_print_shows_questions_and_answers_without_site_chrome(
    page: Page, served_site: str, requests_seen: list[str]
) -> None:
    page.goto(served_site + "udviklingsplan/")
    field(page, "fokustema").fill(ANSWER)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Eksportér")).to_be_hidden()
    copy = page.locator('[name="fokustema"] + .cb-plan-print-copy')
    expect(copy).to_be_visible()
    expect(copy).to_have_text(ANSWER)
    # the question once, as the answer's label (the guide's list is for hele-guiden)
    question = PLANS["udviklingsplan"].questions[-1].text
    expect(page.locator('label[for$="-fokustema"]')).to_contain_text(question)
    expect(page.locator('label[for$="-fokustema"]')).to_be_visible()
    expect(page.locator(".cb-plan-questions")).to_be_hidden()
    assert_only_local(requests_seen, served_site)


@pytest.mark.parametrize("plan", ["udviklingsplan", "handleplan"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_form_and_links_pass_axe_in_both_palettes(
    page: Page, served_site: str, requests_seen: list[str], plan: str, scheme: str
) -> None:
    page.goto(served_site + plan + "/")
    # what Material's palette toggle does
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    field(page, "navn").fill("Åse")
    saved(page)
    results = Axe().run(
        page, context={"include": [[".cb-plan-form"], [".cb-plan-links"]]}
    )
    assert results.violations_count == 0, results.generate_report()
    assert_only_local(requests_seen, served_site)


def _answers_for_every_field(page: Page) -> dict[str, str]:
    names = page.eval_on_selector_all(
        "form[data-cb-plan] input[type=text], form[data-cb-plan] textarea",
        "fields => fields.map(field => field.name)",
    )
    return {
        name: (
            f"Svar til {name}: Søren Ærø Åby"
            if name in ("navn", "enhed", "dato")
            else f"Svar til {name}: vi styrker trivslen, æøå ÆØÅ.\nNæste – “citat”."
        )
        for name in names
    }


@pytest.mark.parametrize("plan", ["udviklingsplan", "handleplan"])
def test_download_the_official_plan_filled_in_as_pdf_and_word(
    page: Page, served_site: str, requests_seen: list[str], tmp_path: Path, plan: str
) -> None:
    """The answers go into the site's own plan files, made in the browser."""
    import docx
    from pypdf import PdfReader

    # the page's own requests: the offline copy's service worker may fetch
    # the libraries in the background, the page only when asked to
    asked_by_page: list[str] = []
    page.on("request", lambda request: asked_by_page.append(request.url))
    page.goto(served_site + plan + "/")
    answers = _answers_for_every_field(page)
    assert len(answers) > 3
    for name, value in answers.items():
        field(page, name).fill(value)
    saved(page)
    # the libraries are not loaded with the page, only when asked for
    assert not [url for url in asked_by_page if "/vendor/" in url]

    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som PDF").click()
    pdf = tmp_path / download.value.suggested_filename
    download.value.save_as(pdf)
    assert pdf.name == f"{plan}-{EDITION}-udfyldt.pdf"
    expect(status(page)).to_contain_text(pdf.name)
    reader = PdfReader(pdf)
    fields = reader.get_fields()
    assert {name: fields[name].get("/V") for name in answers} == answers
    assert "/NeedAppearances" not in reader.trailer["/Root"]["/AcroForm"]
    for page_object in reader.pages:
        for widget in page_object["/Annots"]:
            assert "/AP" in widget.get_object()
    # the official layout: the plan's title and the questions are still there
    text = " ".join(p.extract_text() for p in reader.pages)
    assert PLANS[plan].title in text
    # and the answers are drawn in the page, æøå included, for any viewer
    drawn = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Søren Ærø Åby" in drawn and "æøå ÆØÅ" in drawn

    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som Word").click()
    word = tmp_path / download.value.suggested_filename
    download.value.save_as(word)
    assert word.name == f"{plan}-{EDITION}-udfyldt.docx"
    document = docx.Document(str(word))
    controls = {
        control.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")): control
        for control in document.element.body.iter(qn("w:sdt"))
    }
    assert set(controls) == set(answers)
    for name, value in answers.items():
        control = controls[name]
        assert control.find(qn("w:sdtPr")).find(qn("w:showingPlcHdr")) is None
        lines = "\n".join(
            "".join(t.text or "" for t in run.iter(qn("w:t")))
            for run in control.iter(qn("w:r"))
        )
        assert lines == value, name
    assert_only_local(requests_seen, served_site)
    vendor = [url for url in asked_by_page if "/vendor/" in url]
    assert any("pdf-lib" in url for url in vendor)
    assert any("jszip" in url for url in vendor)
