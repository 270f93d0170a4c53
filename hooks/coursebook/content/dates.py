"""Where a cohort stands on a given day: upcoming, running or over, and the
participant's next step.

Pages are static, so they carry every state as HTML and the reader's browser
shows the one its clock falls in (docs/assets/js/when.js). The states are
time windows computed here, once, so the front page, Praktisk information and
the edition banner agree with each other and with the tests, which ask
`step_at` and `state_at` about fixed dates.

Days run midnight to midnight, Danish time: a course day counts as "today"
from its first to its last minute, and a course is over from the day after
its last activity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..danish import long_date
from .bundle import Content
from .editions import TIMEZONE, Schedule, Slot, schedule_of

State = Literal["upcoming", "running", "over"]
StepKind = Literal["before", "today", "after"]


@dataclass(frozen=True)
class Window:
    """[starts, ends) in Danish time; None is open-ended."""

    starts: dt.datetime | None
    ends: dt.datetime | None

    def holds(self, when: dt.datetime) -> bool:
        return (self.starts is None or self.starts <= when) and (
            self.ends is None or when < self.ends
        )

    @property
    def iso_starts(self) -> str:
        return self.starts.isoformat() if self.starts else ""

    @property
    def iso_ends(self) -> str:
        return self.ends.isoformat() if self.ends else ""


@dataclass(frozen=True)
class Step:
    """What a participant does next: prepare for slot ("before"), attend it
    ("today"), or, once the course is over, anchor what they learnt ("after")."""

    kind: StepKind
    window: Window
    slot: Slot | None = None


def midnight(day: dt.date) -> dt.datetime:
    """The start of day in Denmark."""
    return dt.datetime.combine(day, dt.time(0), TIMEZONE)


def steps(schedule: Schedule) -> list[Step]:
    """Every step of the course in order; their windows cover all time
    without gaps or overlaps (an edition without dates has no steps)."""
    days: list[tuple[dt.date, list[Slot]]] = []
    for slot in sorted(schedule.dated, key=lambda s: (s.session.date, s.session.start)):
        day = slot.session.date
        if days and days[-1][0] == day:
            days[-1][1].append(slot)
        else:
            days.append((day, [slot]))
    found: list[Step] = []
    previous_end: dt.datetime | None = None
    for day, slots in days:
        start, end = midnight(day), midnight(day + dt.timedelta(days=1))
        # two activities on one day: the day's first one leads
        found.append(Step("before", Window(previous_end, start), slots[0]))
        found.append(Step("today", Window(start, end), slots[0]))
        previous_end = end
    if found:
        found.append(Step("after", Window(previous_end, None)))
    return found


def step_at(schedule: Schedule, when: dt.datetime) -> Step | None:
    """The step whose window holds when (None for an edition without dates)."""
    return next((step for step in steps(schedule) if step.window.holds(when)), None)


def course_window(schedule: Schedule) -> Window | None:
    """From the first course day's start to the end of the last course day."""
    days = [slot.session.date for slot in schedule.dated if slot.session]
    if not days:
        return None
    return Window(midnight(min(days)), midnight(max(days) + dt.timedelta(days=1)))


def state_at(schedule: Schedule, when: dt.datetime) -> State:
    """upcoming before the first course day, over after the last, else running.
    An edition without any date yet is upcoming."""
    window = course_window(schedule)
    if window is None or (window.starts and when < window.starts):
        return "upcoming"
    if window.ends and when >= window.ends:
        return "over"
    return "running"


def newer_edition(content: Content, edition_id: str | None = None) -> str | None:
    """The edition that starts soonest after edition_id does, if any.

    Editions without dates do not count: a draft begun for next year must not
    call this one "tidligere" before anyone knows when the next one starts.
    """
    ident = edition_id or content.edition_id
    mine = course_window(schedule_of(content, ident))
    if mine is None or mine.starts is None:
        return None
    later: list[tuple[dt.datetime, str]] = []
    for other in content.editions:
        if other == ident:
            continue
        theirs = course_window(schedule_of(content, other))
        if theirs and theirs.starts and theirs.starts > mine.starts:
            later.append((theirs.starts, other))
    return min(later)[1] if later else None


def banner_dates(content: Content) -> dict[str, str | None]:
    """What the edition banner (overrides/partials/edition-banner.html) needs:
    when the course starts and ends, and the newer edition's name, if any."""
    schedule = schedule_of(content)
    window = course_window(schedule)
    newer = newer_edition(content)
    return {
        "starts": window.iso_starts if window else None,
        "ends": window.iso_ends if window else None,
        "first_day": long_date(window.starts.date())
        if window and window.starts
        else None,
        "newer": content.editions[newer].name if newer else None,
    }
