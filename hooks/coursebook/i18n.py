"""Messages a coordinator reads: Danish by default, English for developers.

Source strings are English gettext message ids; the Danish text lives in
`locale/da/LC_MESSAGES/coursebook.po` (compiled to `.mo` by `make messages`).
`COURSEBOOK_LANG=en` shows the English ids instead; `LANG` is not consulted,
because coordinators get Danish whatever their machine is set to.

argparse translates its own texts ("usage:", "options:", its error messages)
through its module-level `_` and `ngettext`; `translate_argparse()` points
them at this catalog, which carries Danish for each of them.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "coursebook"
LANG_ENV = "COURSEBOOK_LANG"


def language() -> str:
    """'en' when COURSEBOOK_LANG asks for English, else 'da'."""
    return "en" if os.environ.get(LANG_ENV, "da").strip().lower()[:2] == "en" else "da"


def translation() -> gettext.NullTranslations:
    """The catalog for the language COURSEBOOK_LANG names (Danish unless 'en');
    read at each call so a test or a developer can switch it."""
    return _catalog(language())


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=["da"])


def _(message: str) -> str:
    return translation().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translation().ngettext(singular, plural, count)


def translate_argparse() -> None:
    """Make argparse's own texts come from our catalog."""
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
