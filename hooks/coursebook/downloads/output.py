"""The types every download writer shares: the rendered pages and where files go."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..site import routes

if TYPE_CHECKING:
    from ..content.bundle import Content
    from ..site.page_spec import PageSpec

log = logging.getLogger("mkdocs.plugins.coursebook")


@dataclass
class RenderedPage:
    """One page as MkDocs rendered it: what the printable guide is made of.

    spec is the page's plan (kind, section, source) for a generated page, None
    for a hand-written one from docs/; heading is its first-level heading as
    MkDocs read it, title its name in the navigation."""

    src: str
    title: str
    html: str
    spec: PageSpec | None = None
    heading: str | None = None

    @property
    def kind(self) -> str:
        return self.spec.kind if self.spec else "page"

    @property
    def section(self) -> str | None:
        return self.spec.section if self.spec else None


@dataclass
class BuildOutput:
    content: Content
    site_dir: Path
    site_url: str
    pages: list[RenderedPage] = field(default_factory=list)
    # False skips the PDF files (settings: pdf), for a fast preview
    pdfs: bool = True
    # where the files go, when not site_dir/downloads (the preview's PDFs are
    # written aside and moved in when complete)
    downloads_dir: Path | None = None

    @property
    def downloads(self) -> Path:
        folder = self.downloads_dir or self.site_dir / routes.DOWNLOADS
        folder.mkdir(parents=True, exist_ok=True)
        return folder
