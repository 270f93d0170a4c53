"""One walk over HTML as written: its text, and each tag or comment with its
name and attributes. The passes that rewrite rendered HTML (the glossary's
abbreviations, the phone tables, the guide PDF's chapters) all read it
through walk(), so a tag is told from text the same way everywhere.

A pattern rather than html.parser: it runs over every page on every build and
takes a third of html.parser's time, and it hands back each tag exactly as
written, which lets a pass that changes only the text leave the rest alone.
Like html.parser, it reads the inside of <script> and <style> as text, and
gives tag and attribute names in lower case and attribute values unescaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

# a comment, or a tag with its attributes (a quoted ">" does not end it); the
# possessive quantifiers keep a tag without its ">" from backtracking
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
# elements whose content is text up to their end tag, tags and all
_RAW_TEXT = {"script", "style"}
_RAW_TEXT_END = re.compile(r"</(?:script|style)\b", re.IGNORECASE)


class Tag:
    """A start tag, an end tag or a comment (whose name is "")."""

    __slots__ = ("_attributes", "closing", "name", "text")

    def __init__(self, match: re.Match[str]) -> None:
        self.text, closing, name, self._attributes = match.group(0, 1, 2, 3)
        self.name = name.lower() if name else ""
        self.closing = bool(closing)

    @property
    def comment(self) -> bool:
        return not self.name

    @property
    def self_closing(self) -> bool:
        """Written as <br/>: an element that has no end tag to wait for."""
        return self.text.endswith("/>")

    @property
    def attrs(self) -> list[tuple[str, str | None]]:
        """(name, value) in order; value None for a bare attribute."""
        found: list[tuple[str, str | None]] = []
        for match in _ATTRIBUTE.finditer((self._attributes or "").removesuffix("/")):
            value = match[2]
            if value is not None:
                if value[:1] in ("'", '"'):
                    value = value[1:-1]
                value = html.unescape(value)
            found.append((match[1].lower(), value))
        return found


def walk(page: str) -> Iterator[str | Tag]:
    """The text between tags (as written, never empty) and the tags, in order."""
    pos = 0
    while pos < len(page):
        for match in _TOKEN.finditer(page, pos):
            if match.start() > pos:
                yield page[pos : match.start()]
            tag = Tag(match)
            yield tag
            pos = match.end()
            if tag.name in _RAW_TEXT and not tag.closing and not tag.self_closing:
                end = _RAW_TEXT_END.search(page, pos)
                stop = end.start() if end else len(page)
                if stop > pos:
                    yield page[pos:stop]
                pos = stop
                break  # go on after the element's text
        else:
            break
    if pos < len(page):
        yield page[pos:]


def text_of(page: str) -> str:
    """The text of some HTML without its tags, character references read."""
    return html.unescape("".join(t for t in walk(page) if isinstance(t, str)))
