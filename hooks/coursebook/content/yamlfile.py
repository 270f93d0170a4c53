"""Read one YAML file into plain data plus a map from data path to line number.

PyYAML alone loses line numbers and silently keeps the last of two equal keys;
coordinators need both, so we compose the node tree ourselves. Before that, the
file's parser events are scanned once so that hostile or broken input is
refused with a FILE:LINE message instead of hanging or crashing: files over
MAX_BYTES, nesting deeper than MAX_DEPTH, an alias inside its own anchor, and
aliases that expand to more than a small multiple of the file (a "billion
laughs" bomb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..i18n import _
from .problems import Problem, display_path

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DataPath = tuple[str | int, ...]

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 200
# aliases may repeat at most this many nodes in all, or 10 per byte of the file
ALIAS_NODES = 10_000

_UNCLOSED = re.compile(r"quoted scalar|flow (sequence|mapping)")
# a value that opens a quote and does not close it on the same line
_OPEN_QUOTE = re.compile(
    r"""^\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?(?:-\s+)?(["'])(?:(?!\1).|\1\1|\\\1)*$"""
)


def _syntax_hints() -> dict[str, str]:
    return {
        "mapping values are not allowed": _(
            "text that contains ': ' must be put in quotes"
        ),
        "could not find expected ':'": _(
            "check the indentation, and that each field name ends with ':'"
        ),
        "found character '\\t'": _("indent with spaces, not tabs"),
        "found undefined alias": _(
            "'*' at the start of a value means something special in YAML; "
            "put the text in quotes"
        ),
        "found character '@'": _(
            "'@' or '`' at the start of a value must be put in quotes"
        ),
        "cannot start any token": _(
            "'@' or '`' at the start of a value must be put in quotes"
        ),
        "found character '`'": _(
            "'@' or '`' at the start of a value must be put in quotes"
        ),
        "expected <block end>": _(
            "check the indentation of this line and of the line above"
        ),
        "found another document": _(
            "a line with only '---' starts a second document; remove it"
        ),
        "did not find expected ',' or ']'": _(
            "a list in [ ] must end with ]; put text with [ in quotes"
        ),
        "did not find expected ',' or '}'": _(
            "a mapping in { } must end with }; put text with { in quotes"
        ),
        "did not find expected key": _(
            "check the indentation of this line and that quotes are closed"
        ),
        "found unknown escape character": _(
            "a backslash in double quotes starts an escape; use single quotes "
            "or write \\\\"
        ),
        "did not find expected node content": _(
            "a value is missing or starts with a character YAML reserves; "
            "put the text in quotes"
        ),
        "did not find expected alphabetic or numeric character": _(
            "'&' or '*' at the start of a value must be put in quotes"
        ),
        "found unexpected end of stream": _("a quote or bracket is not closed"),
    }


@dataclass
class YamlDoc:
    """A parsed file: its data, where each value starts, and what went wrong."""

    path: Path
    data: Any = None
    lines: dict[DataPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""

    def line_of(self, loc: DataPath) -> int:
        """Line of the deepest known prefix of loc (1 if none)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1

    def problem(self, loc: DataPath, message: str, severity: str = "error") -> Problem:
        return Problem(display_path(self.path), self.line_of(loc), severity, message)


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def read_yaml(path: Path, text: str | None = None) -> YamlDoc:
    """Read path (or text, as if it were path's content)."""
    doc = YamlDoc(path)
    shown = display_path(path)
    if text is not None:
        return _parse(doc, shown, text)
    size = path.stat().st_size
    if size > MAX_BYTES:
        message = _(
            "the file is {size} MB; at most {limit} MB is accepted. "
            "Is it the right file?"
        ).format(size=round(size / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024)
        doc.problems.append(Problem(shown, 1, "error", message))
        return doc
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = _(
            "the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 "
            "in your editor"
        ).format(byte=raw[exc.start])
        doc.problems.append(Problem(shown, line, "error", message))
        return doc
    return _parse(doc, shown, text)


def _parse(doc: YamlDoc, shown: Path, text: str) -> YamlDoc:
    doc.text = text
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            message = _("a tab is used for indentation; YAML needs spaces")
            doc.problems.append(Problem(shown, number, "error", message))
    if doc.problems:
        return doc
    try:
        _guard(text)
        node = yaml.compose(text, Loader=_Loader)
    except _Refused as exc:
        doc.problems.append(Problem(shown, exc.line, "error", exc.message))
        return doc
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_error(exc, text)
        doc.problems.append(Problem(shown, line, "error", message))
        return doc
    except yaml.YAMLError as exc:
        message = _("the file cannot be read as YAML ({reason})").format(reason=exc)
        doc.problems.append(Problem(shown, 1, "error", message))
        return doc
    data = None if node is None else _to_data(node, (), doc, shown)
    if data is None:
        line = node.start_mark.line + 1 if node is not None else 1
        message = _("the file is empty; expected fields such as 'name: …'")
        doc.problems.append(Problem(shown, line, "error", message))
        return doc
    doc.data = data
    return doc


def _guard(text: str) -> None:
    """Refuse deep nesting, recursive aliases and alias bombs before composing."""
    budget = max(ALIAS_NODES, 10 * len(text))
    expanded = 0
    sizes: dict[str, int] = {}
    open_anchors: set[str] = set()
    stack: list[list[Any]] = []  # [anchor, nodes so far]
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        size = 0
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _Refused(
                    line,
                    _(
                        "the text is nested more than {limit} levels deep; "
                        "the content files never need that"
                    ).format(limit=MAX_DEPTH),
                )
            stack.append([event.anchor, 1])
            if event.anchor:
                open_anchors.add(event.anchor)
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor:
                sizes[anchor] = size
                open_anchors.discard(anchor)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor in open_anchors:
                raise _Refused(
                    line,
                    _(
                        "the alias '*{name}' refers to itself (it is inside "
                        "'&{name}'); write the text out instead"
                    ).format(name=event.anchor),
                )
            size = sizes.get(event.anchor, 1)
            expanded += size
            if expanded > budget:
                raise _Refused(
                    line,
                    _(
                        "the aliases ('*{name}') repeat more than {limit} values; "
                        "write the text out instead of repeating it with & and *"
                    ).format(name=event.anchor, limit=budget),
                )
        if stack:
            stack[-1][1] += size


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line to change and a plain-words message for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    opened = exc.context_mark
    if exc.context and opened and _UNCLOSED.search(exc.context):
        # an unclosed quote or bracket: point at where it was opened
        return opened.line + 1, _(
            "a quote or bracket that starts on this line is never closed"
        )
    quote_line = _unclosed_quote_before(text, line)
    if quote_line:
        return quote_line, _(
            "the quote that starts the value on this line is not closed; "
            "end the value with the same quote mark"
        )
    message = _("the YAML on this line cannot be read")
    for needle, hint in _syntax_hints().items():
        if needle in str(exc):
            return line, f"{message}: {hint}"
    return line, message


def _unclosed_quote_before(text: str, line: int) -> int | None:
    """The last line up to line whose value opens a quote it does not close:
    YAML then reads on to the next quote and fails further down."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        if _OPEN_QUOTE.match(lines[number - 1]):
            return number
    return None


def _to_data(node: yaml.Node, loc: DataPath, doc: YamlDoc, shown: Path) -> Any:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, doc, shown)
            line = key_node.start_mark.line + 1
            if isinstance(key, list | dict):
                key = str(key)
            if key in first_line:
                message = _(
                    "the field '{key}' is written twice (first at line {first}); "
                    "YAML would silently keep only the last one"
                ).format(key=key, first=first_line[key])
                doc.problems.append(Problem(shown, line, "error", message))
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


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node, doc: YamlDoc, shown: Path) -> Any:
    """Construct one scalar with YAML's usual typing (numbers, dates, booleans).

    A value YAML cannot construct (an impossible date, an unknown !tag) is
    reported at its line and kept as the text that was written.
    """
    if not isinstance(node, yaml.ScalarNode):
        return _to_data(node, (), YamlDoc(doc.path), shown)
    if node.tag.endswith((":float", ":int")) and re.fullmatch(
        r"[0-9]{1,2}[:.][0-9]{2}", node.value
    ):
        # 15:30 (base 60 in YAML 1.1) and 15.30 (a decimal) are times of day
        # as the coordinator wrote them; the model decides what they mean
        return node.value
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        written = node.value if isinstance(node.value, str) else ""
        if "timestamp" in node.tag:
            message = _(
                "'{written}' is not a real date ({reason}); write it as YYYY-MM-DD"
            ).format(written=written, reason=_date_reason(exc))
        else:
            message = _(
                "'{written}' cannot be read (the tag '{tag}' is not known); "
                "put the text in quotes"
            ).format(written=written, tag=node.tag)
        doc.problems.append(Problem(shown, node.start_mark.line + 1, "error", message))
        return written
    finally:
        _CONSTRUCTOR.constructed_objects.clear()
    return value


def _date_reason(exc: Exception) -> str:
    reason = str(exc)
    if "day is out of range" in reason:
        return _("the month has no such day")
    if "month must be" in reason:
        return _("there is no such month")
    return _("no such date")
