"""What a build of unchanged content needs, kept from the build before.

A build derives everything from the validated content: the pages' Markdown,
the navigation, the abbreviations, the Word files and calendars. A cold
`mkdocs build` whose inputs (content, docs/, mkdocs.yml, this package's code
and templates, the day and the language) did not change replays that
snapshot instead: it neither loads the content model (pydantic) nor renders a
template nor makes a file again, and writes the same site. The snapshot is
plain data (no content objects), kept by cache.py; a build that fails keeps
none, and `mkdocs serve` keeps its own state in memory instead.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .cache import files_digest, keep, package_digest, recall
from .downloads.offline import AppName
from .i18n import language
from .settings import Settings
from .site.page_spec import PageSpec

KIND = "snapshot"


@dataclass
class Snapshot:
    """One build's pages, navigation and downloads other than the PDFs."""

    title: str  # the course's title: the site name
    nav: list[Any]
    extra: dict[str, Any]  # config.extra values the theme overrides read
    warnings: list[str]  # content warnings, logged by every build
    hidden: set[str]  # docs/ files an archived edition leaves out
    pages: list[PageSpec]  # the generated pages, in plan order
    app: AppName
    abbreviations: str  # definitions for the abbr Markdown extension
    titles: dict[str, str]  # abbreviation -> tooltip
    markdown: dict[str, str] = field(default_factory=dict)  # src -> Markdown
    # a hand-written page's src -> (hash of its Markdown, the Markdown rendered)
    handwritten: dict[str, tuple[str, str]] = field(default_factory=dict)
    # files in downloads/ other than the PDFs, by their path in that folder
    downloads: dict[str, bytes] | None = None

    def config_values(self) -> tuple[list[Any], dict[str, Any]]:
        """The navigation and the extra values, as copies MkDocs may change."""
        return copy.deepcopy(self.nav), copy.deepcopy(self.extra)

    def kept_form(self) -> Snapshot:
        """The snapshot as kept: page specs without their content objects."""
        return replace(self, pages=[spec.identity() for spec in self.pages])


def key_of(settings: Settings, site_url: str, use_directory_urls: bool) -> str | None:
    """A hash of everything a build's snapshot depends on; None when the
    files cannot be read (the build then finds out why)."""
    digest = hashlib.sha256(
        repr(
            (
                str(settings.content_dir.resolve()),
                str(settings.config_file.resolve()),
                str(settings.docs_dir.resolve()),
                settings.edition,
                settings.edition_source,
                site_url,
                use_directory_urls,
                settings.archive,
                dt.date.today(),
                language(),
                str(Path.cwd()),
                package_digest(),
            )
        ).encode()
    )
    try:
        files = [settings.config_file]
        for folder in (settings.content_dir, settings.docs_dir):
            files += sorted(folder.rglob("*")) if folder.is_dir() else []
        files_digest(digest, files)
    except OSError:
        return None
    return digest.hexdigest()


def markdown_hash(markdown: str) -> str:
    return hashlib.sha256(markdown.encode("utf-8")).hexdigest()


def replay(key: str) -> Snapshot | None:
    """The complete snapshot kept for key, or None."""
    found = recall(KIND, key)
    if isinstance(found, Snapshot) and found.downloads is not None:
        return found
    return None


def keep_snapshot(key: str, snapshot: Snapshot) -> None:
    keep(KIND, key, snapshot.kept_form())
