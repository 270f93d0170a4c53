"""`coursebook publish`: one mike version per edition, the newest one `aktuel`.

mike builds the site with MkDocs and commits it to a branch (gh-pages) of the
git repository the command runs in; versions.json there lists the editions
with their names, and Material's version selector and "older edition" banner
read it. Only such a site has versions, so the selector is switched on here,
in a configuration that inherits mkdocs.yml, and not in mkdocs.yml itself (a
plain build would ask for a versions.json that is not there). A failed build
commits nothing.

`coursebook archive` (without --to) deploys a finished edition again over its
own version, built without personal data (content/archive.py).
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

from ..content.archive import ARCHIVE_ENV
from ..content.bundle import Content
from ..content.editions import schedule_of
from ..i18n import _
from ..settings import CONTENT_ENV, EDITION_ENV
from .folders import staged

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
    content_commit: str = "",
) -> Published:
    """Build edition_id with mike and commit it to branch; it becomes `aktuel`
    unless a published edition starts later."""
    _require_git_repository()
    _follow_server(branch, remote)
    edition = content.editions[edition_id]
    versions = list_versions(branch)
    holder = next(
        (v["version"] for v in versions if CURRENT_ALIAS in v.get("aliases", [])),
        None,
    )
    becomes_current = holder in (None, edition_id) or _starts_later(
        content, edition_id, holder
    )
    git = _git_args(branch, push, remote)
    deploy = [*git, "--title", edition.name]
    if content_commit:
        message = f"Publish {edition_id} built from commit {content_commit}"
        deploy += ["--message", message]
    if becomes_current:
        deploy += ["--update-aliases", edition_id, CURRENT_ALIAS]
    else:
        deploy += [edition_id]
    env = _deploy(content, edition_id, config_file, deploy, content_commit)
    if becomes_current:
        _mike(
            ["set-default", "--config-file", str(config_file), *git, CURRENT_ALIAS], env
        )
    return Published(edition_id, becomes_current, list_versions(branch))


def archive(
    content: Content,
    edition_id: str,
    config_file: Path,
    branch: str = "gh-pages",
    push: bool = False,
    remote: str = "origin",
    content_commit: str = "",
) -> Published:
    """Rebuild the published edition_id without personal data
    (content/archive.py) and deploy it over its own version: it keeps its
    place in the list and its aliases (`aktuel` too, if it has it)."""
    version = published_version(edition_id, branch, remote)
    aliases = version.get("aliases", [])
    git = _git_args(branch, push, remote)
    message = f"Archive {edition_id} without personal data"
    if content_commit:
        message += f", built from commit {content_commit}"
    deploy = [*git, "--title", content.editions[edition_id].name]
    deploy += ["--message", message, edition_id, *aliases]
    _deploy(content, edition_id, config_file, deploy, content_commit, archived=True)
    return Published(edition_id, CURRENT_ALIAS in aliases, list_versions(branch))


def _git_args(branch: str, push: bool, remote: str) -> list[str]:
    """mike's options for the branch it commits to, and the push."""
    return ["--branch", branch] + (["--push", "--remote", remote] if push else [])


def published_version(edition_id: str, branch: str, remote: str) -> dict:
    """edition_id's entry in the branch's versions.json; PublishError when it
    is not published there."""
    _require_git_repository()
    _follow_server(branch, remote)
    for version in list_versions(branch):
        if version["version"] == edition_id:
            return version
    raise PublishError(
        _("{edition} is not published on the branch {branch}.").format(
            edition=edition_id, branch=branch
        )
    )


def _deploy(
    content: Content,
    edition_id: str,
    config_file: Path,
    deploy: list[str],
    content_commit: str,
    archived: bool = False,
) -> dict[str, str]:
    """`mike deploy` edition_id with the arguments given; mike commits only
    when the build succeeds. Returns the environment it ran in."""
    env = {
        EDITION_ENV: edition_id,
        CONTENT_ENV: str(content.root.resolve()),
        # set either way: a COURSEBOOK_ARCHIVE=1 left in the shell must not
        # make an ordinary publish drop the instructors
        ARCHIVE_ENV: "1" if archived else "0",
        "NO_MKDOCS_2_WARNING": "1",
    }
    overrides: dict = {"extra": {"content_commit": content_commit}}
    # mike builds into site_dir: a fresh folder, not the coordinator's preview
    with staged(_site_dir(config_file)) as build_dir:
        overrides["site_dir"] = str(build_dir)
        with versioned_config(config_file, overrides) as versioned:
            _mike(["deploy", "--config-file", str(versioned), *deploy], env)
    return env


@contextmanager
def versioned_config(
    config_file: Path, overrides: dict | None = None
) -> Iterator[Path]:
    """config_file with the version selector (and overrides) added: a temporary
    file beside it (its relative paths stay valid) that INHERITs it."""
    overrides = dict(overrides or {})
    extra = {"version": VERSION_SELECTOR, **overrides.pop("extra", {})}
    settings = {"INHERIT": config_file.name, "extra": extra, **overrides}
    with tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        dir=config_file.parent,
        prefix=".coursebook-publish-",
        suffix=".yml",
        delete=False,
    ) as file:
        yaml.safe_dump(settings, file)
    try:
        yield Path(file.name)
    finally:
        Path(file.name).unlink(missing_ok=True)


def unpublish(
    content: Content,
    edition_id: str,
    config_file: Path,
    branch: str = "gh-pages",
    push: bool = False,
    remote: str = "origin",
) -> Published:
    """Delete edition_id from branch; `aktuel` moves to the newest one left."""
    published_version(edition_id, branch, remote)
    versions = list_versions(branch)
    git = ["--config-file", str(config_file), *_git_args(branch, push, remote)]
    env = {"NO_MKDOCS_2_WARNING": "1"}
    left = [v["version"] for v in versions if v["version"] != edition_id]
    if not left:
        _mike(["delete", *git, "--all"], env)
        return Published(edition_id, False, [])
    _mike(["delete", *git, edition_id], env)
    newest = left[0]
    for other in left[1:]:
        if _starts_later(content, other, newest):
            newest = other
    _mike(["alias", *git, "--update-aliases", newest, CURRENT_ALIAS], env)
    _mike(["set-default", *git, CURRENT_ALIAS], env)
    return Published(edition_id, False, list_versions(branch))


def _site_dir(config_file: Path) -> Path:
    from mkdocs.config import load_config

    return Path(load_config(str(config_file)).site_dir)


def list_versions(branch: str) -> list[dict]:
    """The versions.json on branch ([] before the first publish)."""
    result = subprocess.run(
        ["git", "show", f"{branch}:versions.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout) if result.returncode == 0 else []


def _follow_server(branch: str, remote: str) -> None:
    """Move branch up to remote/branch when it is missing or behind, as mike
    does before it changes the branch: a fresh clone has only origin/gh-pages,
    and what is read here (which editions are published, which one is
    `aktuel`) must be what mike then changes. Like mike, nothing is fetched."""
    from mike import git_utils

    try:
        git_utils.update_from_upstream(remote, branch)
    except git_utils.GitBranchDiverged:
        raise PublishError(
            _(
                "The branch {branch} here and the one on {remote} have different "
                "changes, so nothing is published. To take the server's: "
                "git branch -f {branch} {remote}/{branch} (editions published "
                "here but not pushed are then lost; publish them again)."
            ).format(branch=branch, remote=remote)
        ) from None
    except git_utils.GitError as exc:
        raise PublishError(
            _("git failed, and nothing is published:") + "\n" + str(exc)
        ) from None


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
