"""Shared fixtures: the project root, copies of content/, and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def build_site(site_dir: Path, content_dir: Path | None = None, **env: str) -> None:
    """Build the handbook with `mkdocs build --strict`; fail the test on error."""
    result = run_mkdocs(site_dir, content_dir, **env)
    assert result.returncode == 0, result.stdout + result.stderr


def run_mkdocs(
    site_dir: Path, content_dir: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    if content_dir is not None:
        environment["COURSEBOOK_CONTENT"] = str(content_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def replace(path: Path, old: str, new: str) -> None:
    """Edit a content file in a test: replace the first old with new."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    """Line number of the first line containing needle (after the line with after)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    for number, line in enumerate(lines[start:], start + 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content that a test may edit."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook, built once per test run."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir)
    return site_dir
