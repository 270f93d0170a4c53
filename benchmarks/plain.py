"""The same handbook as plain MkDocs: `coursebook export` (generated Markdown
in a docs folder, a mkdocs.yml with the same theme and plugins, no hooks)."""

from __future__ import annotations

import os
from pathlib import Path

from coursebook.commands.export import export
from coursebook.settings import CONTENT_ENV

ROOT = Path(__file__).resolve().parent.parent


def write_plain_project(content_dir: Path, target: Path) -> Path:
    """Export content_dir's handbook to target; return its mkdocs.yml."""
    before = os.environ.get(CONTENT_ENV)
    os.environ[CONTENT_ENV] = str(content_dir)
    try:
        return export(target, ROOT / "mkdocs.yml", downloads=False)
    finally:
        if before is None:
            del os.environ[CONTENT_ENV]
        else:
            os.environ[CONTENT_ENV] = before
