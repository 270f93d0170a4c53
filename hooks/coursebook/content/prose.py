"""The prose of the content files: every text a participant reads, with the
line it is written on.

Spelling and terminology checks read the same texts, so what counts as prose
is decided once, here. Left out: ids and references to other files, web and
e-mail addresses, dates, people's names, and the titles and authors of
sources (they are quoted as published, often in English).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .yamlfile import DataPath, YamlDoc, read_yaml

# keys whose values are never prose, wherever they occur
_NOT_PROSE = {
    "id",
    "edition",
    "kind",
    "participants",
    "diagram",
    "pronoun",
    "status",
    "tools",
    "plans",
    "goals",
    "related",
    "repeat_for",
    "url",
    "file",
    "photo",
    "email",
    "phone",
    "address",
    "author",
    "year",
    "abbr",
    "avoid",
    "cycle",
}
# sources (references, readings) are quoted as published; of a person, only
# the role and the bio are prose, not the name
_SOURCES = {"references", "readings"}
_PEOPLE = {"instructors", "contact"}
_PROSE_OF_PEOPLE = {"role", "bio"}

# what is removed from a text before its words are read
_MARKUP = re.compile(
    r"\]\([^)]*\)"  # a Markdown link's target (its text stays)
    r"|<[^>]+>"  # HTML tags
    r"|`[^`]*`"  # inline code
    r"|\{:[^}]*\}"  # attribute lists
    r"|\b(?:https?://|www\.)\S+"  # web addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b[\w-]+\.(?:md|pdf|docx|ics|yml|html)\b"  # file names
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:dk|com|org|net|eu)\b"  # domain names
)
# a word: letters, joined by hyphens, apostrophes and the dots of
# abbreviations (bl.a., m.fl.); a final dot is kept for abbreviations to try
WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")


def without_markup(text: str) -> str:
    """text without link targets, tags, code, addresses and file names."""
    return _MARKUP.sub(" ", text)


@dataclass(frozen=True)
class Text:
    """One text value of a content file."""

    doc: YamlDoc
    loc: DataPath
    text: str
    source: list[str]  # the file's lines, to place a word on its own line

    def line_of(self, needle: str) -> int:
        """The line that holds needle, searched from where the value starts (a
        folded or block text spans several lines; its key's line is not enough)."""
        start = self.doc.line_of(self.loc)
        pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", re.I)
        for number in range(start, len(self.source) + 1):
            if pattern.search(self.source[number - 1]):
                return number
        return start


def content_files(root: Path) -> list[Path]:
    """The content files the loader reads: course.yml, glossary.yml and the
    files of the content folders."""
    files = [root / name for name in ("course.yml", "glossary.yml")]
    for folder in ("activities", "tools", "plans", "editions"):
        files += sorted((root / folder).glob("*.y*ml"))
    return [path for path in files if path.is_file()]


def prose_texts(root: Path) -> Iterator[Text]:
    """Every prose text in the content under root, file by file."""
    for path in content_files(root):
        yield from texts_in(read_yaml(path))


def texts_in(doc: YamlDoc) -> Iterator[Text]:
    """The prose texts of one file as read."""
    if doc.data is None:
        return
    source = doc.path.read_text(encoding="utf-8-sig").splitlines()
    for loc, text in _walk(doc.data, ()):
        yield Text(doc, loc, text, source)


def _walk(value: object, loc: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            if _is_prose(key, loc):
                yield from _walk(child, (*loc, str(key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, (*loc, index))
    elif isinstance(value, str):
        yield loc, value


def _is_prose(key: object, loc: DataPath) -> bool:
    if key in _NOT_PROSE:
        return False
    under = {part for part in loc if isinstance(part, str)}
    if under & _SOURCES:
        return False
    if under & _PEOPLE:
        return key in _PROSE_OF_PEOPLE
    return True
