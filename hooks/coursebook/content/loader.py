"""Load content/ into a validated Content object, reporting every problem at once."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .bundle import Content
from .editions import check_edition
from .model import Activity, Course, Edition, Glossary, Plan, Tool
from .problems import ContentError, Problem, display_path
from .yamlfile import DataPath, YamlDoc, read_yaml

# folder (or file) → model; the id of a file in a folder is its stem
FOLDERS: dict[str, type[BaseModel]] = {
    "activities": Activity,
    "tools": Tool,
    "plans": Plan,
    "editions": Edition,
}
FILES: dict[str, type[BaseModel]] = {"course.yml": Course, "glossary.yml": Glossary}


def load_content(
    root: Path, edition: str | None = None, asked_by: str | None = None
) -> tuple[Content, list[Problem]]:
    """Load and check every file under root, as edition (course.yml's unless
    named; asked_by says who named it, for the message if it is missing).

    Returns the content and its warnings; raises ContentError listing every
    problem when there is at least one error.
    """
    loader = _Loader(root, asked_by)
    content = loader.run(edition or None)
    errors = [p for p in loader.problems if p.severity == "error"]
    if errors or content is None:
        raise ContentError(loader.problems)
    return content, sorted(loader.problems)


class _Loader:
    def __init__(self, root: Path, asked_by: str | None = None) -> None:
        self.root = root
        self.asked_by = asked_by
        self.problems: list[Problem] = []
        self.docs: dict[tuple[str, str], YamlDoc] = {}

    def run(self, edition: str | None) -> Content | None:
        if not self.root.is_dir():
            self.problems.append(
                Problem(display_path(self.root), 1, "error", "content folder not found")
            )
            return None
        models = self._read_all()
        grouped: dict[str, dict[str, Any]] = {name: {} for name in FOLDERS}
        for (kind, ident), model in models.items():
            if kind in grouped:
                grouped[kind][ident] = model
        activities = dict(
            sorted(grouped["activities"].items(), key=lambda item: item[1].order)
        )
        course = models.get(("course", "course"))
        self._check_references(course, activities, grouped)
        self._check_editions(activities, grouped["editions"])
        if course is None:
            if ("course", "course") not in self.docs:
                self._missing_file("course.yml")
            return None
        edition_id = edition or course.edition
        if edition_id not in self._present("editions"):
            self._edition_missing(edition_id, edition is not None, grouped["editions"])
        return Content(
            course=course,
            activities=activities,
            tools=_in_course_order(grouped["tools"], activities, "tools"),
            plans=_in_course_order(grouped["plans"], activities, "plans"),
            editions=grouped["editions"],
            edition_id=edition_id,
            glossary=models.get(("glossary", "glossary")),
            root=self.root,
        )

    # --- reading ----------------------------------------------------------

    def _read_all(self) -> dict[tuple[str, str], Any]:
        models: dict[tuple[str, str], Any] = {}
        for name, model in FILES.items():
            path = self.root / name
            stem = Path(name).stem
            if path.exists():
                self._read(path, (stem, stem), model, models)
        for folder, model in FOLDERS.items():
            for path in sorted((self.root / folder).glob("*.y*ml")):
                self._read(path, (folder, path.stem), model, models)
        for path in sorted(self.root.rglob("*.y*ml")):
            rel = path.relative_to(self.root)
            known = str(rel) in FILES or (
                len(rel.parts) == 2 and rel.parts[0] in FOLDERS
            )
            if not known:
                self.problems.append(
                    Problem(
                        display_path(path),
                        1,
                        "warning",
                        "this file is not read: content files belong in course.yml, "
                        "glossary.yml or the folders " + ", ".join(FOLDERS),
                    )
                )
        return models

    def _read(
        self,
        path: Path,
        key: tuple[str, str],
        model: type[BaseModel],
        models: dict[tuple[str, str], Any],
    ) -> None:
        doc = read_yaml(path)
        self.docs[key] = doc
        self.problems.extend(doc.problems)
        if doc.data is None:
            return
        if not isinstance(doc.data, dict):
            self.problems.append(
                doc.problem(
                    (), f"expected a mapping of fields, found {_found(doc.data)}"
                )
            )
            return
        try:
            models[key] = model.model_validate(doc.data)
        except ValidationError as exc:
            for error in exc.errors():
                self.problems.append(_explain(error, doc, model))

    def _present(self, kind: str) -> list[str]:
        """Ids of the files of a kind, whether or not they validated."""
        return [ident for (k, ident) in self.docs if k == kind]

    # --- cross-references ------------------------------------------------

    def _check_references(
        self,
        course: Course | None,
        activities: dict[str, Activity],
        grouped: dict[str, dict[str, Any]],
    ) -> None:
        """Check every reference that can be checked with what loaded."""
        known = {
            "tools": (self._present("tools"), "tool"),
            "plans": (self._present("plans"), "plan"),
        }
        if course is not None:
            known["goals"] = (
                [goal.id for goal in course.outcomes.goals],
                "learning goal",
            )
        checks = {
            "activities": known,
            "tools": {"related": known["tools"]},
            "plans": {"repeat_for": (self._present("activities"), "activity")},
        }
        for (kind, _ident), doc in self.docs.items():
            for field, (ids, what) in checks.get(kind, {}).items():
                for index, ref in _refs(doc, field):
                    if ref not in ids:
                        self.problems.append(
                            doc.problem(
                                (field, index),
                                f"{field}[{index}]: unknown {what} '{ref}'"
                                + _suggest(ref, ids, what),
                            )
                        )
        all_activities_read = len(activities) == len(self._present("activities"))
        if all_activities_read:
            used = {ref for activity in activities.values() for ref in activity.tools}
            for ident in grouped["tools"]:
                if ident not in used:
                    self.problems.append(
                        self.docs[("tools", ident)].problem(
                            (),
                            f"no activity uses the tool '{ident}'; add it to an "
                            "activity's 'tools' list or remove the file",
                            "warning",
                        )
                    )
        seen_orders: dict[int, str] = {}
        for ident, activity in activities.items():
            if activity.order in seen_orders:
                self.problems.append(
                    self.docs[("activities", ident)].problem(
                        ("order",),
                        f"order: {activity.order} is also used by "
                        f"'{seen_orders[activity.order]}'; each activity needs its own",
                    )
                )
            seen_orders[activity.order] = ident
        if course is not None and all_activities_read:
            served = {
                goal for activity in activities.values() for goal in activity.goals
            }
            course_doc = self.docs[("course", "course")]
            for index, goal in enumerate(course.outcomes.goals):
                if goal.id not in served:
                    self.problems.append(
                        course_doc.problem(
                            ("outcomes", "goals", index),
                            f"no activity lists the learning goal '{goal.id}' "
                            "in 'goals'",
                            "warning",
                        )
                    )

    def _check_editions(
        self, activities: dict[str, Activity], editions: dict[str, Edition]
    ) -> None:
        """Editions name only activities that exist (see editions.check_edition)."""
        if len(activities) != len(self._present("activities")):
            return  # an activity file failed to load; its id cannot be checked
        for ident, edition in editions.items():
            doc = self.docs[("editions", ident)]
            self.problems.extend(check_edition(doc, edition, list(activities)))

    # --- missing pieces --------------------------------------------------

    def _missing_file(self, name: str) -> None:
        self.problems.append(
            Problem(display_path(self.root / name), 1, "error", f"{name} is missing")
        )

    def _edition_missing(
        self, edition_id: str, from_override: bool, editions: dict[str, Any]
    ) -> None:
        where = self.asked_by if from_override else None
        message = f"edition '{edition_id}' not found in editions/" + _suggest(
            edition_id, list(editions), "edition"
        )
        if where:
            message += f" (asked for by {where})"
        self.problems.append(
            self.docs[("course", "course")].problem(("edition",), message)
        )


def _refs(doc: YamlDoc, field: str) -> list[tuple[int, str]]:
    """(index, id) of the ids listed under field, read from the raw data so that
    references are checked even when another field of the file is wrong."""
    values = doc.data.get(field) if isinstance(doc.data, dict) else None
    if not isinstance(values, list):
        return []
    return [(i, v) for i, v in enumerate(values) if isinstance(v, str)]


def _in_course_order(
    items: dict[str, Any], activities: dict[str, Activity], field: str
) -> dict[str, Any]:
    """Tools or plans in the order the course first uses them; unused ones last."""
    order: list[str] = []
    for activity in activities.values():
        order += [ref for ref in getattr(activity, field) if ref not in order]
    rank = {ident: index for index, ident in enumerate(order)}
    return dict(
        sorted(items.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))
    )


# --- pydantic errors in coordinators' words ---------------------------------


def _explain(error: dict[str, Any], doc: YamlDoc, model: type[BaseModel]) -> Problem:
    loc: DataPath = tuple(error["loc"])
    name = _field_name(loc)
    kind = error["type"]
    found = _found(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        allowed = _fields_at(model, loc[:-1])
        message = f"{name}: required field is missing"
        if allowed and loc[-1] in allowed:
            description = allowed[loc[-1]]
            if description:
                message += f" ({description})"
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        message = f"unknown field '{loc[-1]}'" + _suggest(
            str(loc[-1]), list(allowed), "field"
        )
        if allowed:
            message += "; allowed here: " + ", ".join(allowed)
    elif kind == "literal_error":
        message = f"{name}: expected one of {ctx.get('expected')}, found {found}"
    elif kind == "string_pattern_mismatch":
        if "[a-z0-9]" in str(ctx.get("pattern", "")):
            message = (
                f"{name}: expected an id of lowercase letters, digits and hyphens "
                f"(e.g. modul-1), found {found}"
            )
        else:
            message = (
                f"{name}: expected a web address starting with https://, found {found}"
            )
    elif kind in ("string_too_short", "too_short"):
        message = f"{name}: must not be empty"
    elif kind == "string_type":
        message = f"{name}: expected text, found {found}"
    elif kind == "list_type":
        message = f"{name}: expected a list (lines starting with '- '), found {found}"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{name}: expected a mapping of fields, found {found}"
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        message = f"{name}: expected a whole number, found {found}"
    elif kind in ("bool_parsing", "bool_type"):
        message = f"{name}: expected true or false, found {found}"
    elif kind.startswith("date"):
        message = f"{name}: expected a date as YYYY-MM-DD, found {found}"
    elif kind.startswith("time"):
        message = f"{name}: expected a time as HH:MM, found {found}"
    elif kind == "greater_than_equal":
        message = f"{name}: must be at least {ctx.get('ge')}, found {found}"
    else:
        message = f"{name}: {error['msg'].lower()}, found {found}"
    return doc.problem(loc, message)


def _field_name(loc: DataPath) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + str(part)
    return name or "file"


def _fields_at(model: type[BaseModel], loc: DataPath) -> dict[str, str]:
    """Field names (with descriptions) of the model found at loc inside model."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return {}
        current = _inner_model(info.annotation)
        if current is None:
            return {}
    fields = getattr(current, "model_fields", {})
    return {name: (info.description or "") for name, info in fields.items()}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _suggest(word: str, candidates: list[str], what: str) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    if candidates and len(candidates) <= 12:
        return f"; known {what}s: " + ", ".join(sorted(candidates))
    return ""


def _found(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"
