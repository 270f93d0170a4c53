"""A coordinator's clone of the project, for tests of the git-based commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, ready_mkdocs
from PIL import Image

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Koordinator",
    "GIT_AUTHOR_EMAIL": "koordinator@example.com",
    "GIT_COMMITTER_NAME": "Koordinator",
    "GIT_COMMITTER_EMAIL": "koordinator@example.com",
    "COURSEBOOK_PDF": "0",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    ).stdout


def make_project(repo: Path) -> Path:
    """The project files, set up for publishing, in a fresh git repository at
    repo, all committed."""
    repo.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "content", "hooks/handbook.py"):
        source, target = ROOT / name, repo / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    ready_mkdocs(repo)  # its own site_url and accessibility statement
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Kursushåndbog")
    return repo


def add_finished_edition(repo: Path) -> None:
    """foraar-2020 (not committed): the spring edition moved back to 2020, so
    it is over, taught by a named instructor with a photo."""
    editions = repo / "content" / "editions"
    spring = (editions / "foraar-2027.yml").read_text("utf-8")
    past = spring.replace("2027-", "2020-").replace("Forår 2027", "Forår 2020")
    past = re.sub(r"(?m)^instructors_note: .*\n", "", past)
    past = past.replace(
        "instructors: []",
        "instructors:\n"
        "  - name: Anne Andersen\n"
        "    role: Underviser, organisationspsykolog\n"
        "    bio: Anne har undervist ledere i ti år.\n"
        "    photo: billeder/anne.png\n",
    )
    (editions / "foraar-2020.yml").write_text(past, "utf-8")
    photo = repo / "docs" / "billeder" / "anne.png"
    photo.parent.mkdir(exist_ok=True)
    Image.new("RGB", (40, 40), "teal").save(photo)


def run_coursebook(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The command as a coordinator runs it, without a terminal (no prompts)."""
    return subprocess.run(
        [sys.executable, "-m", "coursebook.commands.cli", *args],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **GIT_ENV, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
