"""Shared fixtures: the project root, copies of content/, and built sites."""

from __future__ import annotations

import os
import re
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


# what a coordinator sets in mkdocs.yml before publishing (see KOORDINATOR.md)
OWN_STATEMENT = "https://www.was.digst.dk/nyborg-dk-kursus"
OWN_SITE_URL = "https://kursus.nyborg.dk/ledelse-af-psykisk-arbejdsmiljoe/"


def configured_project(folder: Path) -> None:
    """mkdocs.yml beside a content copy, as a coordinator has set it up for
    publishing (own site_url and accessibility statement), with a copy of docs/."""
    ready_mkdocs(folder)
    shutil.copytree(ROOT / "docs", folder / "docs")


def ready_mkdocs(folder: Path) -> None:
    """folder/mkdocs.yml: the shipped one with a real site_url and statement."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_url: .*$", f"site_url: {OWN_SITE_URL}", text)
    text = re.sub(
        r"(?m)^(  accessibility_statement:) .*$", rf"\1 {OWN_STATEMENT}", text
    )
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")


def without_sample_leftovers(path: Path) -> None:
    """Edit the sample edition file as a coordinator making it real would:
    the sample notice, "(eksempel)" and the example.com address go."""
    text = path.read_text(encoding="utf-8")
    start = text.index("notice: >-")
    end = text.index("\n\n", start)
    text = text[:start] + "notice: Husk at tilmelde dig i tide." + text[end:]
    text = text.replace(" (eksempel)", "").replace("@example.com", "@nyborg.dk")
    text = re.sub(r"(?m)^instructors_note: .*\n", "", text)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content that a test may edit, in a
    project whose mkdocs.yml is set up for publishing."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    configured_project(tmp_path)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook, built once per test run."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir)
    return site_dir
