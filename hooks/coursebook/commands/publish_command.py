"""`coursebook publish`, `unpublish` and `archive` as the coordinator sees them.

Both targets, a plain folder (`--to DIR`, publish_folder.py) and the git
branch mike keeps (publish.py), publish only committed content
(content_commit.py) that passes `check --strict`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from ..content.archive import last_day
from ..content.bundle import Content
from ..content.problems import Report
from ..content.validation import validate
from ..i18n import _
from .content_commit import commit_for_publishing
from .publish import (
    CURRENT_ALIAS,
    PublishError,
    archive,
    publish,
    published_version,
    unpublish,
)
from .publish_folder import (
    RECORD,
    FolderSite,
    publish_to_folder,
    unpublish_from_folder,
)

# cli.report, passed in (cli imports this module)
Reporter = Callable[[Report, bool], bool]


def run_publish(args: argparse.Namespace, report: Reporter) -> int:
    """report: how every command prints problems (cli.report)."""
    found = validate(
        args.content,
        args.edition,
        "publish",
        edition_source=_("the command line"),
        config_file=args.config_file,
    )
    content = found.content
    if report(found, strict=True) or content is None:
        print(
            _(
                "The edition '{id}' was not published. Fix the above and try again."
            ).format(id=args.edition),
            file=sys.stderr,
        )
        return 1
    edition = content.editions[args.edition]
    if edition.status == "udkast":
        print(
            _(
                "Note: {name} has status: udkast; participants see that the "
                "dates are provisional."
            ).format(name=edition.name),
            file=sys.stderr,
        )
    try:
        site_url = _site_url(args) if args.to else ""
        commit = commit_for_publishing(
            content, args.edition, args.config_file, args.commit
        )
        print(
            _("Building and publishing {name} ({edition}) ...").format(
                name=edition.name, edition=args.edition
            ),
            file=sys.stderr,
        )
        if args.to:
            site = publish_to_folder(
                content, args.edition, args.config_file, args.to, site_url, commit
            )
            _report_folder(content, args, site, commit, site_url)
        else:
            done = publish(
                content,
                args.edition,
                args.config_file,
                branch=args.branch,
                push=args.push,
                remote=args.remote,
                content_commit=commit,
            )
            where = _on_branch(args)
            _report_published(content, args.edition, where, done.is_current, commit)
            _list_versions(done.versions)
            if not args.push:
                print(
                    "\n"
                    + _("See it locally with: {command}").format(
                        command=f"mike serve --branch {args.branch}"
                    )
                    + "\n"
                    + _("Put it on the server with: {command}").format(
                        command=f".venv/bin/coursebook publish {args.edition} --push"
                    )
                )
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def run_unpublish(args: argparse.Namespace) -> int:
    try:
        if args.to:
            site = unpublish_from_folder(args.to, args.edition)
            versions = site.versions
            where = _("the folder {folder}").format(folder=args.to)
        else:
            content = validate(args.content, purpose="build").content
            if content is None:
                raise PublishError(
                    _("The content has errors; run coursebook check first.")
                )
            versions = unpublish(
                content,
                args.edition,
                args.config_file,
                branch=args.branch,
                push=args.push,
                remote=args.remote,
            ).versions
            where = _("the branch {branch}").format(branch=args.branch)
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        _("Removed: {edition} from {where}.").format(edition=args.edition, where=where)
    )
    if versions:
        _list_versions(versions)
    else:
        print(_("No editions are published there any more."))
    return 0


def run_archive(args: argparse.Namespace, report: Reporter) -> int:
    """Republish a finished edition without personal data, over its published
    version: in DIR (--to) or on the git branch mike keeps (--push)."""
    # an edition that is over does not pass publish's checks (past dates);
    # it must still build
    found = validate(
        args.content,
        args.edition,
        "build",
        edition_source=_("the command line"),
        config_file=args.config_file,
    )
    content = found.content
    if report(found, strict=False) or content is None:
        return 1
    edition = content.editions[args.edition]
    try:
        ended = last_day(content, args.edition)
        if ended is None or ended >= dt.date.today():
            raise PublishError(
                _(
                    "{name} is not over yet; it can be archived after its last "
                    "activity."
                ).format(name=edition.name)
            )
        # refused before anything is committed or built
        if args.to:
            if not (Path(args.to) / args.edition / RECORD).is_file():
                raise PublishError(
                    _("{edition} is not published in {folder}.").format(
                        edition=args.edition, folder=args.to
                    )
                )
            site_url = _site_url(args)
        else:
            published_version(args.edition, args.branch, args.remote)
        commit = commit_for_publishing(
            content, args.edition, args.config_file, args.commit
        )
        print(
            _("Building {name} ({edition}) without personal data ...").format(
                name=edition.name, edition=args.edition
            ),
            file=sys.stderr,
        )
        if args.to:
            versions = publish_to_folder(
                content,
                args.edition,
                args.config_file,
                args.to,
                site_url,
                commit,
                archived=True,
            ).versions
            where = _("in the folder {folder}").format(folder=args.to)
        else:
            versions = archive(
                content,
                args.edition,
                args.config_file,
                branch=args.branch,
                push=args.push,
                remote=args.remote,
                content_commit=commit,
            ).versions
            where = _on_branch(args)
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        _(
            "Archived: {name} ({edition}) {where}, without the instructors' "
            "names and photos."
        ).format(name=edition.name, edition=args.edition, where=where)
    )
    _list_versions(versions)
    return 0


def _on_branch(args: argparse.Namespace) -> str:
    """'on the branch gh-pages (pushed to origin)', for the report."""
    where = _("on the branch {branch}").format(branch=args.branch)
    if args.push:
        where += " " + _("(pushed to {remote})").format(remote=args.remote)
    return where


def _site_url(args: argparse.Namespace) -> str:
    """Where DIR will be served: --site-url, else site_url in mkdocs.yml."""
    if args.site_url:
        url = args.site_url
    else:
        from mkdocs.config import load_config

        url = load_config(str(args.config_file)).site_url or ""
    if not url.startswith(("http://", "https://")):
        raise PublishError(
            _(
                "Publishing to a folder needs the address the folder will have "
                "on the web: set site_url in mkdocs.yml, or give --site-url "
                "https://…/"
            )
        )
    return url if url.endswith("/") else url + "/"


def _report_published(
    content: Content, edition_id: str, where: str, is_current: bool, commit: str
) -> None:
    name = content.editions[edition_id].name
    role = (
        _("It is now the current edition ({alias}).").format(alias=CURRENT_ALIAS)
        if is_current
        else _(
            "A newer edition is still the current one; this one is shown as an "
            "earlier cohort."
        )
    )
    print(
        _("Published: {name} ({edition}) {where}.").format(
            name=name, edition=edition_id, where=where
        )
        + " "
        + role
    )
    print(_("Built from commit {commit}.").format(commit=commit[:12]))


def _report_folder(
    content: Content,
    args: argparse.Namespace,
    site: FolderSite,
    commit: str,
    site_url: str,
) -> None:
    target = Path(args.to).resolve()
    is_current = site.current == args.edition
    where = _("in the folder {folder}").format(folder=target)
    _report_published(content, args.edition, where, is_current, commit)
    _list_versions(site.versions)
    print(
        "\n"
        + _(
            "Copy the whole folder {folder} to the web server (or file share) "
            "so that it is found at {url}"
        ).format(folder=target, url=site_url)
    )


def _list_versions(versions: list[dict]) -> None:
    print("\n" + _("Published editions:"))
    for version in versions:
        aliases = ", ".join(version.get("aliases", []))
        print(
            f"  {version['title']:<16} {version['version']}"
            + (f"  [{aliases}]" if aliases else "")
        )
