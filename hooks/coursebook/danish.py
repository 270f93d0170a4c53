"""Danish dates, times and lists for participants, formatted by Babel (CLDR).

Babel's own interval formats abbreviate the months ("15.–26. feb. 2027"), so
the ranges are put together from explicit CLDR patterns. Babel is imported
when a date is first formatted: a build replayed from its cache formats none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


@cache
def _danish() -> Locale:
    from babel import Locale

    return Locale.parse("da")


def _date(day: dt.date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=_danish())


def weekday(day: dt.date) -> str:
    """'tirsdag'"""
    return _date(day, "EEEE")


def long_date(day: dt.date) -> str:
    """'tirsdag den 9. februar 2027'"""
    return _date(day, "EEEE 'den' d. MMMM y")


def short_date(day: dt.date) -> str:
    """'9. februar 2027'"""
    return _date(day, "d. MMMM y")


def clock(time: dt.time) -> str:
    """'9.00': Danish writes the hour without a leading zero and a full stop."""
    from babel.dates import format_time

    return format_time(time, "H.mm", locale=_danish())


def date_range(first: dt.date, last: dt.date) -> str:
    """'15.–26. februar 2027', '22. februar – 5. marts 2027' or across years."""
    if first == last:
        return short_date(first)
    if first.year != last.year:
        return f"{short_date(first)} – {short_date(last)}"
    if first.month != last.month:
        return f"{_date(first, 'd. MMMM')} – {short_date(last)}"
    return f"{_date(first, 'd.')}–{short_date(last)}"


def and_list(items: Iterable[str]) -> str:
    """'a, b og c'"""
    from babel.lists import format_list

    return format_list(list(items), locale=_danish())
