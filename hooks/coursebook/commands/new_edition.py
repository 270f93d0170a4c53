"""`coursebook new-edition`: start the next cohort from an earlier edition file.

The copy is edited as text, not re-dumped from data, so the coordinator's
comments, quoting and layout survive; only the values that must change are
rewritten (dates, status, name, "Nyt i denne udgave"), and the result is
validated before it is written. Nothing of a sample edition is carried over
as if it were real: the sample notice, "(eksempel)" places and names and
example.com addresses become fields marked FILL_IN, which `coursebook check`
lists until they are filled in (and `publish` refuses).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..content.bundle import Content
from ..content.editions import Schedule, schedule_of
from ..content.model import Edition
from ..content.yamlfile import read_yaml

_DATE_FIELDS = {"date", "first_day", "last_day"}
# a marked field to fill in; content/lint.py reports "[udfyld …]" as a placeholder
FILL_IN = "[udfyld: {what}]"
_SAMPLE_TEXT = re.compile(r"eksempeludgave|\(eksempel\)|\beksempler?\b", re.IGNORECASE)
_EXAMPLE_EMAIL = re.compile(
    r"@(example\.(com|org|net)|[\w.-]+\.(invalid|example|test))$"
)
_SHIFTED_SECTIONS = {"sessions", "before"}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class NewEditionError(Exception):
    """A problem the coordinator can fix; the message is shown as is."""


@dataclass(frozen=True)
class NewEdition:
    path: Path
    edition: Edition
    old: Schedule
    shift: dt.timedelta
    name_guessed: bool


def create_edition(
    content: Content,
    new_id: str,
    old_id: str,
    start: dt.date,
    name: str | None = None,
    today: dt.date | None = None,
) -> NewEdition:
    """Write editions/<new_id>.yml: old_id's file with every date moved so the
    first activity falls on start, status udkast and no "Nyt i denne udgave"."""
    if not _ID.match(new_id):
        raise NewEditionError(
            f"'{new_id}' kan ikke bruges som id: brug små bogstaver, tal og "
            "bindestreger, fx efteraar-2027"
        )
    if old_id not in content.editions:
        known = ", ".join(sorted(content.editions))
        raise NewEditionError(
            f"Udgaven '{old_id}' findes ikke. Kendte udgaver: {known}"
        )
    folder = content.root / "editions"
    source = next(folder.glob(f"{old_id}.y*ml"))
    target = folder / f"{new_id}.yml"
    if new_id in content.editions or target.exists():
        raise NewEditionError(f"Udgaven '{new_id}' findes allerede: {target}")
    old = schedule_of(content, old_id)
    if not old.dated:
        raise NewEditionError(f"Udgaven '{old_id}' har ingen datoer at flytte")
    shift = start - old.dated[0].session.date
    guessed = name is None
    name = name or guess_name(new_id)
    text = shift_text(
        source.read_text(encoding="utf-8"), shift, name, today or dt.date.today()
    )
    text = _new_header(text, name, old_id, today or dt.date.today())
    # the text edit must give a valid edition with every date moved by the shift
    copy = read_yaml(source, text)
    try:
        if copy.problems or copy.data is None:
            raise NewEditionError("; ".join(p.message for p in copy.problems))
        edition = Edition.model_validate(copy.data)
    except (NewEditionError, ValidationError) as exc:
        raise NewEditionError(f"Kopien af {source} blev ugyldig ({exc})") from None
    for key, session in old.edition.sessions.items():
        if edition.sessions[key].date != session.date + shift:
            raise NewEditionError(
                f"Datoen for {key} i {source} kunne ikke flyttes; skriv den som "
                "ÅÅÅÅ-MM-DD. Ingen fil er oprettet."
            )
    target.write_text(text, encoding="utf-8")
    return NewEdition(target, edition, old, shift, guessed)


def guess_name(ident: str) -> str:
    """'efteraar-2027' → 'Efterår 2027' (Danish letters spelt out in ids)."""
    words = ident.split("-")
    spelled = [
        word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø") for word in words
    ]
    return " ".join(spelled).capitalize()


def shift_text(text: str, shift: dt.timedelta, name: str, today: dt.date) -> str:
    """The edition file's text with its values for the new cohort."""
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        raise NewEditionError("Udgavefilen skal være en liste af felter (name, ...)")
    edits: list[tuple[int, int, str]] = []
    for key, value in root.value:
        field = key.value
        if field == "status":
            edits.append(_replace(value, "udkast"))
        elif field == "sample" and isinstance(value, yaml.ScalarNode):
            edits.append(_replace(value, "false"))
        elif field == "notice" and _is_sample(value):
            what = "en besked til deltagerne, eller slet feltet"
            edits.append(_replace(value, _yaml_text(FILL_IN.format(what=what))))
        elif field == "contact":
            edits += _fill_in_sample(value, "contact")
        elif field == "name":
            edits.append(_replace(value, _yaml_text(name)))
        elif field == "updated" and isinstance(value, yaml.ScalarNode):
            edits.append(_replace(value, today.isoformat()))
        elif field == "changes":
            edits.append(_empty_list(text, key, value))
        elif field in _SHIFTED_SECTIONS:
            edits += _shift_dates(value, shift) + _fill_in_sample(value, field)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _is_sample(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and bool(_SAMPLE_TEXT.search(node.value))


def _fill_in_sample(node: yaml.Node, field: str) -> list[tuple[int, int, str]]:
    """Sample names and addresses below node, replaced by marked fields."""
    edits = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(value, yaml.ScalarNode):
                edits += _fill_in_sample(value, key.value)
            elif key.value == "email" and _EXAMPLE_EMAIL.search(value.value):
                edits.append(_replace(value, "udfyld@udfyld.invalid"))
            elif key.value == "name" and "(eksempel)" in value.value:
                what = "sted" if field == "venue" else "navn"
                edits.append(_replace(value, _yaml_text(FILL_IN.format(what=what))))
    return edits


def _new_header(text: str, name: str, old_id: str, today: dt.date) -> str:
    """The old file's opening comment (about that cohort) gives way to one
    about the new file; the schema line stays first."""
    lines = text.splitlines(keepends=True)
    keep = [line for line in lines[:1] if line.startswith("# yaml-language-server")]
    rest = lines[len(keep) :]
    while rest and rest[0].lstrip().startswith("#"):
        rest.pop(0)
    header = [
        f"# {name}: oprettet {today.isoformat()} med coursebook new-edition ud fra "
        f"{old_id}.\n",
        "# Udfyld felterne mærket [udfyld: …], og tjek datoer, tider og steder.\n",
    ]
    return "".join(keep + header + rest)


def _shift_dates(node: yaml.Node, shift: dt.timedelta) -> list[tuple[int, int, str]]:
    edits = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in _DATE_FIELDS and isinstance(value, yaml.ScalarNode):
                try:
                    day = dt.date.fromisoformat(value.value)
                except ValueError:
                    continue  # not a date; the schema check reports it
                edits.append(_replace(value, (day + shift).isoformat()))
            else:
                edits += _shift_dates(value, shift)
    return edits


def _replace(node: yaml.Node, new: str) -> tuple[int, int, str]:
    """Replace one scalar, keeping the quotes it was written with."""
    start, end = node.start_mark.index, node.end_mark.index
    style = getattr(node, "style", None)
    if style in ('"', "'"):
        new = style + new.strip("\"'") + style
    elif style in ("|", ">"):
        new = json.dumps(new.strip("\"'"), ensure_ascii=False) + "\n"
    return start, end, new


def _yaml_text(value: str) -> str:
    """Plain when YAML reads it back unchanged, double-quoted otherwise."""
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def _empty_list(text: str, key: yaml.Node, value: yaml.Node) -> tuple[int, int, str]:
    """`changes: []` in place of the list, keeping comments that follow it."""
    lines = text.splitlines(keepends=True)
    first = key.start_mark.line
    last = max(first, _last_content_line(value))
    while last > first and (
        not lines[last].strip() or lines[last].lstrip().startswith("#")
    ):
        last -= 1  # blank lines and comments after the list stay
    start = sum(len(line) for line in lines[:first])
    end = sum(len(line) for line in lines[: last + 1])
    indent = lines[first][: key.start_mark.column]
    newline = "\n" if lines[last].endswith("\n") else ""
    return start, end, f"{indent}{key.value}: []{newline}"


def _last_content_line(node: yaml.Node) -> int:
    """Last line holding part of node (block nodes end on the following line)."""
    mark = node.end_mark
    line = mark.line if mark.column > 0 else mark.line - 1
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    if children:
        line = min(line, max(_last_content_line(child) for child in children))
    return max(line, node.start_mark.line)
