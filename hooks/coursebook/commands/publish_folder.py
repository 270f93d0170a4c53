"""`coursebook publish ID --to DIR`: a versioned site in a plain folder.

Most municipalities copy a folder to their own web server or a file share;
neither needs git or gh-pages. The folder holds what mike would put on
gh-pages, in the same format, so Material's version selector reads it:

    DIR/
      index.html        sends visitors on to aktuel/
      404.html          the current edition's "page not found"
      versions.json     the editions, newest first; "aktuel" on the current
      foraar-2027/      one folder per edition, with coursebook.json (which
      efteraar-2027/    commit it was built from, when its first activity is)
      aktuel/           a copy of the current edition's folder

`aktuel/` is a copy, not redirect pages or a symlink: a copy serves every
address under it, PDFs and calendar files included, from any static server
and from a file share, with no JavaScript and no server setting; symlinks do
not survive a file share or a copy to a web host. It costs the disk space of
one edition (a few MB).

Each folder is built beside its target and renamed into place (folders.py),
so a failed publish leaves the previously published edition as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Template

from ..content.bundle import Content
from ..content.editions import schedule_of
from ..i18n import _
from ..settings import ARCHIVE_ENV, CONTENT_ENV, EDITION_ENV
from .folders import remove_folder, replace_folder, staged
from .publish import CURRENT_ALIAS, PublishError, versioned_config
from .safebuild import run_mkdocs_build

VERSIONS = "versions.json"
RECORD = "coursebook.json"  # in each edition's folder: what it was built from

_REDIRECT = Template(
    """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<meta http-equiv="refresh" content="0; url={{ target }}">
<link rel="canonical" href="{{ target }}">
<script>window.location.replace("{{ target }}" + window.location.hash);</script>
</head>
<body>
<p><a href="{{ target }}">Gå til {{ title }}</a></p>
</body>
</html>
""",
    autoescape=True,
)


@dataclass(frozen=True)
class FolderSite:
    current: str | None
    versions: list[dict]


def publish_to_folder(
    content: Content,
    edition_id: str,
    config_file: Path,
    target: Path,
    site_url: str,
    content_commit: str,
    archived: bool = False,
) -> FolderSite:
    """Build edition_id into target/<edition_id>/ and refresh the shared files;
    archived: without the instructors' names and photos (content/archive.py)."""
    target = target.resolve()
    edition = content.editions[edition_id]
    edition_url = site_url.rstrip("/") + "/" + edition_id + "/"
    env = {
        EDITION_ENV: edition_id,
        CONTENT_ENV: str(content.root.resolve()),
        ARCHIVE_ENV: "1" if archived else "0",
    }
    extra = {"site_url": edition_url, "extra": {"content_commit": content_commit}}
    folder = target / edition_id
    with staged(folder) as staging:
        with versioned_config(config_file, extra) as config:
            if run_mkdocs_build(staging, config, env) != 0:
                raise PublishError(
                    _(
                        "The build failed; nothing is published and {folder} "
                        "is unchanged."
                    ).format(folder=folder)
                )
        dated = schedule_of(content, edition_id).dated
        record = {
            "edition": edition_id,
            "title": edition.name,
            "first_activity": dated[0].starts.isoformat() if dated else None,
            "content_commit": content_commit,
            "archived": archived,
            "published": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        }
        _write_json(staging / RECORD, record)
        replace_folder(staging, folder)
    return refresh_shared_files(target)


def unpublish_from_folder(target: Path, edition_id: str) -> FolderSite:
    """Remove an edition's folder and its place in the version list."""
    target = target.resolve()
    if not (target / edition_id / RECORD).is_file():
        raise PublishError(
            _("{edition} is not published in {folder}.").format(
                edition=edition_id, folder=target
            )
        )
    remove_folder(target / edition_id)
    return refresh_shared_files(target)


def refresh_shared_files(target: Path) -> FolderSite:
    """versions.json, aktuel/, index.html and 404.html from the editions'
    folders as they are now: the current edition is the one whose first
    activity is latest."""
    records = _published(target)
    current = records[0]["edition"] if records else None
    versions = [
        {
            "version": record["edition"],
            "title": record["title"],
            "aliases": [CURRENT_ALIAS] if record["edition"] == current else [],
        }
        for record in records
    ]
    alias = target / CURRENT_ALIAS
    if current is None:
        for name in (VERSIONS, "index.html", "404.html"):
            (target / name).unlink(missing_ok=True)
        remove_folder(alias)
        return FolderSite(None, [])
    if _record(alias) != _record(target / current):
        with staged(alias) as staging:
            shutil.copytree(target / current, staging, dirs_exist_ok=True)
            replace_folder(staging, alias)
    _write_json(target / VERSIONS, versions)
    title = versions[0]["title"]
    _write_text(
        target / "index.html",
        _REDIRECT.render(target=f"{CURRENT_ALIAS}/", title=title),
    )
    not_found = target / CURRENT_ALIAS / "404.html"
    if not_found.is_file():
        _write_text(target / "404.html", not_found.read_text(encoding="utf-8"))
    return FolderSite(current, versions)


def _published(target: Path) -> list[dict]:
    """Each edition folder's record, newest first activity first."""
    records = []
    if target.is_dir():
        for folder in sorted(target.iterdir()):
            record = _record(folder)
            if record and folder.name == record.get("edition"):
                records.append(record)
    return sorted(
        records,
        key=lambda r: (r.get("first_activity") or "", r["edition"]),
        reverse=True,
    )


def _record(folder: Path) -> dict | None:
    path = folder / RECORD
    if folder.name.startswith(".") or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, data: object) -> None:
    _write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _write_text(path: Path, text: str) -> None:
    """Write beside path, then rename: a reader sees the old or the new file."""
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}-", delete=False
    ) as file:
        file.write(text)
    os.chmod(file.name, 0o644)  # readable by the web server, like the rest
    os.replace(file.name, path)
