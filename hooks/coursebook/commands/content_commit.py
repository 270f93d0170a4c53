"""Publish only what git holds, so the next coordinator can rebuild an edition.

Before `publish` builds anything, the files the build reads (content/,
mkdocs.yml, docs/, overrides/) must be committed. Uncommitted changes are
refused, or committed with a message naming the edition when the coordinator
says so (`--commit`, or "j" at the prompt; there is no prompt without a
terminal). The calendar's history is then updated and committed too, and the
commit the edition is built from is returned, to be recorded in the published
edition.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from ..content.bundle import Content
from ..i18n import _
from .publish import PublishError


def commit_for_publishing(
    content: Content, edition_id: str, config_file: Path, commit: bool
) -> str:
    """The commit holding everything the edition is built from (made now if
    the coordinator allows it); PublishError when there are changes to keep."""
    root = _repository(content.root)
    paths = _build_inputs(content.root, config_file)
    name = content.editions[edition_id].name
    changed = _uncommitted(root, paths)
    if changed:
        if not (commit or _asked(changed, edition_id)):
            listing = "\n".join(f"  {line}" for line in changed)
            raise PublishError(
                _(
                    "These files have changes that are not saved in git:\n"
                    "{listing}\n"
                    "Nothing is published. Save them with git, or run the command "
                    "again with --commit to save them as the content of {edition}."
                ).format(listing=listing, edition=edition_id)
            )
        _commit(root, paths, f"Content of edition {edition_id} ({name}) as published")
    # imported here: it brings the page planning, which `check` does not need
    from ..downloads.calendar_ics import record_calendar_history

    history = record_calendar_history(content, edition_id, dt.datetime.now(dt.UTC))
    if history is not None:
        _commit(root, [history], f"Calendar history of edition {edition_id} ({name})")
    return _git(root, "rev-parse", "HEAD").strip()


def _build_inputs(content_root: Path, config_file: Path) -> list[Path]:
    project = config_file.resolve().parent
    candidates = [content_root.resolve(), config_file.resolve()]
    candidates += [project / "docs", project / "overrides"]
    return [path for path in candidates if path.exists()]


def _repository(content_root: Path) -> Path:
    result = subprocess.run(
        ["git", "-C", str(content_root), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not _has_commit(Path(result.stdout.strip())):
        raise PublishError(
            _(
                "{folder} is not in a git repository with at least one commit; "
                "publishing records which commit the edition was built from. "
                "Run the command in the project's folder."
            ).format(folder=content_root.resolve().parent)
        )
    return Path(result.stdout.strip())


def _has_commit(root: Path) -> bool:
    result = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--verify", "HEAD"],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def _uncommitted(root: Path, paths: list[Path]) -> list[str]:
    """`git status` lines (changed, new or deleted) for the given paths."""
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *paths)
    return [line[3:] for line in status.splitlines() if line.strip()]


def _asked(changed: list[str], edition_id: str) -> bool:
    """Ask the coordinator, only when someone is at a terminal."""
    if not sys.stdin.isatty():
        return False
    print(
        _("Changes not yet saved in git:")
        + "\n"
        + "\n".join(f"  {c}" for c in changed),
        file=sys.stderr,
    )
    answer = input(
        _("Save them in git as the content of {edition} and publish? [y/N] ").format(
            edition=edition_id
        )
    )
    return answer.strip().lower() in {"j", "ja", "y", "yes"}


def _commit(root: Path, paths: list[Path], message: str) -> None:
    _git(root, "add", "--all", "--", *paths)
    _git(root, "commit", "--quiet", "--message", message, "--", *paths)


def _git(root: Path, *args: str | Path) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PublishError(
            _("git failed, and nothing is published:") + "\n" + result.stderr.strip()
        )
    return result.stdout
