"""One CSS and one JavaScript file for the project's own assets.

mkdocs.yml lists the style sheets and scripts under docs/ one by one (each
stays its own source file, edited on its own); the build serves them joined,
in that order, as one file each, so a page costs two requests instead of one
per file. Files added by plugins (print-site) and scripts with attributes
(async, module) are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

CSS_BUNDLE = "assets/coursebook.css"
JS_BUNDLE = "assets/coursebook.js"


@dataclass
class Bundles:
    """Bundle path -> the docs/ files it joins, in order."""

    sources: dict[str, list[str]] = field(default_factory=dict)


def plan_bundles(config: MkDocsConfig) -> Bundles:
    """Replace the docs/ files in extra_css and extra_javascript by their
    bundle (at the place of the first one)."""
    docs = Path(config.docs_dir)
    bundles = Bundles()
    config.extra_css = _replace(config.extra_css, docs, CSS_BUNDLE, bundles)
    config.extra_javascript = _replace(
        config.extra_javascript, docs, JS_BUNDLE, bundles
    )
    return bundles


def _replace(entries: list, docs: Path, bundle: str, bundles: Bundles) -> list:
    kept: list = []
    joined: list[str] = []
    for entry in entries:
        path = entry if isinstance(entry, str) else entry.path
        plain = isinstance(entry, str) or not (
            entry.type or entry.defer or entry.async_
        )
        if plain and (docs / path).is_file():
            if not joined:
                kept.append(bundle)
            joined.append(path)
        else:
            kept.append(entry)
    if joined:
        bundles.sources[bundle] = joined
    return kept


def add_bundles(files: Files, config: MkDocsConfig, bundles: Bundles) -> Files:
    """The bundles as generated files; their sources are not copied on their own."""
    docs = Path(config.docs_dir)
    for bundle, sources in bundles.sources.items():
        parts = []
        for src in sources:
            parts.append(f"/* {src} */\n" + (docs / src).read_text(encoding="utf-8"))
            source = files.get_file_from_path(src)
            if source is not None:
                files.remove(source)
        files.append(File.generated(config, bundle, content="\n".join(parts)))
    return files
