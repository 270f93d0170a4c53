"""The handbook offline and on the home screen: a service worker and a web app
manifest, written after everything else so the worker's list holds every file
of this build.

The worker (templates/offline/sw.js.j2) is versioned by the build: its
VERSION is a hash of every file's path and bytes, so a build that changes
anything is a new worker the browser installs on the reader's next visit,
and an identical build is an identical file. Under `mkdocs serve` the pages
do not register it (overrides/main.html) and sw.js retires any worker a
browser kept from a built copy on the same address, so live reload shows
every change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..site.render import environment

if TYPE_CHECKING:
    from ..content.bundle import Content

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
THEME_COLOUR = "#00796b"  # --md-primary-fg-color in docs/assets/css/handbook.css
ICONS = "assets/images"

# Never copied: source maps, and the search's word splitters and stemmers for
# other languages than the site's (Material ships them all).
_LUNR = "assets/javascripts/lunr/"
_SKIPPED_SUFFIXES = (".map", ".gz")


@dataclass(frozen=True)
class AppName:
    """What the manifest calls the handbook on a home screen."""

    title: str
    edition: str
    organiser: str

    @classmethod
    def of(cls, content: Content) -> AppName:
        return cls(content.course.title, content.edition.name, content.course.organiser)


def write_offline(
    site_dir: Path,
    app: AppName,
    serving: bool,
    search_languages: list[str],
    start_url: str = "./",
) -> list[Path]:
    """manifest.webmanifest, and sw.js: the real worker, or under `mkdocs
    serve` one that removes itself."""
    manifest = site_dir / MANIFEST
    manifest.write_text(
        json.dumps(_manifest(app, start_url), ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    worker = site_dir / WORKER
    if serving:
        source = environment().get_template("offline/retire.js.j2").render()
    else:
        files = cached_files(site_dir, search_languages)
        source = (
            environment()
            .get_template("offline/sw.js.j2")
            .render(version=build_version(site_dir, files), files=files)
        )
    worker.write_text(source, encoding="utf-8")
    return [manifest, worker]


def _manifest(app: AppName, start_url: str) -> dict:
    return {
        "name": f"{app.title} – {app.edition}",
        "short_name": _short_name(app.title),
        "description": f"Kursushåndbogen for holdet {app.edition}, {app.organiser}",
        "lang": "da",
        "dir": "ltr",
        "start_url": start_url,
        "scope": start_url,
        "id": start_url,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            {"src": f"{ICONS}/ikon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": f"{ICONS}/ikon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": f"{ICONS}/ikon-512.png", "sizes": "512x512", "type": "image/png"},
        ],
    }


def _short_name(title: str) -> str:
    """A home screen shows about 12 characters under the icon."""
    return title if len(title) <= 12 else "Kursusguide"


def cached_files(site_dir: Path, search_languages: list[str]) -> list[str]:
    """Every file a reader may open, as the worker requests it: relative to
    the site's root, a page by its folder ("praktisk-information/")."""
    wanted_lunr = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"} | {
        f"lunr.{lang}.min.js" for lang in search_languages
    }
    found: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        if relative == WORKER or relative.endswith(_SKIPPED_SUFFIXES):
            continue
        if relative.startswith(_LUNR) and path.name not in wanted_lunr:
            continue
        if relative == "index.html":
            relative = "./"
        elif relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")
        found.append(relative)
    return found


def build_version(site_dir: Path, files: list[str]) -> str:
    """A hash of every cached file's name and bytes."""
    digest = hashlib.sha256()
    for relative in files:
        path = site_dir / relative
        if relative.endswith("/"):  # a page, "./" the front page
            path = path / "index.html"
        digest.update(relative.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
