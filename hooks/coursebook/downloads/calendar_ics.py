"""The cohort's dates as iCalendar files: one for the whole course, one per activity.

Each event's UID depends only on the edition and the activity, so importing a
newer file updates the participant's appointments instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.editions import Schedule, Slot, schedule_of
from ..site import routes
from .output import BuildOutput

if TYPE_CHECKING:
    from icalendar import Event

log = logging.getLogger("mkdocs.plugins.coursebook")

# A reserved domain (RFC 2606) that never changes: UIDs must not depend on
# where the site happens to be hosted, or a move would duplicate every event.
UID_DOMAIN = "coursebook.invalid"
PRODID = "-//coursebook//Kursushåndbog//DA"


def write_calendars(output: BuildOutput) -> list[Path]:
    """kalender.ics with every activity, and kalender-<activity>.ics for each."""
    from icalendar import Calendar  # only imported when the files are written

    schedule = schedule_of(output.content)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    title = f"{output.content.course.title} – {schedule.edition.name}"
    if not output.site_url:
        # info, not warning: a warning would fail a --strict build over a link
        log.info("coursebook: site_url is not set; the calendar has no links")

    def calendar(slots: list[Slot], name: str) -> Calendar:
        # Calendar.new sets NAME and X-WR-CALNAME (the name Outlook shows)
        cal = Calendar.new(
            prodid=PRODID,
            method="PUBLISH",
            calscale="GREGORIAN",
            name=name,
            uid=f"{schedule.edition_id}@{UID_DOMAIN}",
        )
        for slot in slots:
            cal.add_component(_event(slot, schedule, output, stamp))
        # VTIMEZONE for Europe/Copenhagen, covering only the years in use
        years = [slot.starts.year for slot in slots]
        cal.add_missing_timezones(
            dt.date(min(years), 1, 1), dt.date(max(years) + 1, 12, 31)
        )
        return cal

    if not schedule.dated:
        return []  # nothing to put in a calendar yet; the pages link to none
    written = []
    everything = output.downloads / routes.file_name("calendar")
    everything.write_bytes(calendar(schedule.dated, title).to_ical())
    written.append(everything)
    for slot in schedule.dated:
        path = output.downloads / routes.file_name("activity_calendar", slot.ident)
        name = f"{title}: {slot.activity.label}"
        path.write_bytes(calendar([slot], name).to_ical())
        written.append(path)
    return written


def event_uid(edition_id: str, activity_id: str) -> str:
    return f"{edition_id}.{activity_id}@{UID_DOMAIN}"


def _event(
    slot: Slot, schedule: Schedule, output: BuildOutput, stamp: dt.datetime
) -> Event:
    from icalendar import Event

    activity = slot.activity
    summary = f"{activity.label}: {activity.title}"
    if schedule.provisional:
        summary += " (foreløbig)"
    lines = [activity.subtitle] if activity.subtitle else []
    if slot.trio_meeting:
        lines.append(f"TRIO-mødet før {activity.label}: {slot.trio_meeting}.")
    url = routes.absolute_url(output.site_url, routes.page("activity", slot.ident))
    if url:
        lines.append(f"Læs mere og forbered dig: {url}")
    event = Event.new(
        uid=event_uid(schedule.edition_id, slot.ident),
        summary=summary,
        start=slot.starts,
        end=slot.ends,
        stamp=stamp,
        location=slot.place,
        description="\n\n".join(lines),
        url=url or None,
        status="TENTATIVE" if schedule.provisional else "CONFIRMED",
    )
    return event
