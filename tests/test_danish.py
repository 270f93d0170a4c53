"""Danish dates, times and lists (Babel, locale da) as participants read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from coursebook.content.editions import check_edition
from coursebook.content.yamlfile import read_yaml
from coursebook.danish import (
    and_list,
    clock,
    date_range,
    long_date,
    short_date,
    weekday,
)
from coursebook.site.render import environment
from markupsafe import Markup


def test_dates_read_in_danish() -> None:
    day = dt.date(2027, 2, 9)
    assert weekday(day) == "tirsdag"
    assert long_date(day) == "tirsdag den 9. februar 2027"
    assert short_date(day) == "9. februar 2027"
    assert long_date(dt.date(2028, 5, 21)) == "søndag den 21. maj 2028"


@pytest.mark.parametrize(
    ("time", "text"),
    [(dt.time(9, 0), "9.00"), (dt.time(13, 5), "13.05"), (dt.time(0, 30), "0.30")],
)
def test_clock_has_no_leading_zero_and_a_full_stop(time: dt.time, text: str) -> None:
    assert clock(time) == text


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        ((2027, 2, 15), (2027, 2, 15), "15. februar 2027"),
        ((2027, 2, 15), (2027, 2, 26), "15.–26. februar 2027"),
        ((2027, 2, 22), (2027, 3, 5), "22. februar – 5. marts 2027"),
        ((2027, 12, 28), (2028, 1, 4), "28. december 2027 – 4. januar 2028"),
    ],
)
def test_date_ranges_name_month_and_year_once_where_they_are_shared(
    first: tuple[int, int, int], last: tuple[int, int, int], text: str
) -> None:
    assert date_range(dt.date(*first), dt.date(*last)) == text


@pytest.mark.parametrize(
    ("items", "text"),
    [
        (["modul 1"], "modul 1"),
        (["modul 1", "modul 2"], "modul 1 og modul 2"),
        (["modul 1", "modul 2", "workshoppen"], "modul 1, modul 2 og workshoppen"),
    ],
)
def test_lists_join_with_commas_and_og(items: list[str], text: str) -> None:
    assert and_list(items) == text


def test_template_list_escapes_text_but_keeps_markup() -> None:
    template = environment().from_string("{{ items | and_list }}")
    link = Markup('<a href="x/">din plan</a>')
    assert template.render(items=["A&B", "<i>"]) == "A&amp;B og &lt;i&gt;"
    assert template.render(items=["TRIO", link]) == f"TRIO og {link}"


def test_unknown_activity_lists_the_known_ones_in_danish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COURSEBOOK_LANG", raising=False)
    path = tmp_path / "hold.yml"
    path.write_text("sessions:\n  frokost:\n    date: 2027-02-09\n", "utf-8")
    (problem,) = check_edition(read_yaml(path), None, ["modul-1", "workshop"])
    assert problem.line == 2
    assert problem.message == (
        "sessions: der findes ingen aktivitet 'frokost'; "
        "kendte aktiviteter: modul-1, workshop"
    )
