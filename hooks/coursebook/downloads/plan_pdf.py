"""Fillable PDF forms of the plans: site/downloads/<plan-id>.pdf.

WeasyPrint turns the HTML form into AcroForm fields (pdf_forms) in a tagged
PDF/UA-1 file: each field is named as in plan_form and described by its
label, the document language comes from <html lang="da">. WeasyPrint leaves
the drawing of the fields to the viewer (`/NeedAppearances`, no appearance
streams), which PDF/A forbids and which a copy saved by one viewer loses in
the next: finish_form() writes each field's appearance instead, and gives
the fields a font every viewer fills well (field_font.py).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..content.plan_form import PlanForm, plan_form
from ..site.render import TEMPLATES, environment, markdown_html
from ..site.routes import file_name
from .field_font import simple_field_font
from .output import BuildOutput

FORMS = TEMPLATES / "forms"
_OPACITY = re.compile(r"/\S+\s+gs\s*")
_FONT = re.compile(r"/\S+\s+([\d.]+)\s+Tf")
FIELD_FONT = "/Fld"  # the fields' font in the form's /DR
STYLESHEET = FORMS / "plan.css"


def form_html(form: PlanForm) -> str:
    """The plan as an HTML form, ready for WeasyPrint."""
    return (
        environment()
        .get_template("forms/plan.html.j2")
        .render(
            page_src="index.md",
            form=form,
            plan=form.plan,
            intro=markdown_html(form.plan.intro),
            advice=markdown_html(form.plan.advice),
        )
    )


def write_plan_pdfs(output: BuildOutput) -> list[Path]:
    written = []
    for ident in output.content.plans:
        target = output.downloads / file_name("plan_pdf", ident)
        write_plan_pdf(plan_form(output.content, ident), target)
        written.append(target)
    return written


def write_plan_pdf(form: PlanForm, target: Path) -> None:
    """One plan as a fillable, tagged A4 PDF."""
    # imported here: WeasyPrint is slow to load and only needed for this file
    from weasyprint import CSS, HTML

    pdf = HTML(string=form_html(form), base_url=FORMS).write_pdf(
        stylesheets=[CSS(filename=STYLESHEET)],
        pdf_forms=True,
        pdf_variant="pdf/ua-1",
    )
    target.write_bytes(finish_form(pdf))


def finish_form(pdf: bytes) -> bytes:
    """The form with an appearance stream for every field and no
    /NeedAppearances. The fields are empty, so each appearance is the empty
    marked-content block a viewer replaces with the text typed in."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        StreamObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    acroform = writer.root_object["/AcroForm"]
    acroform.pop("/NeedAppearances", None)
    # WeasyPrint's /DR is the pages' own resources: left as it is, while the
    # fields get resources of their own, with one simple font for all
    text_font = next(iter(acroform["/DR"]["/Font"].values())).get_object()
    descriptor = text_font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    family = str(descriptor["/FontName"]).partition("+")[2] or "Font"
    font = simple_field_font(
        writer, descriptor["/FontFile2"].get_data(), family.replace("-", "")
    )
    resources = writer._add_object(
        DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject(FIELD_FONT): font})}
        )
    )
    acroform[NameObject("/DR")] = resources
    for page in writer.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            left, bottom = min(x1, x2), min(y1, y2)
            width, height = abs(x2 - x1), abs(y2 - y1)
            # some viewers misplace a field whose corners come top-down
            widget[NameObject("/Rect")] = ArrayObject(
                FloatObject(v) for v in (left, bottom, left + width, bottom + height)
            )
            # WeasyPrint's /DA sets an opacity state (/a1.0 gs) that /DR does
            # not hold; a viewer drawing the field needs only colour and font
            appearance_string = _OPACITY.sub("", str(widget["/DA"]))
            widget[NameObject("/DA")] = TextStringObject(
                _FONT.sub(f"{FIELD_FONT} \\1 Tf", appearance_string)
            )
            # the label's no-break spaces hold "Modul 1 · step" together on
            # paper; the tooltip a screen reader reads has plain spaces
            if "/TU" in widget:
                widget[NameObject("/TU")] = TextStringObject(
                    str(widget["/TU"]).replace("\u00a0", " ")
                )
            appearance = StreamObject()
            appearance.set_data(b"/Tx BMC EMC")
            appearance.update(
                {
                    NameObject("/Type"): NameObject("/XObject"),
                    NameObject("/Subtype"): NameObject("/Form"),
                    NameObject("/BBox"): ArrayObject(
                        FloatObject(v) for v in (0, 0, width, height)
                    ),
                    NameObject("/Resources"): resources,
                }
            )
            widget[NameObject("/AP")] = DictionaryObject(
                {NameObject("/N"): writer._add_object(appearance)}
            )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
