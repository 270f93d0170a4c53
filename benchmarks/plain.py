"""The same handbook as plain MkDocs: generated Markdown written to a docs folder,
built with the same theme and plugins but without our hooks."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from coursebook.content.validation import load_content
from coursebook.handbook import Handbook, _handwritten_pages
from coursebook.site.glossary import abbreviation_markdown
from coursebook.site.pages import plan_pages
from coursebook.site.render import render_string
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def write_plain_project(content_dir: Path, target: Path) -> Path:
    """Write docs/ and mkdocs.yml for a hook-free build; return the config path."""
    content, _ = load_content(content_dir)
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    handwritten = _handwritten_pages(ROOT / "docs")
    for src, _title in handwritten:
        page = docs / src
        page.write_text(
            render_string(
                page.read_text(encoding="utf-8"),
                src,
                content=content,
                course=content.course,
                edition=content.edition,
            ),
            encoding="utf-8",
        )
    # the hooks append the glossary's abbreviations to every page's Markdown
    abbreviations = abbreviation_markdown(content.glossary)
    for src, _title in handwritten:
        page = docs / src
        page.write_text(page.read_text(encoding="utf-8") + abbreviations, "utf-8")
    for spec in plan_pages(content):
        path = docs / spec.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(spec.render(content) + abbreviations, encoding="utf-8")
    # what our on_config would set: site name, nav and extra, computed by the
    # hook code itself so the plain build gets exactly the same values
    hooked = load_config(str(ROOT / "mkdocs.yml"))
    Handbook().configure(hooked)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block in ("hooks", "watch", "extra"):
        config = re.sub(rf"(?m)^{block}:\n((  .*)?\n)+", "", config)
    settings = {
        "docs_dir": json.dumps(str(docs)),
        "site_name": json.dumps(hooked.site_name, ensure_ascii=False),
        "  custom_dir": str(ROOT / "overrides"),
    }
    for key, value in settings.items():
        config = re.sub(
            rf"(?m)^{key}: .*$", lambda _m, k=key, v=value: f"{k}: {v}", config
        )
    config = config.replace(
        "overrides/print-cover.html", str(ROOT / "overrides/print-cover.html")
    )
    config += "\nextra: " + json.dumps(dict(hooked.extra), ensure_ascii=False)
    config += "\nnav: " + json.dumps(hooked.nav, ensure_ascii=False) + "\n"
    path = target / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path
