"""Smoke test: the benchmark script runs end to end on a tiny synthetic course."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

KEYS = {
    "hook_overhead_ratio",
    "reload_seconds",
    "guide_pdf_seconds",
    "guide_pdf_bytes",
    "guide_pdf_whole_renders",
    "front_page_gzip_bytes",
    "front_page_requests",
    "search_index_bytes",
    "scaling",
    "writer_seconds",
    "plan_files",
    "spelling_seconds",
}


def test_benchmark_runs_on_a_tiny_course(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(output.read_text(encoding="utf-8"))
    assert set(results) >= KEYS
    assert results["hook_overhead_ratio"] > 0
    assert results["scaling"]["2x"]["pages"] > results["scaling"]["1x"]["pages"]
    assert results["front_page_other_hosts"] == []
    assert "| hook_overhead_ratio |" in result.stdout
