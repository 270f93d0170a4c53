"""One cohort's schedule: the edition's dates joined to the course's activities.

Pages, the calendar, the lint and `coursebook new-edition` all read dates and
places through this view; dates and times are put in Danish by danish.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..danish import clock, date_range, long_date
from ..i18n import _
from .bundle import Content
from .model import Activity, Before, Edition, Session, Venue
from .problems import Problem, suggest
from .yamlfile import YamlDoc

# The course runs in Denmark; every time in an edition file is Danish time.
TIMEZONE = ZoneInfo("Europe/Copenhagen")


def venue_text(venue: Venue | None) -> str:
    """One line: name, room, address; or a placeholder while not decided."""
    if venue is None:
        return "Sted følger"
    return ", ".join(part for part in (venue.name, venue.room, venue.address) if part)


# --- the schedule view ------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One activity of the course as this cohort meets it.

    session is None while a draft edition has no date for the activity yet
    (e.g. just after an activity was added); `coursebook check` reports it.
    """

    ident: str
    activity: Activity
    session: Session | None
    before: Before | None

    @property
    def starts(self) -> dt.datetime | None:
        if self.session is None:
            return None
        return dt.datetime.combine(self.session.date, self.session.start, TIMEZONE)

    @property
    def ends(self) -> dt.datetime | None:
        if self.session is None:
            return None
        return dt.datetime.combine(self.session.date, self.session.end, TIMEZONE)

    @property
    def day(self) -> str:
        return long_date(self.session.date) if self.session else "dato følger"

    @property
    def hours(self) -> str:
        if self.session is None:
            return "tid følger"
        return f"{clock(self.session.start)}–{clock(self.session.end)}"

    @property
    def place(self) -> str:
        return venue_text(self.session.venue if self.session else None)

    @property
    def iso_start(self) -> str:
        """For <time datetime="…">."""
        starts = self.starts
        return starts.isoformat(timespec="minutes") if starts else ""

    @property
    def trio_meeting(self) -> str | None:
        window = self.before.trio_meeting if self.before else None
        return date_range(window.first_day, window.last_day) if window else None


@dataclass(frozen=True)
class Schedule:
    edition_id: str
    edition: Edition
    slots: list[Slot]

    def slot(self, ident: str) -> Slot:
        return next(slot for slot in self.slots if slot.ident == ident)

    @property
    def dated(self) -> list[Slot]:
        """The slots that have a date, in course order."""
        return [slot for slot in self.slots if slot.session is not None]

    @property
    def venues(self) -> list[tuple[Venue, list[Slot]]]:
        """Each distinct venue with the activities held there, in course order."""
        found: list[tuple[Venue, list[Slot]]] = []
        for slot in self.dated:
            venue = slot.session.venue if slot.session else None
            if venue is None:
                continue
            for known, slots in found:
                if known == venue:
                    slots.append(slot)
                    break
            else:
                found.append((venue, [slot]))
        return found

    @property
    def span(self) -> str | None:
        """The edition's dates in Danish, e.g. "9. februar – 4. maj 2027"."""
        days = [slot.session.date for slot in self.dated if slot.session]
        return date_range(min(days), max(days)) if days else None

    @property
    def has_before(self) -> bool:
        return any(slot.before for slot in self.slots)

    @property
    def provisional(self) -> bool:
        return self.edition.status == "udkast" or self.edition.sample


def schedule_of(content: Content, edition_id: str | None = None) -> Schedule:
    """The schedule of an edition (the one being built unless named)."""
    ident = edition_id or content.edition_id
    edition = content.editions[ident]
    slots = [
        Slot(key, activity, edition.sessions.get(key), edition.before.get(key))
        for key, activity in content.activities.items()
    ]
    return Schedule(ident, edition, slots)


# --- cross-checks run by the loader -----------------------------------------


def check_edition(
    doc: YamlDoc, edition: Edition | None, activities: list[str]
) -> list[Problem]:
    """Errors that make an edition unbuildable: an unknown activity, a session
    that ends before it starts, a reading with two sources, a path outside docs/.

    The activity keys are read from the file's data, so they are checked even
    when another field is wrong (edition is None then). An activity without a
    session is not an error here: a draft may not have every date yet (the
    lint reports it), and an activity added to the course must not break
    every older edition file.
    """
    problems: list[Problem] = []
    data = doc.data if isinstance(doc.data, dict) else {}
    for field in ("sessions", "before"):
        keys = data.get(field)
        for key in keys if isinstance(keys, dict) else {}:
            if key not in activities:
                message = _("{field}: there is no activity '{id}'").format(
                    field=field, id=key
                ) + suggest(str(key), activities, _("known activities"))
                problems.append(doc.problem((field, str(key)), message))
    if edition is None:
        return problems
    for key, session in edition.sessions.items():
        if session.end <= session.start:
            message = _("sessions.{id}.end: {end} is not after start {start}").format(
                id=key, end=f"{session.end:%H:%M}", start=f"{session.start:%H:%M}"
            )
            problems.append(doc.problem(("sessions", key, "end"), message))
    for key, before in edition.before.items():
        for index, reading in enumerate(before.readings):
            loc = ("before", key, "readings", index)
            name = f"before.{key}.readings[{index}]"
            if reading.url and reading.file:
                message = _("{name}: give either url or file, not both")
                problems.append(doc.problem(loc, message.format(name=name)))
            if reading.file and not is_docs_path(reading.file):
                problems.append(doc.problem((*loc, "file"), _bad_path(name + ".file")))
    for index, person in enumerate(edition.instructors):
        if person.photo and not is_docs_path(person.photo):
            name = f"instructors[{index}].photo"
            problems.append(
                doc.problem(("instructors", index, "photo"), _bad_path(name))
            )
    return problems


def is_docs_path(path: str) -> bool:
    """A path written relative to docs/ that stays inside it."""
    parts = path.split("/")
    return not (
        path.startswith("/")
        or ".." in parts
        or "\\" in path
        or any(" " in p for p in parts)
        or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path)
    )


def _bad_path(name: str) -> str:
    return _(
        "{name}: expected a path inside docs/ without spaces, e.g. filer/artikel.pdf"
    ).format(name=name)
