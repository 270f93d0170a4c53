"""Everything a build derives from validated content, as one plain Snapshot.

The pages and their navigation, the values the theme overrides read, the
abbreviations and the name on a home screen. The pages' Markdown and the
downloads are added while MkDocs builds (handbook.py)."""

from __future__ import annotations

from pathlib import Path

from .content.bundle import Content
from .content.dates import banner_dates
from .content.editions import schedule_of
from .downloads.offline import AppName
from .site.glossary import abbreviation_markdown, abbreviation_titles
from .site.pages import build_nav, handwritten_pages, plan_pages
from .snapshot import Snapshot


def snapshot_of(
    content: Content, docs_dir: Path, warnings: list[str], hidden: set[str]
) -> Snapshot:
    """The snapshot of a build of content (warnings: the content warnings as
    logged; hidden: docs/ files the build leaves out)."""
    pages = plan_pages(content)
    edition = content.edition
    return Snapshot(
        title=content.course.title,
        nav=build_nav(pages, handwritten_pages(docs_dir)),
        extra={
            "edition": {
                "id": content.edition_id,
                "name": edition.name,
                "status": edition.status,
                "sample": edition.sample,
                "dates": schedule_of(content).span,
                **banner_dates(content),
            },
            "organiser": content.course.organiser,
        },
        warnings=warnings,
        hidden=hidden,
        pages=pages,
        app=AppName.of(content),
        abbreviations=abbreviation_markdown(content.glossary),
        titles=abbreviation_titles(content.glossary),
    )
