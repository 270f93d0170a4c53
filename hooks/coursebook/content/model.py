"""The course as typed data: one pydantic model per kind of YAML file.

Every field a coordinator writes is declared here, with a description that
ends up in the JSON Schema an editor validates against. Fields marked
"Markdown" may hold Markdown; all other text is shown as written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ident = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1)
]


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- course.yml -------------------------------------------------------------


class LearningGoal(Strict):
    id: Ident = Field(description="Short id that activities use in `goals`.")
    text: Text = Field(description="The learning goal as the participant reads it.")


class KeyPoint(Strict):
    lead_in: Text | None = Field(
        None, description="A framing sentence shown before this point."
    )
    text: Markdown = Field(description="The point itself (Markdown).")


class KeyPointGroup(Strict):
    question: Text = Field(description="The question this group of points answers.")
    intro: Markdown = Field(description="Text between the question and the points.")
    points: list[KeyPoint] = Field(min_length=1)


class KeyPoints(Strict):
    title: Text
    groups: list[KeyPointGroup] = Field(
        min_length=1, description="Points are numbered on across the groups."
    )


class Welcome(Strict):
    greeting: Text
    heading: Text
    intro: Markdown
    body: list[Markdown] = Field(min_length=1, description="Paragraphs (Markdown).")


class Outcomes(Strict):
    title: Text
    teaching: Markdown = Field(description="How the course is taught (Markdown).")
    goals_intro: Text
    goals: list[LearningGoal] = Field(min_length=1)


class Overview(Strict):
    title: Text
    intro: Markdown
    between: list[Text] = Field(
        min_length=1, description="What happens between two activities."
    )
    throughout: Text = Field(description="What runs through the whole course.")


class Process(Strict):
    title: Text
    text: Markdown


class Anchoring(Strict):
    title: Text
    intro: Markdown
    processes: list[Process] = Field(min_length=1)


class Course(Strict):
    title: Text = Field(
        description="The course title, as in the header and on the cover."
    )
    organiser: Text = Field(description="Who runs the course, e.g. Nyborg Kommune.")
    edition: Ident = Field(
        description="Id of the edition to build (a file in editions/). "
        "COURSEBOOK_EDITION overrides it for one build."
    )
    welcome: Welcome
    outcomes: Outcomes
    key_points: KeyPoints
    overview: Overview
    anchoring: Anchoring


# --- activities/<id>.yml ----------------------------------------------------


class Purpose(Strict):
    lead: Text = Field(description='The lead-in, e.g. "Som leder får du:".')
    items: list[Markdown] = Field(min_length=1)


class Theme(Strict):
    text: Markdown
    bullets: list[Markdown] = Field(default_factory=list)


class Activity(Strict):
    order: int = Field(ge=1, description="Position in the course (1 = first).")
    kind: Literal["workshop", "modul"]
    label: Text = Field(description='Short name, e.g. "Modul 1".')
    definite: Text = Field(
        description="The short name in its definite form, as it reads inside a "
        'sentence: "opstartsworkshoppen", "modul 1" (e.g. "Værktøjer i '
        'opstartsworkshoppen").'
    )
    title: Text = Field(description="The activity's title.")
    subtitle: Text | None = None
    overview_title: Text | None = Field(
        None, description="Title in the overview, if it differs from `title`."
    )
    participants: Literal["trio", "leder"] = Field(
        description="trio (leader, AMR and TR) or leder (the leader alone)."
    )
    overview_themes: list[Text] = Field(min_length=1)
    description: Markdown
    purpose: Purpose
    themes: list[Theme] = Field(min_length=1)
    tools: list[Ident] = Field(default_factory=list, description="Tool ids (tools/).")
    plans: list[Ident] = Field(default_factory=list, description="Plan ids (plans/).")
    goals: list[Ident] = Field(
        default_factory=list, description="Learning-goal ids this activity serves."
    )
    before: list[Markdown] = Field(
        min_length=1, description='The "Før modulet" checklist (Markdown).'
    )


# --- tools/<id>.yml ---------------------------------------------------------


class Part(Strict):
    name: Text
    text: Markdown
    signs: list[Text] = Field(
        default_factory=list, description="Warning signs or examples for this part."
    )


class Reference(Strict):
    author: Text
    year: Text | None = None
    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None


class Practice(Strict):
    setting: Text = Field(description='Where, e.g. "I TRIO\'en".')
    text: Markdown


class Tool(Strict):
    name: Text
    pronoun: Literal["den", "det", "de"] = Field(
        description="The pronoun that stands for the tool in headings such as "
        '"Sådan bruger du den": den (an en-word, e.g. IGLO-modellen), det (an '
        "et-word) or de (plural, e.g. De seks guldkorn)."
    )
    short: Text = Field(description="One line on what the tool is for (cards).")
    guide_text: list[Markdown] = Field(
        min_length=1, description="What the course guide itself says about the tool."
    )
    summary: Markdown | None = Field(
        None, description="Two or three sentences for a busy leader."
    )
    diagram: (
        Literal["levels", "ring", "stairs", "cycle", "container", "list"] | None
    ) = None
    parts_title: Text | None = None
    parts: list[Part] = Field(default_factory=list)
    origin: Markdown | None = Field(
        None, description="Where the model comes from; say what is not documented."
    )
    references: list[Reference] = Field(default_factory=list)
    practice: list[Practice] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    related: list[Ident] = Field(default_factory=list, description="Related tool ids.")


# --- plans/<id>.yml ---------------------------------------------------------


class Question(Strict):
    id: Ident
    label: Text | None = Field(None, description='Short label, e.g. "Planlæg".')
    cycle: Text | None = Field(None, description='Cycle word, e.g. "Plan".')
    text: Text = Field(description="The question or prompt.")


class Plan(Strict):
    title: Text
    subtitle: Text | None = None
    intro: Markdown | None = None
    central_question: Text | None = None
    questions: list[Question] = Field(min_length=1)
    advice: Markdown | None = None
    repeat_for: list[Ident] = Field(
        default_factory=list,
        description="Activity ids that each get their own copy of the questions "
        "in the printable form (e.g. one PDCA block per module).",
    )


# --- editions/<id>.yml ------------------------------------------------------
# One file per cohort: the dates, places and people that change every time the
# course runs. Everything else lives in the course files above.


def _clock(value: Any) -> Any:
    """A time of day written as HH:MM or H.MM, and nothing that could mean two things.

    The reader (yamlfile) keeps an unquoted 15:30 or 15.30 as the text written
    (YAML 1.1 would make 930 or 15.3 of them). A bare number such as 1230 or 9
    is refused with the fix, as are hours past 23 and minutes past 59.
    """
    if isinstance(value, dt.time):
        return value
    written = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", written)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return dt.time(int(match[1]), int(match[2]))
    hint = ""
    digits = re.fullmatch(r"(\d{1,2}?)(\d{2})", written)
    if match and int(match[1]) >= 24:
        hint = "00:00–23:59"
    elif digits and int(digits[1] or 0) < 24 and int(digits[2]) < 60:
        hint = f"{int(digits[1] or 0):02d}:{digits[2]}"
    elif re.fullmatch(r"\d{1,2}", written) and int(written) < 24:
        hint = f"{int(written):02d}:00"
    raise PydanticCustomError("clock", "expected a time as HH:MM", {"hint": hint})


Clock = Annotated[
    dt.time,
    BeforeValidator(_clock),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$",
            "description": 'A time of day as HH:MM, e.g. "09:00".',
        }
    ),
]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


def _email(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise PydanticCustomError("email", "expected an e-mail address")
    return value


Email = Annotated[str, AfterValidator(_email)]


class Venue(Strict):
    name: Text = Field(description='The building or place, e.g. "Nyborg Rådhus".')
    address: Text | None = Field(None, description="Street, postcode and town.")
    room: Text | None = Field(None, description="Room or hall inside the building.")


class Session(Strict):
    date: dt.date = Field(description="The day of the activity (YYYY-MM-DD).")
    start: Clock = Field(description="Start time, Danish time (HH:MM).")
    end: Clock = Field(description="End time, Danish time (HH:MM).")
    venue: Venue | None = Field(
        None, description="Where it takes place; required once published."
    )


class MeetingWindow(Strict):
    first_day: dt.date = Field(description="First day the TRIO can meet.")
    last_day: dt.date = Field(description="Last day the TRIO should have met.")


class Reading(Strict):
    title: Text
    author: Text | None = None
    year: int | Text | None = None
    url: WebAddress | None = Field(None, description="A web address, or use `file`.")
    file: Text | None = Field(
        None, description="A file under docs/, e.g. filer/artikel.pdf (or use `url`)."
    )


class Before(Strict):
    trio_meeting: MeetingWindow | None = Field(
        None, description="When the TRIO meets before this activity."
    )
    readings: list[Reading] = Field(
        default_factory=list, description='Shown under "Før modulet".'
    )


class Instructor(Strict):
    name: Text
    role: Text = Field(description='E.g. "Underviser, organisationspsykolog".')
    bio: Markdown | None = Field(None, description="A few lines (Markdown).")
    photo: Text | None = Field(None, description="Image path under docs/.")


class Contact(Strict):
    name: Text = Field(description="A person or a shared mailbox's name.")
    email: Email
    phone: Text | None = None


class Edition(Strict):
    name: Text = Field(description='The cohort\'s name, e.g. "Forår 2027".')
    status: Literal["udkast", "offentliggjort"]
    sample: bool = Field(
        False, description="True for the shipped sample edition (dates are invented)."
    )
    notice: Markdown | None = Field(None, description="A notice shown on every page.")
    sessions: dict[str, Session] = Field(
        description="Date, time and place of each activity, keyed by activity id."
    )
    before: dict[str, Before] = Field(
        default_factory=dict,
        description="The weeks before an activity, keyed by that activity's id: "
        "the TRIO meeting window and the readings.",
    )
    instructors: list[Instructor] = Field(default_factory=list)
    instructors_note: Markdown | None = Field(
        None, description="Shown when no instructors are named yet."
    )
    contact: Contact | None = Field(
        None, description="Who participants write to; required once published."
    )
    changes: list[Text] = Field(
        default_factory=list,
        description='"Nyt i denne udgave": what changed since the last edition.',
    )
    updated: dt.date | None = None


# --- glossary.yml -----------------------------------------------------------


class Term(Strict):
    term: Text
    abbr: Text | None = Field(None, description="Abbreviation, e.g. AMR.")
    definition: Markdown
    avoid: list[Text] = Field(
        default_factory=list,
        description="Other names for the same thing that the handbook does not use "
        "(one term per concept); `coursebook check` warns where they occur.",
    )


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)
