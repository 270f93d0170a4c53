"""An edition that is over, kept public without personal data.

A municipality may not keep instructors' names and photos public for ever.
`coursebook archive` rebuilds a finished edition with each instructor
replaced by their role, and without their photos.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..settings import ARCHIVE_ENV as ARCHIVE_ENV  # the commands set it
from .bundle import Content

# set by `coursebook archive` for the build it runs


def without_personal_data(content: Content) -> Content:
    """The content with the built edition's instructors named by role only."""
    edition = content.edition
    if not edition.instructors:
        return content
    roles = "; ".join(person.role for person in edition.instructors)
    note = (
        "Holdet er afsluttet, og undervisernes navne og billeder er fjernet. "
        f"Holdet blev undervist af: {roles}."
    )
    anonymous = edition.model_copy(update={"instructors": [], "instructors_note": note})
    editions = {**content.editions, content.edition_id: anonymous}
    return dataclasses.replace(content, editions=editions)


def personal_files(content: Content) -> set[str]:
    """The built edition's instructor photos (paths under docs/)."""
    return {p.photo for p in content.edition.instructors if p.photo}


def last_day(content: Content, edition_id: str) -> dt.date | None:
    sessions = content.editions[edition_id].sessions.values()
    return max((session.date for session in sessions), default=None)
