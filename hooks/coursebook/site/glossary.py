"""The glossary's renderings: the term list (the "Ordliste" page), and the
abbreviations every page shows as <abbr title="…">: definitions for the abbr
Markdown extension, and a pass over each page's HTML for what Markdown did not
see."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a build replayed from its snapshot never loads the model
    from ..content.model import Glossary, Term

# æ, ø and å come after z in Danish, in that order
_DANISH_ORDER = str.maketrans({"æ": "z{", "ä": "z{", "ø": "z|", "ö": "z|", "å": "z}"})
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")
# a comment or a tag, its name and whether it closes an element
_TAG = re.compile(r"<!--.*?-->|<(?P<closing>/?)(?P<name>[a-zA-Z][\w-]*)[^>]*>", re.S)
_LEAVE_ALONE = {"abbr", "code", "kbd", "pre", "script", "style", "svg", "textarea"}
_INTERACTIVE = {"a", "button", "label", "summary"}


def danish_key(text: str) -> str:
    """Sort key that puts words in Danish alphabetical order."""
    return text.casefold().translate(_DANISH_ORDER)


def sorted_terms(glossary: Glossary) -> list[Term]:
    return sorted(glossary.terms, key=lambda term: danish_key(term.term))


def by_letter(glossary: Glossary) -> list[tuple[str, list[Term]]]:
    """The terms in Danish order, grouped under their first letter."""
    groups: list[tuple[str, list[Term]]] = []
    for term in sorted_terms(glossary):
        letter = term.term[0].upper()
        if not groups or groups[-1][0] != letter:
            groups.append((letter, []))
        groups[-1][1].append(term)
    return groups


def term_id(term: Term) -> str:
    """The anchor of a term on the glossary page, e.g. "med-udvalg"."""
    text = term.term.casefold().translate(_ASCII)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def expansion(term: Term) -> str:
    """What an abbreviation's tooltip says: the term it stands for, and when
    the term repeats the abbreviation (MED-udvalg), its definition's first
    sentence too."""
    if term.abbr and term.abbr not in term.term:
        return term.term
    first = _SENTENCE_END.split(plain_text(term.definition), maxsplit=1)[0]
    return f"{term.term}: {first}"


def plain_text(markdown: str) -> str:
    """Markdown text without links and emphasis marks, on one line."""
    text = _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", markdown))
    return " ".join(text.split())


def abbreviation_markdown(glossary: Glossary | None) -> str:
    """Abbreviation definitions for Python-Markdown's abbr extension."""
    if glossary is None:
        return ""
    lines = [
        f"*[{term.abbr}]: {expansion(term)}" for term in glossary.terms if term.abbr
    ]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def abbreviation_titles(glossary: Glossary | None) -> dict[str, str]:
    """Each abbreviation and what its tooltip says."""
    if glossary is None:
        return {}
    return {term.abbr: expansion(term) for term in glossary.terms if term.abbr}


def explain_abbreviations(html: str, titles: dict[str, str]) -> str:
    """Finish a page's <abbr> elements in its HTML.

    The abbr Markdown extension cannot see into raw HTML (the templates'
    eyebrows, the timeline, the plan forms), so abbreviations still bare there
    are wrapped here, from the same definitions. And as Material shows an
    <abbr>'s title on hover and on focus, but an <abbr> takes no focus, the
    first of each abbreviation on the page gets tabindex=0; more would only
    add tab stops. Inside a link or label, the link or field takes the focus.
    """
    if not titles:
        return html
    return _Explainer(titles).run(html)


class _Explainer:
    def __init__(self, titles: dict[str, str]) -> None:
        self.titles = titles
        words = sorted(titles, key=len, reverse=True)
        self.bare = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
        self.seen: set[str] = set()
        self.leave_alone: list[str] = []  # open elements whose text stays as is
        self.interactive = 0  # open links, labels, buttons

    def run(self, html: str) -> str:
        out, pos = [], 0
        for match in _TAG.finditer(html):
            out.append(self.text(html[pos : match.start()]))
            pos = match.end()
            out.append(self.tag(match, html[pos : html.find("<", pos)]))
        out.append(self.text(html[pos:]))
        return "".join(out)

    def text(self, text: str) -> str:
        if self.leave_alone:
            return text
        return self.bare.sub(lambda m: self.abbr(m[0]), text)

    def abbr(self, word: str) -> str:
        title = escape(self.titles[word])
        return f'<abbr{self.focus(word)} title="{title}">{word}</abbr>'

    def focus(self, word: str) -> str:
        """tabindex=0 for the first occurrence of word the keyboard can reach."""
        if self.interactive or word in self.seen:
            return ""
        self.seen.add(word)
        return ' tabindex="0"'

    def tag(self, match: re.Match[str], following: str) -> str:
        tag, name = match[0], (match["name"] or "").lower()
        closing = bool(match["closing"])
        made = name == "abbr" and not closing and not self.leave_alone
        if made and following in self.titles:
            # one the Markdown extension made: only the focus is missing
            tag = tag.replace("<abbr", "<abbr" + self.focus(following), 1)
        if name in _INTERACTIVE:
            self.interactive = max(self.interactive + (-1 if closing else 1), 0)
        if name in _LEAVE_ALONE and not tag.endswith("/>"):
            if not closing:
                self.leave_alone.append(name)
            elif self.leave_alone and self.leave_alone[-1] == name:
                self.leave_alone.pop()
        return tag
