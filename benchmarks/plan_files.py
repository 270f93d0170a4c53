"""Time each plan's PDF and Word file on its own, in a fresh process (no caches).

Prints JSON: {plan id: {"pdf_seconds": …, "docx_seconds": …}}.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from coursebook.content.plan_form import plan_form
from coursebook.content.validation import load_content
from coursebook.downloads.plan_docx import build_document
from coursebook.downloads.plan_pdf import write_plan_pdf


def main(content_dir: str) -> None:
    content, _ = load_content(Path(content_dir))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ident in content.plans:
            form = plan_form(content, ident)
            started = time.perf_counter()
            write_plan_pdf(form, Path(tmp) / f"{ident}.pdf")
            pdf = time.perf_counter() - started
            started = time.perf_counter()
            build_document(form).save(str(Path(tmp) / f"{ident}.docx"))
            docx = time.perf_counter() - started
            results[ident] = {"pdf_seconds": pdf, "docx_seconds": docx}
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1])
