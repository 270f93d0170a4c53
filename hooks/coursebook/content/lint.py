"""Content lint: what the schema accepts but a participant should never see.

Runs after the content has loaded, on every YAML file, and reports each finding
as FILE:LINE like the loader does: leftover placeholders, repeated list items,
empty sections, dates out of course order, and a published edition that is not
ready (past dates, no venue, no instructors, no contact).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..i18n import _
from .bundle import Content
from .editions import Schedule, is_docs_path, schedule_of
from .problems import Problem
from .yamlfile import DataPath, YamlDoc

PLACEHOLDERS = [
    # upper case, or followed by a colon: "todo-liste" is an ordinary word
    re.compile(r"\b(TODO|FIXME)\b|\b(?i:todo|fixme)\s*:"),
    re.compile(r"\bX{2,}\b"),
    re.compile(r"\bslide\s+(X+|\?+)(?!\w)", re.IGNORECASE),
    re.compile(r"\[\s*(inds[æa]e?t|udfyld)\b[^\]]*\]", re.IGNORECASE),
]
_HEADING = re.compile(r"^(#{1,6})\s+\S")


def lint_editions(
    content: Content,
    docs: dict[tuple[str, str], YamlDoc],
    today: dt.date | None = None,
    docs_dir: Path | None = None,
) -> list[Problem]:
    """Findings in the editions: undated activities, dates out of course order,
    a published edition that is not ready, files that are not in docs/."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    names: dict[str, str] = {}
    for ident, edition in content.editions.items():
        doc = docs.get(("editions", ident))
        if doc is None:
            continue
        schedule = schedule_of(content, ident)
        current = ident == content.edition_id
        problems += _undated(doc, schedule, current)
        problems += _course_order(doc, schedule)
        problems += _published(doc, schedule, current, today)
        if docs_dir is not None and docs_dir.is_dir():
            problems += _missing_files(doc, schedule, docs_dir)
        if edition.name in names:
            message = _(
                "name: '{name}' is also the name of the edition '{other}'; give "
                "each cohort its own name"
            ).format(name=edition.name, other=names[edition.name])
            problems.append(doc.problem(("name",), message, "warning"))
        names.setdefault(edition.name, ident)
    return problems


def lint_texts(docs: Iterable[YamlDoc]) -> list[Problem]:
    """The findings that need no valid content (placeholders, repeats, empty
    sections), so they are reported even when a file has schema errors."""
    return [p for doc in docs if doc.data is not None for p in _text_findings(doc)]


# --- findings in any text ----------------------------------------------------


def _text_findings(doc: YamlDoc) -> list[Problem]:
    problems = []
    for loc, value in _walk(doc.data, ()):
        name = _name(loc)
        if isinstance(value, str):
            for pattern in PLACEHOLDERS:
                match = pattern.search(value)
                if match:
                    message = _(
                        "{name}: '{text}' looks like a placeholder left in the "
                        "text; write the real text or remove it"
                    ).format(name=name, text=match.group(0))
                    problems.append(doc.problem(loc, message, "warning"))
                    break
            for heading in _empty_headings(value):
                message = _("{name}: the section '{heading}' has no text under it")
                problems.append(
                    doc.problem(
                        loc, message.format(name=name, heading=heading), "warning"
                    )
                )
        elif isinstance(value, list):
            seen: dict[str, int] = {}
            for index, item in enumerate(value):
                key = _normalised(item)
                if key in seen:
                    first = seen[key]
                    message = _(
                        "{name}[{index}] repeats {name}[{first}] (line {line}); "
                        "remove one of them"
                    ).format(
                        name=name,
                        index=index,
                        first=first,
                        line=doc.line_of((*loc, first)),
                    )
                    problems.append(doc.problem((*loc, index), message, "warning"))
                seen.setdefault(key, index)
        elif value is None or value == {}:
            message = _(
                "{name}: the section is empty; fill it in or remove the line "
                "(write [] for a list that is empty on purpose)"
            ).format(name=name)
            problems.append(doc.problem(loc, message, "warning"))
    return problems


def _walk(data: Any, loc: DataPath) -> Iterator[tuple[DataPath, Any]]:
    """Every value below the top level, with its path."""
    if loc:
        yield loc, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*loc, index))


def _name(loc: DataPath) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else ("." if name else "") + part
    return name


def _normalised(item: Any) -> str:
    """Items that differ only in spacing or case count as the same."""
    if isinstance(item, str):
        return " ".join(item.split()).casefold()
    return json.dumps(item, sort_keys=True, default=str, ensure_ascii=False).casefold()


def _empty_headings(text: str) -> list[str]:
    """Markdown headings followed by nothing before the next heading at their level."""
    lines = [line for line in text.splitlines() if line.strip()]
    empty = []
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if not match:
            continue
        level = len(match.group(1))
        following = lines[index + 1] if index + 1 < len(lines) else None
        next_heading = _HEADING.match(following) if following else None
        if following is None or (next_heading and len(next_heading.group(1)) <= level):
            empty.append(line.lstrip("#").strip())
    return empty


# --- the edition's dates -----------------------------------------------------


def _undated(doc: YamlDoc, schedule: Schedule, current: bool) -> list[Problem]:
    """Activities the edition has no session for: fine while drafting, not
    in the published edition being built."""
    published = schedule.edition.status == "offentliggjort"
    problems = []
    for slot in schedule.slots:
        if slot.session is None:
            message = _(
                "sessions: no date for the activity '{id}' ({label}); its page "
                "says 'dato følger'. Add '{id}:' with date, start and end"
            ).format(id=slot.ident, label=slot.activity.label)
            severity = "error" if published and current else "warning"
            problems.append(doc.problem(("sessions",), message, severity))
    return problems


def _course_order(doc: YamlDoc, schedule: Schedule) -> list[Problem]:
    """Activities follow each other, and each TRIO meeting falls between them."""
    problems = []
    previous = None
    for slot in schedule.dated:
        date = slot.session.date
        if previous is not None and slot.starts < previous.ends:
            if date == previous.session.date:
                message = _(
                    "sessions.{id}.date: {date} {start} is not after {other}, "
                    "which ends {end}; the activities must be dated in course order"
                ).format(
                    id=slot.ident,
                    date=date,
                    start=f"{slot.session.start:%H:%M}",
                    other=previous.ident,
                    end=f"{previous.session.end:%H:%M}",
                )
            else:
                message = _(
                    "sessions.{id}.date: {date} is not after {other} ({other_date}); "
                    "the activities must be dated in course order"
                ).format(
                    id=slot.ident,
                    date=date,
                    other=previous.ident,
                    other_date=previous.session.date,
                )
            problems.append(doc.problem(("sessions", slot.ident, "date"), message))
        window = slot.before.trio_meeting if slot.before else None
        if window is not None:
            where = ("before", slot.ident, "trio_meeting")
            name = f"before.{slot.ident}.trio_meeting"
            if window.last_day < window.first_day:
                message = _(
                    "{name}.last_day: {last} is before first_day {first}"
                ).format(name=name, last=window.last_day, first=window.first_day)
                problems.append(doc.problem((*where, "last_day"), message))
            if window.last_day >= date:
                message = _(
                    "{name}.last_day: {last} is not before {id} ({date}); the "
                    "meeting comes before it"
                ).format(name=name, last=window.last_day, id=slot.ident, date=date)
                problems.append(doc.problem((*where, "last_day"), message))
            if previous is not None and window.first_day <= previous.session.date:
                message = _("{name}.first_day: {first} is not after {id} ({date})")
                message = message.format(
                    name=name,
                    first=window.first_day,
                    id=previous.ident,
                    date=previous.session.date,
                )
                problems.append(doc.problem((*where, "first_day"), message))
        previous = slot
    return problems


def _published(
    doc: YamlDoc, schedule: Schedule, current: bool, today: dt.date
) -> list[Problem]:
    """A published edition is complete, real and (if built now) still ahead."""
    edition = schedule.edition
    if edition.status != "offentliggjort":
        return []
    problems = []
    if edition.sample:
        message = _(
            "sample: true, but the edition is marked status: offentliggjort; a "
            "sample edition has invented dates and places (set sample: false "
            "once they are real)"
        )
        problems.append(doc.problem(("sample",), message))
    for slot in schedule.dated:
        if slot.session.venue is None:
            message = _(
                "sessions.{id}: no venue, but the edition is marked status: "
                "offentliggjort"
            ).format(id=slot.ident)
            problems.append(doc.problem(("sessions", slot.ident), message))
        # an older published edition naturally lies in the past; only the
        # edition being built must still be ahead
        if current and slot.session.date < today:
            message = _(
                "sessions.{id}.date: {date} has passed, but the edition is marked "
                "status: offentliggjort; check the year"
            ).format(id=slot.ident, date=slot.session.date)
            problems.append(doc.problem(("sessions", slot.ident, "date"), message))
    if not edition.instructors:
        message = _(
            "instructors: nobody is named, but the edition is marked status: "
            "offentliggjort"
        )
        problems.append(doc.problem(("instructors",), message))
    if edition.contact is None:
        message = _(
            "contact: missing, but the edition is marked status: offentliggjort; "
            "add who participants write to"
        )
        problems.append(doc.problem((), message))
    return problems


def _missing_files(doc: YamlDoc, schedule: Schedule, docs_dir: Path) -> list[Problem]:
    problems = []
    for key, before in schedule.edition.before.items():
        for index, reading in enumerate(before.readings):
            if _missing(reading.file, docs_dir):
                message = _(
                    "before.{key}.readings[{index}].file: '{file}' is not in {folder}/"
                ).format(key=key, index=index, file=reading.file, folder=docs_dir.name)
                problems.append(
                    doc.problem(("before", key, "readings", index, "file"), message)
                )
    for index, person in enumerate(schedule.edition.instructors):
        if _missing(person.photo, docs_dir):
            message = _("instructors[{index}].photo: '{file}' is not in {folder}/")
            message = message.format(
                index=index, file=person.photo, folder=docs_dir.name
            )
            problems.append(doc.problem(("instructors", index, "photo"), message))
    return problems


def _missing(path: str | None, docs_dir: Path) -> bool:
    """A docs path that is not there (paths outside docs/ are reported as such)."""
    return bool(path) and is_docs_path(path) and not (docs_dir / path).is_file()
