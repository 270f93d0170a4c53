"""Run one `mkdocs build` in this process and print its time, pages and peak memory.

Run as a child process by run.py, so that each build starts cold like a
coordinator's `make build` and its peak memory is its own.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


class _WriterTimes(logging.Handler):
    """Collects the 'NAME written in S s' lines the download writers log, and
    how many times the guide PDF was laid out (guide_pdf.write_guide_pdf)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.times: dict[str, float] = {}
        self.guide_renders: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith("coursebook: "):
            return
        if " written in " in message:
            name, seconds = record.args[0], record.args[1]
            self.times[str(name)] = float(seconds)
        elif message.startswith("coursebook: guide PDF laid out in "):
            whole, partial = record.args
            self.guide_renders = {"whole": int(whole), "partial": int(partial)}


def main(config_file: str, site_dir: str) -> None:
    logging.basicConfig(level=logging.ERROR)
    writer_times = _WriterTimes()
    coursebook_log = logging.getLogger("mkdocs.plugins.coursebook")
    coursebook_log.setLevel(logging.INFO)
    coursebook_log.addHandler(writer_times)
    started = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    build(config)
    seconds = time.perf_counter() - started
    pages = sum(1 for _ in Path(site_dir).rglob("index.html"))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "seconds": seconds,
        "pages": pages,
        "peak_mb": peak_kb / 1024,
        "writers": writer_times.times,
        "guide_renders": writer_times.guide_renders,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
