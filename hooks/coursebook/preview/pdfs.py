"""The preview's PDFs, made in a background process after each rebuild.

WeasyPrint needs seconds for the guide; a YAML save must reload the page in
about one. So while previewing, the build writes everything but the PDFs and
starts `python -m coursebook.preview.pdf_worker`, which writes them aside and
moves them into the served site when each is complete. The next rebuild stops
a worker still running (its PDFs would be out of date).

downloads/pdf-status.json tells the page's download buttons whether the PDFs
are ready and how long they take at most (estimate()); until then the
buttons say "PDF'en laves… (højst N sekunder)"
(overrides/partials/preview-pdfs.html).
"""

from __future__ import annotations

import json
import math
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..downloads.output import BuildOutput
from ..site.routes import DOWNLOADS

STATUS = "pdf-status.json"
# the PDFs take up to about this many times as long as the build before them
BUILD_FACTOR = (
    20  # the guide PDF is laid out twice, with probes between (guide_pdf.Layout)
)

_worker: subprocess.Popen | None = None
_session: Path | None = None


def stop() -> None:
    """Stop the worker of the previous build, if it still runs."""
    global _worker
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=5)
        except subprocess.TimeoutExpired:
            _worker.kill()
            _worker.wait()
    _worker = None


def start(output: BuildOutput, build_seconds: float) -> None:
    """Mark the PDFs as being made, and start the worker that makes them."""
    global _worker
    stop()
    session = _session_dir(output.site_dir)
    job = session / "job.pickle"
    job.write_bytes(pickle.dumps(output))
    seconds = estimate(session, build_seconds)
    write_status(output.site_dir, ready=False, seconds=seconds)
    _worker = subprocess.Popen(
        [sys.executable, "-m", "coursebook.preview.pdf_worker", str(job)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdin=subprocess.DEVNULL,
    )


def finish() -> None:
    """At the end of `mkdocs serve`: stop the worker, remove its files."""
    global _session
    stop()
    if _session is not None:
        shutil.rmtree(_session, ignore_errors=True)
        _session = None


def estimate(session: Path, build_seconds: float) -> int:
    """Seconds the page promises, at most: the last run's time doubled, and
    never less than the PDFs take at the speed the build just had (a busy
    machine builds and writes PDFs slower alike)."""
    by_build = build_seconds * BUILD_FACTOR + 30
    try:
        last = float((session / "last-seconds").read_text()) * 2 + 5
    except (OSError, ValueError):
        last = 0
    return math.ceil(max(by_build, last))


def write_status(site_dir: Path, ready: bool, seconds: int) -> None:
    folder = site_dir / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{STATUS}.tmp"
    temporary.write_text(json.dumps({"ready": ready, "seconds": seconds}))
    os.replace(temporary, folder / STATUS)


def _session_dir(site_dir: Path) -> Path:
    """A folder for this `mkdocs serve`, beside its site (same file system,
    so the finished PDFs are moved in by a rename)."""
    global _session
    if _session is None or not _session.is_dir():
        _session = Path(
            tempfile.mkdtemp(prefix="coursebook-preview-", dir=site_dir.parent)
        )
    return _session
