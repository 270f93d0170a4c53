"""Where a cohort stands on a fixed date: its next step and its banner state
(content/dates.py), for the shipped Forår 2027 edition:
workshop 9 Feb, Modul 1 9 Mar, Modul 2 6 Apr, Modul 3 4 May 2027."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, replace
from coursebook.content.dates import (
    newer_edition,
    state_at,
    step_at,
    steps,
)
from coursebook.content.editions import TIMEZONE, schedule_of
from coursebook.content.validation import load_content
from coursebook.site.pages import plan_pages, render_spec

SPRING = "foraar-2027"


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=TIMEZONE)


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)[0]


@pytest.fixture(scope="module")
def spring(content):
    return schedule_of(content, SPRING)


def describe(step) -> str:
    return f"{step.kind} {step.slot.ident}" if step.slot else step.kind


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (at(2026, 11, 1), "before workshop"),  # long before the course
        (at(2027, 2, 8, 23, 59), "before workshop"),
        (at(2027, 2, 9, 0, 0), "today workshop"),
        (at(2027, 2, 9, 20, 0), "today workshop"),  # the whole course day
        (at(2027, 2, 10, 0, 0), "before modul-1"),
        (at(2027, 3, 20), "before modul-2"),  # between Modul 1 and Modul 2
        (at(2027, 4, 5, 23, 59), "before modul-2"),
        (at(2027, 4, 6, 8, 0), "today modul-2"),  # the day of Modul 2
        (at(2027, 4, 7, 0, 0), "before modul-3"),
        (at(2027, 5, 4, 15, 0), "today modul-3"),
        (at(2027, 5, 5, 0, 0), "after"),  # the day after the last activity
        (at(2030, 1, 1), "after"),
    ],
)
def test_next_step_on_a_fixed_date(spring, when, expected) -> None:
    assert describe(step_at(spring, when)) == expected


def test_next_step_carries_what_to_do_before_modul_2(spring) -> None:
    step = step_at(spring, at(2027, 3, 20))
    assert step.slot.trio_meeting == "15.–24. marts 2027"
    assert step.slot.activity.plans == ["udviklingsplan", "handleplan"]
    assert step.slot.place.startswith("Nyborg Rådhus")
    assert step.slot.hours == "9.00–15.30"


def test_windows_cover_all_time_without_gaps(spring) -> None:
    found = steps(spring)
    assert found[0].window.starts is None and found[-1].window.ends is None
    for earlier, later in zip(found, found[1:], strict=False):
        assert earlier.window.ends == later.window.starts
    # the switch to summer time (28 March 2027) moves no boundary off midnight
    modul_2_day = next(
        s for s in found if s.kind == "today" and s.slot.ident == "modul-2"
    )
    assert modul_2_day.window.starts.isoformat() == "2027-04-06T00:00:00+02:00"
    assert modul_2_day.window.ends.isoformat() == "2027-04-07T00:00:00+02:00"


@pytest.mark.parametrize(
    ("when", "state"),
    [
        (at(2027, 1, 15), "upcoming"),  # before the first activity
        (at(2027, 2, 8, 23, 59), "upcoming"),
        (at(2027, 2, 9, 0, 0), "running"),
        (at(2027, 3, 20), "running"),  # during the course
        (at(2027, 5, 4, 23, 59), "running"),
        (at(2027, 5, 5, 0, 0), "over"),  # after the last activity
    ],
)
def test_banner_state_on_a_fixed_date(spring, when, state) -> None:
    assert state_at(spring, when) == state


def test_the_autumn_edition_is_newer_than_spring_and_none_is_newer_than_autumn(
    content,
) -> None:
    assert newer_edition(content, SPRING) == "efteraar-2027"
    assert newer_edition(content, "efteraar-2027") is None


def test_an_edition_without_dates_is_upcoming_and_newer_than_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    autumn = folder / "editions" / "efteraar-2027.yml"
    text = autumn.read_text(encoding="utf-8")
    autumn.write_text(
        text.split("sessions:")[0] + "sessions: {}\nbefore: {}\n"
        "instructors: []\ncontact:\n  name: X\n  email: x@example.com\n",
        encoding="utf-8",
    )
    content = load_content(folder)[0]
    draft = schedule_of(content, "efteraar-2027")
    assert steps(draft) == []
    assert step_at(draft, at(2027, 10, 1)) is None
    assert state_at(draft, at(2027, 10, 1)) == "upcoming"
    # a next edition without dates does not make spring a past edition
    assert newer_edition(content, SPRING) is None


def test_two_activities_on_one_day_share_the_day(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    replace(
        folder / "editions" / f"{SPRING}.yml", "date: 2027-03-09", "date: 2027-02-09"
    )
    spring = schedule_of(load_content(folder)[0], SPRING)
    assert describe(step_at(spring, at(2027, 2, 9))) == "today workshop"
    assert describe(step_at(spring, at(2027, 2, 10))) == "before modul-2"
    assert len(steps(spring)) == 7  # three course days: before and today each, after


def test_the_next_step_names_the_readings_to_do_before_it(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    text = (folder / "editions" / f"{SPRING}.yml").read_text(encoding="utf-8")
    text = text.replace(
        "      last_day: 2027-03-24\n    readings: []",
        "      last_day: 2027-03-24\n    readings:\n"
        "      - title: Psykologisk tryghed i teamet\n"
        "        author: A. Forfatter\n        year: 2024\n"
        "        url: https://example.com/artikel\n",
        1,
    )
    (folder / "editions" / f"{SPRING}.yml").write_text(text, encoding="utf-8")
    content = load_content(folder)[0]
    front = next(spec for spec in plan_pages(content) if spec.src == "index.md")
    markdown = render_spec(front, content)
    step = markdown.split('data-cb-from="2027-03-10T00:00:00+01:00"')[1]
    step = step.split("</div>")[0]
    assert "Næste gang: <a" in step and "Modul 2" in step
    assert (
        '<li>Læs <a href="https://example.com/artikel">Psykologisk tryghed i '
        "teamet</a>, A. Forfatter (2024).</li>"
    ) in step
    assert "Mød din TRIO i perioden 15.–24. marts 2027." in step
