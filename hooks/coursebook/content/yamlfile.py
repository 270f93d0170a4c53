"""Read one YAML file into plain data plus a map from data path to line number.

PyYAML alone loses line numbers and silently keeps the last of two equal keys;
coordinators need both, so we compose the node tree ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, display_path

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DataPath = tuple[str | int, ...]

_UNCLOSED = re.compile(r"quoted scalar|flow (sequence|mapping)")
_SYNTAX_HINTS = {
    "mapping values are not allowed": "put text that contains ': ' in quotes",
    "could not find expected ':'": "check the indentation and that each key ends "
    "with ':'",
    "found character '\\t'": "indent with spaces, not tabs",
    "found undefined alias": "'*' starts an alias in YAML; put the text in quotes",
    "expected <block end>": "check the indentation of this line and the one above",
    "found another document": "a line with only '---' starts a second document; "
    "remove it",
}


@dataclass
class YamlDoc:
    """A parsed file: its data, where each value starts, and what went wrong."""

    path: Path
    data: Any = None
    lines: dict[DataPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: DataPath) -> int:
        """Line of the deepest known prefix of loc (1 if none)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, loc: DataPath, message: str, severity: str = "error") -> Problem:
        return Problem(display_path(self.path), self.line_of(loc), severity, message)


def read_yaml(path: Path) -> YamlDoc:
    doc = YamlDoc(path)
    shown = display_path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.problems.append(
            Problem(
                shown,
                line,
                "error",
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                "save it as UTF-8 in your editor",
            )
        )
        return doc
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            doc.problems.append(
                Problem(
                    shown,
                    number,
                    "error",
                    "a tab is used for indentation; YAML needs spaces",
                )
            )
    if doc.problems:
        return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "invalid YAML"
        message = f"YAML syntax error: {what}"
        opened = exc.context_mark
        if exc.context and opened and _UNCLOSED.search(exc.context):
            # an unclosed quote or bracket: point at where it was opened
            line = opened.line + 1
            message += f" ({exc.context.removeprefix('while ')} starting here)"
        for needle, hint in _SYNTAX_HINTS.items():
            if needle in str(exc):
                message += f" (hint: {hint})"
                break
        doc.problems.append(Problem(shown, line, "error", message))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(shown, 1, "error", f"YAML error: {exc}"))
        return doc
    data = None if node is None else _to_data(node, (), doc, shown)
    if data is None:
        line = node.start_mark.line + 1 if node is not None else 1
        message = "the file is empty; expected a mapping of fields"
        doc.problems.append(Problem(shown, line, "error", message))
        return doc
    doc.data = data
    return doc


def _to_data(node: yaml.Node, loc: DataPath, doc: YamlDoc, shown: Path) -> Any:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, doc, shown)
            line = key_node.start_mark.line + 1
            if key in first_line:
                doc.problems.append(
                    Problem(
                        shown,
                        line,
                        "error",
                        f"duplicate key '{key}' (first at line {first_line[key]}); "
                        "YAML would silently keep only the last one",
                    )
                )
                continue
            first_line[key] = line
            child = (*loc, str(key))
            doc.lines[child] = line
            result[key] = _to_data(value_node, child, doc, shown)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(item, (*loc, index), doc, shown)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, doc, shown)


def _scalar(node: yaml.Node, doc: YamlDoc, shown: Path) -> Any:
    """Construct one scalar with YAML's usual typing (numbers, dates, booleans).

    A value YAML cannot construct (an impossible date, an unknown !tag) is
    reported at its line and kept as the text that was written.
    """
    constructor = yaml.constructor.SafeConstructor()
    try:
        value = constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        written = node.value if isinstance(node.value, str) else "this value"
        if "timestamp" in node.tag:
            message = f"'{written}' is not a real date ({exc}); write YYYY-MM-DD"
        else:
            reason = getattr(exc, "problem", None) or str(exc)
            message = f"cannot read '{written}': {reason}; put the text in quotes"
        doc.problems.append(Problem(shown, node.start_mark.line + 1, "error", message))
        return written if isinstance(written, str) else None
    return value if isinstance(node, yaml.ScalarNode) else repr(value)
