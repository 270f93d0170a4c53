"""`coursebook export DIR`: the handbook as a plain docs tree any engine builds.

Writes DIR/docs (the generated pages, the hand-written pages with their
course variables filled in, the assets and the downloads), DIR/overrides and
a DIR/mkdocs.yml with the same theme, plugins and Markdown extensions, but no
hooks and no coursebook settings: the navigation, the site name and the
values the theme overrides read are written out as plain data. MkDocs and
ProperDocs build it as they are; Zensical reads the same file.

What needs the hooks and so is not in the export: the keyboard focus that
the hooks add to abbreviations inside raw HTML (site/glossary.py).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from ..handbook import Handbook
from ..site.glossary import abbreviation_markdown
from ..site.pages import handwritten_pages, render_spec
from ..site.render import render_string

# top-level keys of mkdocs.yml that only the hooks use, or that we write anew
_DROPPED = ("hooks", "watch", "extra", "nav", "site_name", "docs_dir", "INHERIT")


def export(target: Path, config_file: Path, downloads: bool = True) -> Path:
    """Write the engine-neutral project into target (replaced only when all
    of it is written); return its mkdocs.yml. Raises mkdocs' PluginError or
    ConfigurationError when the content or the config is wrong."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    handbook = Handbook()
    handbook.replay = False  # it writes every page from the content
    handbook.configure(config)
    assert handbook.content is not None
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        _write_docs(handbook, Path(config.docs_dir), staging / "docs")
        if downloads:
            _write_downloads(config_file, staging / "docs")
        custom_dir = config.theme.custom_dir
        if custom_dir:
            shutil.copytree(custom_dir, staging / Path(custom_dir).name)
        _write_config(config, config_file, staging / "mkdocs.yml")
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / "mkdocs.yml"


def _write_docs(handbook: Handbook, docs_dir: Path, docs: Path) -> None:
    """Every page as the hooks hand it to MkDocs: hand-written ones rendered,
    generated ones written out, each with the glossary's abbreviations."""
    content = handbook.content
    assert content is not None
    shutil.copytree(docs_dir, docs)
    abbreviations = abbreviation_markdown(content.glossary)
    for src, _title in handwritten_pages(docs_dir):
        page = docs / src
        text = render_string(
            page.read_text(encoding="utf-8"),
            src,
            content=content,
            course=content.course,
            edition=content.edition,
        )
        page.write_text(text + abbreviations, encoding="utf-8")
    for spec in handbook.pages:
        page = docs / spec.src
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render_spec(spec, content) + abbreviations, encoding="utf-8")


def _write_downloads(config_file: Path, docs: Path) -> None:
    """The downloads come from a hooked build (the guide PDF is made of the
    built pages); in the export they are plain files under docs/."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ..site import routes

    with tempfile.TemporaryDirectory(prefix="coursebook-export-") as site:
        quiet = logging.getLogger("mkdocs")
        level = quiet.level
        quiet.setLevel(max(level, logging.WARNING))
        try:
            build(load_config(str(config_file), site_dir=site))
        finally:
            quiet.setLevel(level)
        built = Path(site) / routes.DOWNLOADS
        if built.is_dir():
            shutil.copytree(built, docs / routes.DOWNLOADS, dirs_exist_ok=True)


def _write_config(config, config_file: Path, target: Path) -> None:
    """mkdocs.yml as written, less the hooks' keys, plus what the hooks set."""
    text = config_file.read_text(encoding="utf-8")
    for key in _DROPPED:
        # the key's line and every indented, blank or comment line under it
        text = re.sub(rf"(?m)^{key}:.*\n(([ \t#].*)?\n)*", "", text)
    custom_dir = config.theme.custom_dir
    if custom_dir:
        text = re.sub(
            r"(?m)^(\s+custom_dir:).*$",
            lambda m: f"{m.group(1)} {Path(custom_dir).name}",
            text,
        )
    extra = {k: v for k, v in dict(config.extra).items() if k != "coursebook"}
    written = {
        "site_name": config.site_name,
        "docs_dir": "docs",
        "extra": extra,
        "nav": config.nav,
    }
    header = "# Exported by `coursebook export`: the handbook without its hooks.\n"
    body = yaml.safe_dump(
        json.loads(json.dumps(written)), allow_unicode=True, sort_keys=False
    )
    target.write_text(header + body + "\n" + text, encoding="utf-8")
