"""The types every download writer shares: the rendered pages and where files go."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..content.bundle import Content

log = logging.getLogger("mkdocs.plugins.coursebook")
DOWNLOADS = "downloads"
# COURSEBOOK_PDF=0 skips the PDF files (for a fast `mkdocs serve` preview)
PDF_ENV = "COURSEBOOK_PDF"


@dataclass
class RenderedPage:
    """One page as MkDocs rendered it: what the printable guide is made of."""

    src: str
    title: str
    html: str


@dataclass
class BuildOutput:
    content: Content
    site_dir: Path
    site_url: str
    pages: list[RenderedPage] = field(default_factory=list)
    # where the files go, when not site_dir/downloads (the preview's PDFs are
    # written aside and moved in when complete)
    downloads_dir: Path | None = None

    @property
    def downloads(self) -> Path:
        folder = self.downloads_dir or self.site_dir / DOWNLOADS
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def pdfs_enabled() -> bool:
    return os.environ.get(PDF_ENV, "1").strip().lower() not in ("0", "false", "nej")
