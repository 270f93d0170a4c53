"""Files participants download, written after MkDocs has built the pages.

Each writer lives in its own module and imports its heavy library (WeasyPrint,
python-docx, icalendar) only when it runs, so `mkdocs serve` stays fast.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .content import Content

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

    @property
    def downloads(self) -> Path:
        folder = self.site_dir / DOWNLOADS
        folder.mkdir(parents=True, exist_ok=True)
        return folder


Writer = Callable[[BuildOutput], list[Path]]


def pdfs_enabled() -> bool:
    return os.environ.get(PDF_ENV, "1").strip().lower() not in ("0", "false", "nej")


def writers() -> list[tuple[str, Writer, bool]]:
    """(name, writer, makes PDFs) for every download, in the order they are written."""
    from .calendar_ics import write_calendars
    from .guide_pdf import write_guide_pdf  # the writers import BuildOutput from here
    from .plan_docx import write_plan_docx
    from .plan_pdf import write_plan_pdfs

    return [
        ("kursusguide.pdf", write_guide_pdf, True),
        ("plan PDF forms", write_plan_pdfs, True),
        ("plan Word files", write_plan_docx, False),
        ("kalender.ics", write_calendars, False),
    ]


def write_all(output: BuildOutput) -> list[Path]:
    written: list[Path] = []
    for name, writer, makes_pdf in writers():
        if makes_pdf and not pdfs_enabled():
            log.info("coursebook: %s skipped (%s=0)", name, PDF_ENV)
            continue
        started = time.perf_counter()
        files = writer(output)
        log.info(
            "coursebook: %s written in %.2f s", name, time.perf_counter() - started
        )
        written += files
    return written
