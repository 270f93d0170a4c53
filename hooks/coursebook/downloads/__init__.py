"""Files participants download, written after MkDocs has built the pages.

Each writer lives in its own module and imports its heavy library (WeasyPrint,
python-docx, icalendar) only when it runs, so `mkdocs serve` stays fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .output import BuildOutput, log

Writer = Callable[[BuildOutput], list[Path]]


def writers() -> list[tuple[str, Writer, bool]]:
    """(name, writer, makes PDFs) for every download, in the order they are written."""
    from .calendar_ics import write_calendars
    from .guide_pdf import write_guide_pdf  # heavy libraries load only when writing
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
        if makes_pdf and not output.pdfs:
            log.info("coursebook: %s skipped (PDFs are off)", name)
            continue
        started = time.perf_counter()
        files = writer(output)
        log.info(
            "coursebook: %s written in %.2f s", name, time.perf_counter() - started
        )
        written += files
    return written
