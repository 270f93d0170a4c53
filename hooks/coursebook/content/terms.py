"""One name for each thing: the glossary lists, under `avoid`, the other names
a term must not go by, and `coursebook check` warns where they are used."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..i18n import _
from .problems import Problem, display_path
from .prose import Text, prose_texts, without_markup
from .yamlfile import read_yaml

GLOSSARY = "glossary.yml"


def avoided_names(root: Path) -> dict[str, str]:
    """Each name to avoid, with the glossary term it stands for (read from the
    raw file, so the check runs even when another file has errors)."""
    path = root / GLOSSARY
    data = read_yaml(path).data if path.is_file() else None
    terms = data.get("terms") if isinstance(data, dict) else None
    names: dict[str, str] = {}
    for term in terms if isinstance(terms, list) else []:
        if isinstance(term, dict) and isinstance(term.get("avoid"), list):
            for name in term["avoid"]:
                if isinstance(name, str) and name.strip():
                    names[name.strip()] = str(term.get("term", ""))
    return names


def name_pattern(name: str) -> re.Pattern[str]:
    """name as a whole word, not part of a longer word or of a hyphenated one
    (»handlingsplan« is not found in »APV-handlingsplan«)."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)


def term_problems(root: Path, texts: Iterable[Text] | None = None) -> list[Problem]:
    """A warning wherever the prose of the content under root (or texts, as
    read already) uses a name the glossary says to avoid."""
    term_of = avoided_names(root)
    patterns = {name: name_pattern(name) for name in term_of}
    problems = []
    for text in prose_texts(root) if texts is None else texts:
        plain = without_markup(text.text)
        for name, pattern in patterns.items():
            for match in pattern.finditer(plain):
                message = _(
                    "»{name}« is another name for »{term}« in the glossary "
                    "(glossary.yml); use one name for each thing"
                ).format(name=match[0], term=term_of[name])
                problems.append(
                    Problem(
                        display_path(text.doc.path),
                        text.line_of(match[0]),
                        "warning",
                        message,
                    )
                )
    return problems
