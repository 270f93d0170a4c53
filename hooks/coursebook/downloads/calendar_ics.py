"""The cohort's dates as iCalendar files: one for the whole course, one per activity.

Each event's UID depends only on the edition and the activity, so importing a
newer file (or a subscription's refresh) updates the participant's
appointments instead of adding copies. SEQUENCE tells the calendar program
that an event changed; it comes from the edition's history file
(calendar_history.py), so the same content always gives the same numbers.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import made_once
from ..content.bundle import Content
from ..content.editions import Schedule, Slot, schedule_of
from ..site import routes
from .calendar_history import (
    Revision,
    fingerprint,
    history_path,
    load_history,
    record,
    revision_of,
)
from .output import BuildOutput

if TYPE_CHECKING:
    from icalendar import Event

log = logging.getLogger("mkdocs.plugins.coursebook")

# A reserved domain (RFC 2606) that never changes: UIDs must not depend on
# where the site happens to be hosted, or a move would duplicate every event.
UID_DOMAIN = "coursebook.invalid"
PRODID = "-//coursebook//Kursushåndbog//DA"


@dataclass(frozen=True)
class PlannedEvent:
    """What one event says, before it becomes iCalendar text."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    location: str
    details: tuple[str, ...]  # the description, without the link to the page
    status: str
    page_src: str | None  # the page the event links to
    slot: str  # the activity it belongs to

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def fingerprint(self) -> str:
        """What a participant would notice changing; not the link, which
        depends on where the site is hosted."""
        return fingerprint(
            {
                "summary": self.summary,
                "start": self.start.isoformat(),
                "end": self.end.isoformat(),
                "location": self.location,
                "details": "\n".join(self.details),
                "status": self.status,
            }
        )


def planned_events(schedule: Schedule) -> list[PlannedEvent]:
    """Each dated activity and, before it, its TRIO meeting window (all day)."""
    events: list[PlannedEvent] = []
    status = "TENTATIVE" if schedule.provisional else "CONFIRMED"
    for slot in schedule.dated:
        window = slot.before.trio_meeting if slot.before else None
        if window is not None:
            events.append(_trio_reminder(slot, schedule, status))
        events.append(_activity_event(slot, schedule, status))
    return events


def write_calendars(output: BuildOutput) -> list[Path]:
    """kalender.ics with every event, and kalender-<activity>.ics for each activity."""
    schedule = schedule_of(output.content)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    history = load_history(history_path(output.content.root, schedule.edition_id))
    title = f"{output.content.course.title} – {schedule.edition.name}"
    if not output.site_url:
        # info, not warning: a warning would fail a --strict build over a link
        log.info("coursebook: site_url is not set; the calendar has no links")

    def calendar(events: list[PlannedEvent], name: str) -> bytes:
        # unchanged events, history and address: the same bytes as last build
        # (a new event's revision carries this build's time: key on the record)
        recorded = [history.get(planned.uid) for planned in events]
        inputs = (name, schedule.edition_id, events, recorded, output.site_url)
        return made_once("ics", inputs, lambda: make(events, name))

    def make(events: list[PlannedEvent], name: str) -> bytes:
        from icalendar import Calendar  # only imported when a file is made

        # Calendar.new sets NAME and X-WR-CALNAME (the name Outlook shows)
        cal = Calendar.new(
            prodid=PRODID,
            method="PUBLISH",
            calscale="GREGORIAN",
            name=name,
            uid=f"{schedule.edition_id}@{UID_DOMAIN}",
        )
        for planned in events:
            revision = revision_of(history, planned.uid, planned.fingerprint, stamp)
            cal.add_component(_event(planned, revision, output.site_url, stamp))
        # VTIMEZONE for Europe/Copenhagen, covering only the years in use
        years = [planned.start.year for planned in events]
        cal.add_missing_timezones(
            dt.date(min(years), 1, 1), dt.date(max(years) + 1, 12, 31)
        )
        return cal.to_ical()

    if not schedule.dated:
        return []  # nothing to put in a calendar yet; the pages link to none
    events = planned_events(schedule)
    written = []
    everything = output.downloads / routes.file_name("calendar")
    everything.write_bytes(calendar(events, title))
    written.append(everything)
    for slot in schedule.dated:
        path = output.downloads / routes.file_name("activity_calendar", slot.ident)
        name = f"{title}: {slot.activity.label}"
        own = [e for e in events if e.uid == event_uid(schedule.edition_id, slot.ident)]
        path.write_bytes(calendar(own, name))
        written.append(path)
    return written


def record_calendar_history(
    content: Content, edition_id: str, now: dt.datetime
) -> Path | None:
    """Update the edition's history file with its events as they are now
    (for `publish`); the file's path if it changed, else None."""
    schedule = schedule_of(content, edition_id)
    path = history_path(content.root, edition_id)
    prints = {e.uid: e.fingerprint for e in planned_events(schedule)}
    return path if prints and record(path, prints, now) else None


def event_uid(edition_id: str, activity_id: str) -> str:
    return f"{edition_id}.{activity_id}@{UID_DOMAIN}"


def trio_uid(edition_id: str, activity_id: str) -> str:
    return f"{edition_id}.trio-{activity_id}@{UID_DOMAIN}"


def _activity_event(slot: Slot, schedule: Schedule, status: str) -> PlannedEvent:
    activity = slot.activity
    summary = f"{activity.label}: {activity.title}"
    if schedule.provisional:
        summary += " (foreløbig)"
    details = [activity.subtitle] if activity.subtitle else []
    if slot.trio_meeting:
        details.append(f"TRIO-mødet før {activity.label}: {slot.trio_meeting}.")
    assert slot.starts is not None and slot.ends is not None
    return PlannedEvent(
        uid=event_uid(schedule.edition_id, slot.ident),
        summary=summary,
        start=slot.starts,
        end=slot.ends,
        location=slot.place,
        details=tuple(details),
        status=status,
        page_src=routes.page("activity", slot.ident),
        slot=slot.ident,
    )


def _trio_reminder(slot: Slot, schedule: Schedule, status: str) -> PlannedEvent:
    """ "Mød din TRIO før modul 2": all day, from the window's first to last day."""
    assert slot.before is not None and slot.before.trio_meeting is not None
    window = slot.before.trio_meeting
    label = slot.activity.label
    summary = f"Mød din TRIO før {label[:1].lower() + label[1:]}"
    if schedule.provisional:
        summary += " (foreløbig)"
    details = (
        f"Hold mødet med din TRIO i perioden {slot.trio_meeting}. "
        f"{label} er {slot.day}.",
    )
    return PlannedEvent(
        uid=trio_uid(schedule.edition_id, slot.ident),
        summary=summary,
        start=window.first_day,
        end=window.last_day + dt.timedelta(days=1),  # DTEND of a day is exclusive
        location="",
        details=details,
        status=status,
        page_src=routes.page("activity", slot.ident),
        slot=slot.ident,
    )


def _event(
    planned: PlannedEvent, revision: Revision, site_url: str, stamp: dt.datetime
) -> Event:
    from icalendar import Event

    url = routes.absolute_url(site_url, planned.page_src) if planned.page_src else ""
    lines = list(planned.details)
    if url:
        lines.append(f"Læs mere og forbered dig: {url}")
    event = Event.new(
        uid=planned.uid,
        summary=planned.summary,
        start=planned.start,
        end=planned.end,
        stamp=stamp,
        last_modified=revision.modified_at,
        location=planned.location or None,
        description="\n\n".join(lines),
        url=url or None,
        status=planned.status,
        # a reminder window must not show the participant as busy all week
        transparency="TRANSPARENT" if planned.all_day else "OPAQUE",
    )
    event["SEQUENCE"] = revision.sequence  # always written, 0 for a new event
    return event
