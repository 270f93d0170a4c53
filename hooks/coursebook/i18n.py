"""Messages a coordinator reads: Danish by default, English for developers.

Source strings are English gettext message ids; the Danish text lives in
`locale/da/LC_MESSAGES/coursebook.po` (compiled to `.mo` by `make messages`).
`COURSEBOOK_LANG=en` shows the English ids instead; `LANG` is not consulted,
because coordinators get Danish whatever their machine is set to.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "coursebook"
LANG_ENV = "COURSEBOOK_LANG"


@cache
def translation() -> gettext.NullTranslations:
    """The catalog for the language COURSEBOOK_LANG names (Danish unless 'en')."""
    if os.environ.get(LANG_ENV, "da").strip().lower().startswith("en"):
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=["da"])


def _(message: str) -> str:
    return translation().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translation().ngettext(singular, plural, count)
