"""Fillable PDF forms of the plans: site/downloads/<plan-id>.pdf.

WeasyPrint turns the HTML form into AcroForm fields (pdf_forms) in a tagged
PDF/UA-1 file: each field is named as in plan_form and described by its
label, the document language comes from <html lang="da">.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from markupsafe import Markup, escape

from ..content.plan_form import PlanForm, plan_form
from ..site.render import TEMPLATES, environment
from ..site.routes import file_name
from .output import BuildOutput

FORMS = TEMPLATES / "forms"
STYLESHEET = FORMS / "plan.css"


def markdown_html(text: str | None) -> Markup | None:
    """A Markdown field as HTML; raw HTML typed in YAML stays text."""
    if text is None:
        return None
    return Markup(markdown.markdown(str(escape(text))))


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

    HTML(string=form_html(form), base_url=FORMS).write_pdf(
        target,
        stylesheets=[CSS(filename=STYLESHEET)],
        pdf_forms=True,
        pdf_variant="pdf/ua-1",
    )
