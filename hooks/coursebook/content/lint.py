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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .bundle import Content
from .editions import Schedule, schedule_of
from .problems import Problem
from .yamlfile import DataPath, YamlDoc, read_yaml

PLACEHOLDERS = [
    # upper case, or followed by a colon: "todo-liste" is an ordinary word
    (re.compile(r"\b(TODO|FIXME)\b|\b(?i:todo|fixme)\s*:"), "a placeholder"),
    (re.compile(r"\bX{2,}\b"), "a placeholder"),
    (re.compile(r"\bslide\s+(X+|\?+)(?!\w)", re.IGNORECASE), "a slide placeholder"),
    (re.compile(r"\[\s*inds[æa]e?t\b[^\]]*\]", re.IGNORECASE), "an insert-here note"),
]
_HEADING = re.compile(r"^(#{1,6})\s+\S")


def lint(
    content: Content, today: dt.date | None = None, docs_dir: Path | None = None
) -> list[Problem]:
    """Every finding in content, sorted by file and line.

    today decides which dates have passed; docs_dir, when it exists, is where
    files named by readings and photos must be.
    """
    today = today or dt.date.today()
    docs = _read_docs(content.root)
    problems = _texts(docs)
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
            problems.append(
                doc.problem(
                    ("name",),
                    f"name: '{edition.name}' is also the name of the edition "
                    f"'{names[edition.name]}'; give each cohort its own name",
                    "warning",
                )
            )
        names.setdefault(edition.name, ident)
    return sorted(set(problems))


def lint_texts(root: Path) -> list[Problem]:
    """The findings that need no valid content (placeholders, repeats, empty
    sections), so a check that stops at schema errors still reports them."""
    return sorted(set(_texts(_read_docs(root))))


def _texts(docs: dict[tuple[str, str], YamlDoc]) -> list[Problem]:
    return [problem for doc in docs.values() for problem in _text_findings(doc)]


def _read_docs(root: Path) -> dict[tuple[str, str], YamlDoc]:
    docs = {}
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root)
        key = (rel.parts[0] if len(rel.parts) > 1 else rel.stem, path.stem)
        docs[key] = read_yaml(path)
    return docs


# --- findings in any text ----------------------------------------------------


def _text_findings(doc: YamlDoc) -> list[Problem]:
    problems = []
    for loc, value in _walk(doc.data, ()):
        name = _name(loc)
        if isinstance(value, str):
            for pattern, what in PLACEHOLDERS:
                match = pattern.search(value)
                if match:
                    problems.append(
                        doc.problem(
                            loc,
                            f"{name}: '{match.group(0)}' looks like {what} left in "
                            "the text; write the real text or remove it",
                            "warning",
                        )
                    )
                    break
            for heading in _empty_headings(value):
                problems.append(
                    doc.problem(
                        loc,
                        f"{name}: the section '{heading}' has no text under it",
                        "warning",
                    )
                )
        elif isinstance(value, list):
            seen: dict[str, int] = {}
            for index, item in enumerate(value):
                key = _normalised(item)
                if key in seen:
                    first = seen[key]
                    problems.append(
                        doc.problem(
                            (*loc, index),
                            f"{name}[{index}] repeats {name}[{first}] (line "
                            f"{doc.line_of((*loc, first))}); remove one of them",
                            "warning",
                        )
                    )
                seen.setdefault(key, index)
        elif value is None or value == {}:
            problems.append(
                doc.problem(
                    loc,
                    f"{name}: the section is empty; fill it in or remove the line "
                    "(write [] for a list that is empty on purpose)",
                    "warning",
                )
            )
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
    return [
        doc.problem(
            ("sessions",),
            f"sessions: no date for the activity '{slot.ident}' "
            f"({slot.activity.label}); its page says 'dato følger'. Add "
            f"'{slot.ident}:' with date, start and end",
            "error" if published and current else "warning",
        )
        for slot in schedule.slots
        if slot.session is None
    ]


def _course_order(doc: YamlDoc, schedule: Schedule) -> list[Problem]:
    """Activities follow each other, and each TRIO meeting falls between them."""
    problems = []
    previous = None
    for slot in schedule.dated:
        date = slot.session.date
        if previous is not None and slot.starts < previous.ends:
            same_day = date == previous.session.date
            when = f"{date} {slot.session.start:%H:%M}" if same_day else str(date)
            before = (
                f"{previous.ident}, which ends {previous.session.end:%H:%M}"
                if same_day
                else f"{previous.ident} ({previous.session.date})"
            )
            problems.append(
                doc.problem(
                    ("sessions", slot.ident, "date"),
                    f"sessions.{slot.ident}.date: {when} is not after {before}; "
                    "the activities must be dated in course order",
                )
            )
        window = slot.before.trio_meeting if slot.before else None
        if window is not None:
            where = ("before", slot.ident, "trio_meeting")
            name = f"before.{slot.ident}.trio_meeting"
            if window.last_day < window.first_day:
                problems.append(
                    doc.problem(
                        (*where, "last_day"),
                        f"{name}.last_day: {window.last_day} is before first_day "
                        f"{window.first_day}",
                    )
                )
            if window.last_day >= date:
                problems.append(
                    doc.problem(
                        (*where, "last_day"),
                        f"{name}.last_day: {window.last_day} is not before "
                        f"{slot.ident} ({date}); the meeting comes before it",
                    )
                )
            if previous is not None and window.first_day <= previous.session.date:
                problems.append(
                    doc.problem(
                        (*where, "first_day"),
                        f"{name}.first_day: {window.first_day} is not after "
                        f"{previous.ident} ({previous.session.date})",
                    )
                )
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
    published = "the edition is marked status: offentliggjort"
    if edition.sample:
        problems.append(
            doc.problem(
                ("sample",),
                f"sample: true, but {published}; a sample edition has invented "
                "dates and places (set sample: false once they are real)",
            )
        )
    for slot in schedule.dated:
        if slot.session.venue is None:
            problems.append(
                doc.problem(
                    ("sessions", slot.ident),
                    f"sessions.{slot.ident}: no venue, but {published}",
                )
            )
        # an older published edition naturally lies in the past; only the
        # edition being built must still be ahead
        if current and slot.session.date < today:
            problems.append(
                doc.problem(
                    ("sessions", slot.ident, "date"),
                    f"sessions.{slot.ident}.date: {slot.session.date} has passed, "
                    f"but {published}; check the year",
                )
            )
    if not edition.instructors:
        problems.append(
            doc.problem(
                ("instructors",),
                f"instructors: nobody is named, but {published}",
            )
        )
    if edition.contact is None:
        problems.append(
            doc.problem((), f"contact: missing, but {published}; add who to write to")
        )
    return problems


def _missing_files(doc: YamlDoc, schedule: Schedule, docs_dir: Path) -> list[Problem]:
    problems = []
    for key, before in schedule.edition.before.items():
        for index, reading in enumerate(before.readings):
            if reading.file and not (docs_dir / reading.file).is_file():
                problems.append(
                    doc.problem(
                        ("before", key, "readings", index, "file"),
                        f"before.{key}.readings[{index}].file: '{reading.file}' is "
                        f"not in {docs_dir.name}/",
                    )
                )
    for index, person in enumerate(schedule.edition.instructors):
        if person.photo and not (docs_dir / person.photo).is_file():
            problems.append(
                doc.problem(
                    ("instructors", index, "photo"),
                    f"instructors[{index}].photo: '{person.photo}' is not in "
                    f"{docs_dir.name}/",
                )
            )
    return problems
