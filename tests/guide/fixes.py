"""How the site's text relates to the course guide: what is not content, and
the guide's defects that the YAML fixes (NOTES.md)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

GUIDE = Path(__file__).with_name("kursusguide.txt")  # see README.md here

# (as printed in the guide, as written in the handbook)
FIXES = [
    ("Vi arbejde på", "Vi arbejder på"),
    ("at skabe et godt psykisk,", "at skabe et godt psykisk arbejdsmiljø,"),
    ("(Se udviklingsplanen på slide X)", "(Se udviklingsplanen.)"),
    ("(se disse på de næste slides)", "(se udviklingsplanen og handleplanen)"),
    ("et godt psykiske arbejdsmiljø", "et godt psykisk arbejdsmiljø"),
    ("arbejdsmiljø en nøglefaktor", "arbejdsmiljø er en nøglefaktor"),
    ("Kommunes uddannelsen i", "Kommunes uddannelse i"),
    ("self determination theory", "selvbestemmelsesteori (self-determination theory)"),
    ("det psykisk arbejdsmiljø i din", "det psykiske arbejdsmiljø i din"),
    ("sparringfællesskab", "sparringsfællesskab"),
    ("forskningsbaserede viden", "forskningsbaseret viden"),
    ("Al introduceret", "Alt introduceret"),
    ("i egen team/afdeling", "i eget team/egen afdeling"),
    ("du udgør spydspidser", "du udgør en spydspids"),
    ("består af - både", "består af – både"),
    ("SCARF-\nmodellen", "SCARF-modellen"),
    ("Evaluering/refleksion", "Evaluering og refleksion"),
    ("Opstarts Workshop", "Opstartsworkshop"),
    (
        "Hav Handleplanen med enten digitalt eller i print, på moduldagene",
        "Hav handleplanen med, enten digitalt eller i print, på moduldagene.",
    ),
    ("Plan Do\n\nStudyAct", "Plan\nDo\nStudy\nAct"),
    ("Modul 1 Modul 2 Modul 3", "Modul 1\nModul 2\nModul 3"),
    ("14\n", "\n"),
]
# page banners and the booklet's page index are layout, not content
INDEX_LINES = range(9, 22)
SECTION_HEADINGS = {"overordnet beskrivelse", "formål og udbytte", "indholdstemaer"}
# the workshop printed its second question twice; the handbook shows it once
DUPLICATED = (
    "Hvilket tema vil vi særligt fokusere på gennem dette kursus, som vi \n"
    "ønsker at få input til mhp. at gøre noget ved det? \n\n• "
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("“", '"').replace("”", '"').replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip().lower()


def guide_fragments() -> list[str]:
    """Every sentence and list item of the guide, with the known fixes applied."""
    kept = []
    for number, line in enumerate(GUIDE.read_text(encoding="utf-8").splitlines(), 1):
        if number in INDEX_LINES:
            continue
        stripped = line.strip()
        letters = [c for c in stripped if c.isalpha()]
        if len(letters) > 3 and all(c.isupper() for c in letters):
            if re.match(r"^\d ", stripped):  # the anchoring processes' titles
                kept.append(stripped[2:].lower())
            continue
        kept.append(line)
    text = "\n".join(kept)
    text = re.sub(r"\brelle\b", "reelle", text)
    text = text.replace(" Indholdstemaer", "\n\nIndholdstemaer")
    text = text.replace(DUPLICATED, "", 1)
    for old, new in FIXES:
        assert old.lower() in text.lower(), old
        text = re.sub(re.escape(old), lambda _m, new=new: new, text, flags=re.I)
    fragments = []
    for block in re.split(r"\n\s*\n", text):
        block = re.sub(r"^\s*(•|\d+\.)\s*", "", block.strip(), flags=re.M)
        lines_are_items = re.search(r"^(Plan|Modul 1)$", block, re.M)
        for part in block.split("\n") if lines_are_items else [block]:
            for sentence in re.split(r"(?<=[.?!:])\s+", part):
                fragment = normalise(sentence).rstrip(".:")
                if fragment and fragment not in SECTION_HEADINGS:
                    fragments.append(fragment)
    return fragments
