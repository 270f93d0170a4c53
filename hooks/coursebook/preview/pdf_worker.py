"""Background process of the preview: write the PDFs of one build.

Run by preview/pdfs.py as `python -m coursebook.preview.pdf_worker JOB`, JOB
being the pickled BuildOutput of the build. Each PDF is written in the
session folder and renamed into the served site when complete, so a browser
never gets half a file.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ..downloads import write_pdfs
from ..downloads.output import BuildOutput
from ..site.routes import DOWNLOADS
from .pdfs import write_status


def main(job: Path) -> int:
    started = time.perf_counter()
    output: BuildOutput = pickle.loads(job.read_bytes())
    aside = Path(tempfile.mkdtemp(prefix="pdf-", dir=job.parent))
    written = write_pdfs(replace(output, downloads_dir=aside))
    target = output.site_dir / DOWNLOADS
    for path in written:
        os.replace(path, target / path.name)
    seconds = time.perf_counter() - started
    (job.parent / "last-seconds").write_text(f"{seconds:.1f}")
    write_status(output.site_dir, ready=True, seconds=0)
    os.rmdir(aside)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
