"""Read content/ into typed models, one file at a time, in coordinators' words.

This is the first stage of `validation.validate`: every YAML file is read
(yamlfile) and checked against its model (model.py); each pydantic error
becomes a Danish FILE:LINE problem. Checks across files live in rules.py.
`load_content` is the short way to get validated content for code and tests.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..i18n import _
from .model import Activity, Course, Edition, Glossary, Plan, Tool
from .problems import Problem, display_path, suggest
from .yamlfile import DataPath, YamlDoc, read_yaml

# folder (or file) → model; the id of a file in a folder is its stem
FOLDERS: dict[str, type[BaseModel]] = {
    "activities": Activity,
    "tools": Tool,
    "plans": Plan,
    "editions": Edition,
}
FILES: dict[str, type[BaseModel]] = {"course.yml": Course, "glossary.yml": Glossary}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
Key = tuple[str, str]


@dataclass
class Read:
    """Every content file read and checked against its model."""

    root: Path
    docs: dict[Key, YamlDoc] = field(default_factory=dict)
    paths: dict[Key, list[Path]] = field(default_factory=dict)
    models: dict[Key, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def present(self, kind: str) -> list[str]:
        """Ids of the files of a kind, whether or not they validated."""
        return [ident for (k, ident) in self.paths if k == kind]

    def loaded(self, kind: str) -> dict[str, Any]:
        return {i: m for (k, i), m in self.models.items() if k == kind}

    def all_loaded(self, kind: str) -> bool:
        return len(self.loaded(kind)) == len(self.present(kind))


def read_content(root: Path) -> Read:
    """Read and model-check every file under root (a missing folder is reported)."""
    read = Read(root)
    if not root.is_dir():
        message = _("the content folder was not found")
        read.problems.append(Problem(display_path(root), 1, "error", message))
        return read
    for name, model in FILES.items():
        path = root / name
        if not path.exists():
            path = path.with_suffix(".yaml")
        stem = Path(name).stem
        if path.exists():
            _read(read, path, (stem, stem), model)
        elif name == "course.yml":
            message = _("course.yml is missing; it holds the course's title and texts")
            read.problems.append(
                Problem(display_path(root / name), 1, "error", message)
            )
    for folder, model in FOLDERS.items():
        # x.yml before x.yaml: the second of the two is the one reported
        for path in sorted(
            (root / folder).glob("*"), key=lambda p: (p.stem, p.suffix != ".yml")
        ):
            if path.suffix in (".yml", ".yaml") and path.is_file():
                _read(read, path, (folder, path.stem), model)
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root)
        known = (
            str(rel.with_suffix(".yml")) in FILES
            or (len(rel.parts) == 2 and rel.parts[0] in FOLDERS)
            or rel.parts[0] == "schemas"
        )
        if not known:
            message = _(
                "this file is not read: content files belong in course.yml, "
                "glossary.yml or the folders {folders}"
            ).format(folders=", ".join(FOLDERS))
            read.problems.append(Problem(display_path(path), 1, "warning", message))
    return read


def _read(read: Read, path: Path, key: Key, model: type[BaseModel]) -> None:
    read.paths.setdefault(key, []).append(path)
    if len(read.paths[key]) > 1:
        return  # the same id twice (.yml and .yaml): rules.py reports it
    doc = read_yaml(path)
    read.docs[key] = doc
    read.problems.extend(doc.problems)
    if doc.data is None:
        return
    if not isinstance(doc.data, dict):
        message = _("expected fields such as 'name: …', found {found}").format(
            found=found(doc.data)
        )
        read.problems.append(doc.problem((), message))
        doc.data = None
        return
    try:
        read.models[key] = model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            read.problems.append(_explain(error, doc, model))


# --- pydantic errors in coordinators' words ---------------------------------


def _explain(error: dict[str, Any], doc: YamlDoc, model: type[BaseModel]) -> Problem:
    loc: DataPath = tuple(error["loc"])
    name = field_name(loc)
    kind = error["type"]
    value = found(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        allowed = _fields_at(model, loc[:-1])
        message = _("{name}: this field is required but missing").format(name=name)
        description = allowed.get(str(loc[-1])) if allowed else None
        if description:
            message += f" ({description})"
        # a missing field is added where its parent starts
        return doc.problem(loc[:-1], message)
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        message = _("'{key}' is not a field here").format(key=loc[-1]) + suggest(
            str(loc[-1]), list(allowed)
        )
        if allowed:
            message += _("; allowed here: {names}").format(names=", ".join(allowed))
        return doc.problem(loc, message)
    if kind == "literal_error":
        choices = " / ".join(re.findall(r"'([^']*)'", str(ctx.get("expected"))))
        template = _("{name}: expected one of {choices}, found {found}")
        message = template.format(name=name, choices=choices, found=value)
    elif kind == "string_pattern_mismatch":
        if "[a-z0-9]" in str(ctx.get("pattern", "")):
            message = _(
                "{name}: expected an id of lowercase letters, digits and hyphens "
                "(e.g. modul-1), found {found}"
            ).format(name=name, found=value)
            guess = as_id(str(error.get("input")))
            if guess and guess != error.get("input"):
                message += _("; write {id}").format(id=guess)
        else:
            message = _(
                "{name}: expected a web address starting with https://, found {found}"
            ).format(name=name, found=value)
    elif kind in ("string_too_short", "too_short"):
        message = _("{name}: must not be empty").format(name=name)
    elif kind == "string_type":
        message = _("{name}: expected text, found {found}").format(
            name=name, found=value
        )
    elif kind == "list_type":
        message = _(
            "{name}: expected a list (lines starting with '- '), found {found}"
        ).format(name=name, found=value)
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = _("{name}: expected fields such as 'name: …', found {found}").format(
            name=name, found=value
        )
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        message = _("{name}: expected a whole number, found {found}").format(
            name=name, found=value
        )
    elif kind in ("bool_parsing", "bool_type"):
        message = _("{name}: expected true or false, found {found}").format(
            name=name, found=value
        )
    elif kind.startswith("date") or kind == "date_year":
        message = _("{name}: expected a date as YYYY-MM-DD, found {found}").format(
            name=name, found=value
        )
        hint = date_hint(error.get("input"))
        if hint:
            message += _("; did you mean {date}?").format(date=hint)
    elif kind == "clock" or kind.startswith("time"):
        message = _("{name}: expected a time as HH:MM, found {found}").format(
            name=name, found=value
        )
        if ctx.get("hint"):
            message += _("; write {time}").format(time=ctx["hint"])
    elif kind == "email":
        message = _(
            "{name}: expected an e-mail address such as kursus@nyborg.dk, found {found}"
        ).format(name=name, found=value)
    elif kind == "greater_than_equal":
        message = _("{name}: must be at least {limit}, found {found}").format(
            name=name, limit=ctx.get("ge"), found=value
        )
    else:
        message = _("{name}: the value {found} is not allowed here").format(
            name=name, found=value
        )
    return doc.problem(loc, message)


def field_name(loc: DataPath) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + str(part)
    return name or _("the file")


def _fields_at(model: type[BaseModel], loc: DataPath) -> dict[str, str]:
    """Field names (with descriptions) of the model found at loc inside model."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            # a dict keyed by id (sessions.modul-1): its values' model
            continue
        current = _inner_model(info.annotation)
        if current is None:
            return {}
    fields = getattr(current, "model_fields", {})
    return {name: (info.description or "") for name, info in fields.items()}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None


def found(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, int | float):
        return _("the number {number}").format(number=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of fields")
    return f"'{value}'"


_SPELLED = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"}


def as_id(text: str) -> str:
    """'Forår 2027' → 'foraar-2027': the id a coordinator probably meant."""
    text = "".join(_SPELLED.get(char, char) for char in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def date_hint(value: Any) -> str | None:
    """'1/2/2028' or '1.2.2028' (Danish day/month/year) → '2028-02-01'."""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*", value)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
