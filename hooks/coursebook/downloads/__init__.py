"""Files participants download, written after MkDocs has built the pages.

Each writer lives in its own module and imports its heavy library (WeasyPrint,
python-docx, icalendar) only when it runs, so `mkdocs serve` stays fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from .output import BuildOutput, log

Writer = Callable[[BuildOutput], list[Path]]


# (name, module, function, makes PDFs) for every download, in the order they
# are written; a module (and its heavy library) loads only when it writes
WRITERS = [
    ("kursusguide.pdf", "guide_pdf", "write_guide_pdf", True),
    ("plan PDF forms", "plan_pdf", "write_plan_pdfs", True),
    ("plan Word files", "plan_docx", "write_plan_docx", False),
    ("kalender.ics", "calendar_ics", "write_calendars", False),
]


def writer(module: str, function: str) -> Writer:
    return getattr(import_module(f"{__name__}.{module}"), function)


def write_all(
    output: BuildOutput, pdfs: bool | None = None, others: bool = True
) -> list[Path]:
    """Every download; the PDFs only if pdfs (default: output.pdfs), the
    other files only if others (a build replayed from its snapshot has them)."""
    pdfs = output.pdfs if pdfs is None else pdfs
    written: list[Path] = []
    for name, module, function, makes_pdf in WRITERS:
        if not makes_pdf and not others:
            continue
        if makes_pdf and not pdfs:
            log.info(
                "coursebook: %s skipped (PDFs are off, or made in the background)", name
            )
            continue
        started = time.perf_counter()
        files = writer(module, function)(output)
        log.info(
            "coursebook: %s written in %.2f s", name, time.perf_counter() - started
        )
        written += files
    return written


def write_pdfs(output: BuildOutput) -> list[Path]:
    """Only the PDFs (the preview makes them in a background process)."""
    written: list[Path] = []
    for _name, module, function, makes_pdf in WRITERS:
        if makes_pdf:
            written += writer(module, function)(output)
    return written
