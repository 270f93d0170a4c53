"""A generated page's identity: where it lives, its title, section and kind.

Plain data, so that it travels with the page through MkDocs to the downloads
(downloads/output.py) and is kept in a build's snapshot (snapshot.py)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its nav title and section, and what
    it shows (kind "activity", "plan" or "tool" with the item's ident, or
    "page"). context holds what its template needs (site/pages.py)."""

    src: str
    title: str
    template: str
    section: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    kind: str = "page"
    ident: str | None = None

    def identity(self) -> PageSpec:
        """The spec without its template's context (content objects): what a
        snapshot keeps."""
        return replace(self, context={})
