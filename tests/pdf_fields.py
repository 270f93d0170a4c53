"""Filling the plan PDFs' fields and finding where a viewer drew the answers.

Shared by tests/test_plan_fill.py (pypdf) and tests/browser/test_plan_pdfjs.py
(pdf.js): the same answers, the same check of a poppler rendering.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

PERSON = ("navn", "enhed", "dato")
# What a participant writes beside Navn, Enhed and Dato
PERSON_ANSWERS = {
    "navn": "Anne-Sofie Østergaard Bæk",
    "enhed": "Børn & Unge, Ældreområdet Syd",
    "dato": "15. marts 2027",
}
ANSWER_CHARACTERS = 600
_SENTENCES = (
    "Vi vil styrke trivslen i afdelingen ved at holde et månedligt møde, hvor "
    "hver medarbejder får ordet. Særligt følger vi op på arbejdsmængden, så "
    "ingen står alene med for mange opgaver. Lederen, arbejdsmiljø"
    "repræsentanten og tillidsrepræsentanten mødes først og aftaler, hvordan "
    "vi måler effekten. Øvelsen gentages efter tre måneder. "
)


def danish_answer(number: int, length: int = ANSWER_CHARACTERS) -> str:
    """length characters of Danish prose with æøå, unique to field number."""
    text = (f"Svar {number}: " + _SENTENCES * (length // len(_SENTENCES) + 2))[:length]
    return text[:-1] + "." if text.endswith(" ") else text


def answers_for(pdf: Path) -> dict[str, str]:
    """An answer for every field: 600 characters in each answer box."""
    names = list(PdfReader(pdf).get_fields())
    return {
        name: PERSON_ANSWERS[name] if name in PERSON else danish_answer(number)
        for number, name in enumerate(names, start=1)
    }


@dataclass(frozen=True)
class Box:
    page: int  # 1-based
    left: float  # points, from the page's top-left corner, as poppler measures
    top: float
    right: float
    bottom: float

    def holds(self, word: Word, overrun: float = 0) -> bool:
        # poppler starts a line 2 pt inside the field but wraps it at the
        # field's full width: its last letter may touch the frame by that much
        across, down = 2.5, 0.5
        return (
            word.page == self.page
            and word.left >= self.left - across
            and word.right <= self.right + across + overrun
            and word.top >= self.top - down
            and word.bottom <= self.bottom + down
        )


@dataclass(frozen=True)
class Word:
    page: int
    left: float
    top: float
    right: float
    bottom: float
    text: str


def field_boxes(pdf: Path) -> dict[str, Box]:
    """Each field's widget rectangle, in poppler's top-down coordinates."""
    boxes = {}
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        height = float(page.mediabox.height)
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            name = widget.get("/T") or widget["/Parent"].get_object()["/T"]
            boxes[str(name)] = Box(
                number,
                min(x1, x2),
                height - max(y1, y2),
                max(x1, x2),
                height - min(y1, y2),
            )
    return boxes


def rendered_words(pdf: Path) -> list[Word]:
    """Every word poppler draws, field appearances included (pdftotext -bbox)."""
    markup = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = []
    for number, page in enumerate(markup.split("<page ")[1:], start=1):
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
            r"(.*?)</word>",
            page,
        ):
            left, top, right, bottom = (float(v) for v in match.groups()[:4])
            words.append(
                Word(number, left, top, right, bottom, html.unescape(match.group(5)))
            )
    return words


def drawn_outside(
    pdf: Path, answers: dict[str, str], overrun: float = 0
) -> dict[str, str]:
    """field name → what of its answer poppler does not draw inside its box:
    an answer cut off at the bottom, or running out of the field. overrun:
    how far past the right edge a line may end (a viewer's known fault)."""
    boxes = field_boxes(pdf)
    words = rendered_words(pdf)
    problems = {}
    for name, answer in answers.items():
        inside = " ".join(w.text for w in words if boxes[name].holds(w, overrun))
        if " ".join(inside.split()) != " ".join(answer.split()):
            problems[name] = f"drawn inside: {inside[-80:]!r}"
    return problems
