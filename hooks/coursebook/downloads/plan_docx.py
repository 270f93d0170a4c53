"""The plans as Word documents: site/downloads/<plan-id>.docx.

Same structure as the PDF form (plan_form): the questions are Word headings,
so they show in the navigation pane, and each answer box is a one-cell table
with a minimum height that grows as the participant types. Inside each box,
and beside Navn, Enhed and Dato, sits a plain-text content control: a field a
screen reader announces by its question (the control's title) and that the
web form fills in (its tag is the field's name, as in the PDF). The document
is marked Danish (spelling, screen readers), titled, and in current Word's
compatibility mode (15), so Word does not open it in compatibility mode.
"""

from __future__ import annotations

import datetime as dt
import io
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import made_once
from ..content.plan_form import AnswerField, PlanForm, plan_form
from ..site.render import plain_text
from ..site.routes import file_name
from .output import BuildOutput

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle

LANGUAGE = "da-DK"
FONT = "Arial"
PLACEHOLDER = "Skriv dit svar her"
WORD_2013 = "15"  # w:compatibilityMode of Word 2013 and every Word since
ACCENT = (0x00, 0x69, 0x5C)  # the teal of the site and the PDF
MUTED = (0x5F, 0x6B, 0x73)


def write_plan_docx(output: BuildOutput) -> list[Path]:
    written = []
    for ident in output.content.plans:
        target = output.downloads / file_name("plan_docx", ident)
        target.write_bytes(document_bytes(plan_form(output.content, ident)))
        written.append(target)
    return written


def document_bytes(form: PlanForm) -> bytes:
    """The .docx file for form, made again only when the form (or this code)
    changed: most builds copy it from the cache (cache.py)."""

    def make() -> bytes:
        buffer = io.BytesIO()
        build_document(form).save(buffer)
        return buffer.getvalue()

    return made_once("docx", form, make)


def build_document(form: PlanForm) -> Document:
    # imported here: python-docx is only needed when the file is written
    import docx
    from docx.shared import Mm

    plan = form.plan
    document = docx.Document()
    _set_language(document)
    _style(document)
    _current_word(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    header = section.header.paragraphs[0]
    header.text = f"{form.course_title} · {form.organiser} · {form.edition_name}"
    header.style = document.styles["Header"]

    properties = document.core_properties
    properties.title = plan.title
    properties.subject = f"{form.course_title}, {form.edition_name}"
    properties.author = form.organiser
    properties.language = LANGUAGE
    properties.keywords = f"{plan.title}; {form.course_title}"
    properties.comments = "Skabelon til at udfylde. Gem en kopi med dine svar."
    # python-docx's template carries its own dates from 2013
    properties.created = properties.modified = dt.datetime.now(dt.UTC)

    document.add_heading(plan.title, level=1)
    if plan.subtitle:
        document.add_paragraph(plan.subtitle, style="Subtitle")
    if plan.intro:
        document.add_paragraph(plain_text(plan.intro))
    if plan.central_question:
        central = document.add_paragraph(style="Intense Quote")
        central.add_run(plan.central_question)

    _person_table(document, form)
    if plan.advice:
        advice = document.add_paragraph()
        label = advice.add_run("Godt råd: ")
        label.bold = True
        advice.add_run(plain_text(plan.advice))

    question_level = 3 if any(block.heading for block in form.blocks) else 2
    for block in form.blocks:
        if block.heading:
            document.add_heading(block.heading, level=2)
        for field in block.fields:
            document.add_heading(_heading_text(field), level=question_level)
            _answer_box(document, field, Mm(38 if block.heading else 46))
    return document


def _heading_text(field: AnswerField) -> str:
    if field.step:
        return f"{field.step}: {field.question.text}"
    return f"{field.number}. {field.question.text}"


def _person_table(document: Document, form: PlanForm) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm

    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    _describe_table(table, "Navn, enhed og dato", "Udfyld med dine oplysninger")
    for field in form.person:
        row = table.add_row()
        row.height, row.height_rule = Mm(9), WD_ROW_HEIGHT_RULE.AT_LEAST
        label, answer = row.cells
        label.width, answer.width = Mm(30), Mm(140)
        label.paragraphs[0].add_run(field.label).bold = True
        _content_control(answer, field.name, field.label, multiline=False)
    table.columns[0].width, table.columns[1].width = Mm(30), Mm(140)


def _answer_box(document: Document, field: AnswerField, height: int) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Table Grid"]
    _describe_table(table, "Dit svar", _heading_text(field))
    row = table.rows[0]
    row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
    _content_control(row.cells[0], field.name, _heading_text(field), multiline=True)
    # the box stays whole on one page, under its question
    row._tr.get_or_add_trPr().insert_element_before(
        _element("w:cantSplit"), "w:trHeight", "w:tblHeader", "w:jc", "w:hidden"
    )


def _content_control(cell, tag: str, title: str, multiline: bool) -> None:
    """A plain-text content control filling cell, showing the placeholder
    until the participant writes (w:sdt, ECMA-376 part 1, 17.5.2)."""
    paragraph = cell.paragraphs[0]._p
    properties = _element("w:sdtPr")
    properties.append(_element("w:alias", title))
    properties.append(_element("w:tag", tag))
    properties.append(_element("w:id", str(zlib.crc32(tag.encode()) % 2**31)))
    properties.append(_element("w:showingPlcHdr"))
    text = _element("w:text")
    if multiline:
        text.set(_qn("w:multiLine"), "1")
    properties.append(text)
    run = _element("w:r")
    run_properties = _element("w:rPr")
    run_properties.append(_element("w:color", bytes(MUTED).hex().upper()))
    run.append(run_properties)
    placeholder = _element("w:t")
    placeholder.text = PLACEHOLDER
    run.append(placeholder)
    paragraph.append(run)
    control = _element("w:sdt")
    control.append(properties)
    body = _element("w:sdtContent")
    paragraph.addprevious(control)
    body.append(paragraph)
    control.append(body)


def _current_word(document: Document) -> None:
    """Word 2013+ layout (compatibilityMode 15), not Word 2010's."""
    for setting in document.settings.element.iter(_qn("w:compatSetting")):
        if setting.get(_qn("w:name")) == "compatibilityMode":
            setting.set(_qn("w:val"), WORD_2013)


def _describe_table(table, caption: str, description: str) -> None:
    """Alt text for a table (Word's accessibility checker asks for it)."""
    properties = table._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        properties.append(_element(tag, value))  # both belong last in tblPr


def _element(tag: str, value: str | None = None):
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    if value is not None:
        element.set(_qn("w:val"), value)
    return element


def _set_language(document: Document) -> None:
    """Danish as the language of the defaults and of every paragraph style."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    defaults = styles.element.find(_qn("w:docDefaults"))
    _lang(defaults.find(_qn("w:rPrDefault")).find(_qn("w:rPr")))
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            _lang(style.element.get_or_add_rPr())
    settings = document.settings.element
    theme_lang = settings.find(_qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(_qn("w:val"), LANGUAGE)


def _lang(run_properties) -> None:
    lang = run_properties.find(_qn("w:lang"))
    if lang is None:
        lang = _element("w:lang")
        # the schema orders rPr's children; these are the ones after w:lang
        run_properties.insert_element_before(
            lang, "w:eastAsianLayout", "w:specVanish", "w:oMath"
        )
    lang.set(_qn("w:val"), LANGUAGE)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _style(document: Document) -> None:
    from docx.shared import Pt, RGBColor

    styles = document.styles
    # Arial in Word, its metric twin Liberation Sans in LibreOffice
    defaults = styles.element.find(_qn("w:docDefaults"))
    fonts = defaults.find(_qn("w:rPrDefault")).find(_qn("w:rPr")).get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attribute), FONT)
    styles["Normal"].font.size = Pt(10.5)
    for name, size in (("Heading 1", 22), ("Heading 2", 15), ("Heading 3", 11.5)):
        style: ParagraphStyle = styles[name]
        style.font.name = FONT
        style.font.color.rgb = RGBColor(*ACCENT)
        style.font.size = Pt(size)
    for name in ("Title", "Subtitle", "Intense Quote"):
        styles[name].font.name = FONT
    # a theme font (w:asciiTheme …) wins over w:ascii: without it the styles
    # really are in FONT, not in the theme's Calibri Light
    for style in styles:
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        for attribute in list(fonts.attrib) if fonts is not None else []:
            if attribute.lower().endswith("theme"):
                del fonts.attrib[attribute]
    styles["Intense Quote"].font.color.rgb = RGBColor(*ACCENT)
    styles["Subtitle"].font.color.rgb = RGBColor(*MUTED)
    styles["Header"].font.size = Pt(8)
    styles["Header"].font.color.rgb = RGBColor(*MUTED)
