"""Danish spelling of the content's prose, for `coursebook check` and publish.

Words are looked up in Debian's Danish Hunspell dictionary (hunspell-da)
through Enchant (pyenchant, libenchant-2-2), then in the project's word list
`content/ordliste-stavekontrol.txt` for names and course terms. The build
never runs this: a missing dictionary must not stop a preview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..i18n import _
from .problems import Problem, display_path
from .prose import WORD, Text, prose_texts, without_markup

LANGUAGE = "da_DK"
WORD_LIST = "ordliste-stavekontrol.txt"
SUGGESTIONS = 3
# a compound's first part standing alone, as in "Trivsels- og stresstrappen":
# the dictionary knows it only with a second part, so it is tried with one
_SUSPENDED = re.compile(r"([^\W\d_]+)-(?=\s+(?:og|eller|til)\s)")
_HEAD = "arbejde"
# foreign words and titles of works are set in italics (*self-determination
# theory*, *Organization Science*) and are not Danish to check
_ITALICS = re.compile(
    r"(?<![\w*])\*(?![\s*])[^*]+?(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)[^_]+?(?<!\s)_(?!\w)"
)


class DictionaryMissing(Exception):
    """The Danish dictionary (or Enchant itself) is not installed."""


def read_word_list(path: Path) -> set[str]:
    """The words of a word list: one a line; '#' starts a comment."""
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return words


class Speller:
    """Danish words as Hunspell knows them, plus the project's own words."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._dictionary = _danish_dictionary()
        self._extra = set(extra_words)
        self._capitals = {word.upper() for word in self._extra}
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}

    def knows(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = self._look_up(word)
        return self._known[word]

    def suggest(self, word: str) -> list[str]:
        if word not in self._suggestions:  # Hunspell takes 0.1 s or more a word
            self._suggestions[word] = self._dictionary.suggest(word)[:SUGGESTIONS]
        return self._suggestions[word]

    def unknown_words(self, text: str) -> list[str]:
        """The words of text neither the dictionary nor the word list knows,
        each once, in order."""
        plain = _ITALICS.sub(" ", without_markup(text))
        suspended = {match[1] for match in _SUSPENDED.finditer(plain)}
        unknown: list[str] = []
        for line in plain.splitlines():
            # capitals among small letters are an abbreviation (AMR, KL); a
            # line all in capitals is a heading, and its words are checked
            heading = not any(letter.islower() for letter in line)
            for word in WORD.findall(line):
                if word.endswith("."):  # an abbreviation (bl.a.), or a full stop
                    if self.knows(word):
                        continue
                    word = word[:-1]
                if word.isupper() and not heading:
                    continue
                if word in suspended and self.knows(word + _HEAD):
                    continue
                if not self.knows(word) and word not in unknown:
                    unknown.append(word)
        return unknown

    def _look_up(self, word: str) -> bool:
        if self._listed(word) or self._dictionary.check(word):
            return True
        if word.isupper():
            return False
        # an abbreviation in capitals joined to a word in small letters
        # (TRIO'en, AMR'en, SCARF-modellen) is taken as written
        ending = re.fullmatch(r"(.+?)['’][^\W\d_]+", word)
        if ending:
            return ending[1].isupper() or self.knows(ending[1])
        if "-" in word:  # each part on its own
            parts = [part for part in word.split("-") if part]
            return all(part.isupper() or self.knows(part) for part in parts)
        return False

    def _listed(self, word: str) -> bool:
        # a listed word may also start a sentence (a listed name is not
        # accepted in lower case), a listed name takes the genitive s, and a
        # heading may be set in capitals
        return (
            word in self._extra
            or (word[:1].isupper() and word[:1].lower() + word[1:] in self._extra)
            or (word[:1].isupper() and word.endswith("s") and word[:-1] in self._extra)
            or (word.isupper() and word in self._capitals)
        )


def _danish_dictionary() -> Any:
    try:
        import enchant
    # ImportError: libenchant is not installed; OSError: it does not load;
    # AssertionError: PYENCHANT_LIBRARY_PATH names no file
    except (ImportError, OSError, AssertionError) as exc:
        raise DictionaryMissing(
            _(
                "The spelling check is skipped: Enchant is not installed "
                "(Debian: apt-get install libenchant-2-2 hunspell-da)"
            )
        ) from exc
    if not enchant.dict_exists(LANGUAGE):
        raise DictionaryMissing(
            _(
                "The spelling check is skipped: no Danish dictionary "
                "(Debian: apt-get install hunspell-da)"
            )
        )
    return enchant.Dict(LANGUAGE)


def spelling_problems(root: Path, texts: Iterable[Text] | None = None) -> list[Problem]:
    """A warning for each unknown word in the prose of the content under root
    (or in texts, as read already), at the line it is written on. Raises
    DictionaryMissing."""
    speller = Speller(read_word_list(root / WORD_LIST))
    problems = []
    for text in prose_texts(root) if texts is None else texts:
        for word in speller.unknown_words(text.text):
            problems.append(
                Problem(
                    display_path(text.doc.path),
                    text.line_of(word),
                    "warning",
                    unknown_word_message(word, speller.suggest(word)),
                )
            )
    return problems


def unknown_word_message(word: str, suggestions: list[str]) -> str:
    if suggestions:
        return _("unknown word »{word}« (suggestions: {suggestions})").format(
            word=word, suggestions=", ".join(suggestions)
        )
    return _("unknown word »{word}« (no suggestions)").format(word=word)
