"""`coursebook publish`: one mike version per edition, the newest one `aktuel`.

mike builds the site with MkDocs and commits it to a branch (gh-pages) of the
git repository the command runs in; versions.json there lists the editions
with their names, and Material's version selector and "older edition" banner
read it. Only such a site has versions, so the selector is switched on here,
in a configuration that inherits mkdocs.yml, and not in mkdocs.yml itself (a
plain build would ask for a versions.json that is not there). A failed build
commits nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.bundle import Content
from ..content.editions import schedule_of
from ..settings import CONTENT_ENV, EDITION_ENV

CURRENT_ALIAS = "aktuel"
# Material's version selector: the editions' names, and "older edition" on all
# but the default version
VERSION_SELECTOR = {"provider": "mike", "default": CURRENT_ALIAS}


class PublishError(Exception):
    """A problem the coordinator can fix; the message is shown as is."""


@dataclass(frozen=True)
class Published:
    edition_id: str
    is_current: bool
    versions: list[dict]


def publish(
    content: Content,
    edition_id: str,
    config_file: Path,
    branch: str = "gh-pages",
    push: bool = False,
    remote: str = "origin",
) -> Published:
    """Build edition_id with mike and commit it to branch; it becomes `aktuel`
    unless a published edition starts later."""
    _require_git_repository()
    edition = content.editions[edition_id]
    versions = list_versions(branch)
    holder = next(
        (v["version"] for v in versions if CURRENT_ALIAS in v.get("aliases", [])),
        None,
    )
    becomes_current = holder in (None, edition_id) or _starts_later(
        content, edition_id, holder
    )
    git = ["--branch", branch] + (["--push", "--remote", remote] if push else [])
    deploy = [*git, "--title", edition.name]
    if becomes_current:
        deploy += ["--update-aliases", edition_id, CURRENT_ALIAS]
    else:
        deploy += [edition_id]
    env = {
        EDITION_ENV: edition_id,
        CONTENT_ENV: str(content.root.resolve()),
        "NO_MKDOCS_2_WARNING": "1",
    }
    with _site_dir_kept(config_file), _versioned(config_file) as versioned:
        _mike(["deploy", "--config-file", str(versioned), *deploy], env)
    if becomes_current:
        _mike(
            ["set-default", "--config-file", str(config_file), *git, CURRENT_ALIAS], env
        )
    return Published(edition_id, becomes_current, list_versions(branch))


@contextmanager
def _site_dir_kept(config_file: Path) -> Iterator[None]:
    """mike builds into the configured site_dir; keep the coordinator's preview
    there as it was, whatever happens to mike's build."""
    from mkdocs.config import load_config

    site_dir = Path(load_config(str(config_file)).site_dir)
    backup = site_dir.with_name(f".{site_dir.name}-before-publish")
    shutil.rmtree(backup, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(backup)
    try:
        yield
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
        if backup.exists():
            backup.rename(site_dir)


@contextmanager
def _versioned(config_file: Path) -> Iterator[Path]:
    """config_file with the version selector added: a temporary file beside it
    (its relative paths stay valid) that INHERITs it."""
    extra = {"INHERIT": config_file.name, "extra": {"version": VERSION_SELECTOR}}
    with tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        dir=config_file.parent,
        prefix=".coursebook-publish-",
        suffix=".yml",
        delete=False,
    ) as file:
        yaml.safe_dump(extra, file)
    try:
        yield Path(file.name)
    finally:
        Path(file.name).unlink(missing_ok=True)


def list_versions(branch: str) -> list[dict]:
    """The versions.json on branch ([] before the first publish)."""
    result = subprocess.run(
        ["git", "show", f"{branch}:versions.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout) if result.returncode == 0 else []


def _starts_later(content: Content, edition_id: str, holder: str) -> bool:
    """True when edition_id's first activity is later than holder's (or holder's
    edition file is gone)."""
    if holder not in content.editions:
        return True
    mine, theirs = schedule_of(content, edition_id), schedule_of(content, holder)
    if not mine.dated or not theirs.dated:
        return not theirs.dated
    return mine.dated[0].starts > theirs.dated[0].starts


def _require_git_repository() -> None:
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PublishError(
            f"{Path.cwd()} er ikke et git-repository med mindst én commit; "
            "udgivelsen gemmes i git (grenen gh-pages). Kør kommandoen i "
            "projektets mappe."
        )


def _mike(args: list[str], env: dict[str, str]) -> None:
    # mike runs `mkdocs` from PATH: make it the one beside this Python
    bin_dir = str(Path(sys.executable).parent)
    environment = {**os.environ, **env}
    environment["PATH"] = bin_dir + os.pathsep + environment.get("PATH", "")
    mike = shutil.which("mike", path=environment["PATH"])
    if mike is None:
        raise PublishError("mike er ikke installeret; kør make setup")
    result = subprocess.run(
        [mike, *args], env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise PublishError(
            "mike fejlede, og intet er udgivet:\n" + (result.stderr or result.stdout)
        )
