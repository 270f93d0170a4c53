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

    # defer_build: a build that reads its checked content from the cache
    # (content/validation.py) never validates, so pays nothing for schemas
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- course.yml -------------------------------------------------------------


class LearningGoal(Strict):
    id: Ident = Field(description="Kort id, som aktiviteterne bruger under `goals`.")
    text: Text = Field(description="Læringsmålet, som deltageren læser det.")


class KeyPoint(Strict):
    lead_in: Text | None = Field(
        None, description="En indledende sætning, der vises før punktet."
    )
    text: Markdown = Field(description="Selve punktet (Markdown).")


class KeyPointGroup(Strict):
    question: Text = Field(
        description="Spørgsmålet, som denne gruppe af punkter svarer på."
    )
    intro: Markdown = Field(description="Tekst mellem spørgsmålet og punkterne.")
    points: list[KeyPoint] = Field(min_length=1)


class KeyPoints(Strict):
    title: Text
    groups: list[KeyPointGroup] = Field(
        min_length=1,
        description="Punkterne nummereres fortløbende på tværs af grupperne.",
    )


class Welcome(Strict):
    greeting: Text
    heading: Text
    intro: Markdown
    body: list[Markdown] = Field(min_length=1, description="Afsnit (Markdown).")


class Outcomes(Strict):
    title: Text
    teaching: Markdown = Field(
        description="Hvordan der undervises på uddannelsen (Markdown)."
    )
    goals_intro: Text
    goals: list[LearningGoal] = Field(min_length=1)


class Overview(Strict):
    title: Text
    intro: Markdown
    between: list[Text] = Field(
        min_length=1, description="Hvad der sker mellem to aktiviteter."
    )
    throughout: Text = Field(description="Hvad der går igen gennem hele uddannelsen.")


class Process(Strict):
    title: Text
    text: Markdown


class Anchoring(Strict):
    title: Text
    intro: Markdown
    processes: list[Process] = Field(min_length=1)


class Course(Strict):
    title: Text = Field(
        description="Uddannelsens titel, som i sidehovedet og på forsiden."
    )
    organiser: Text = Field(
        description="Hvem der står for uddannelsen, fx Nyborg Kommune."
    )
    edition: Ident = Field(
        description="Id på den udgave, der bygges (en fil i editions/). "
        "COURSEBOOK_EDITION vælger en anden for én bygning."
    )
    welcome: Welcome
    outcomes: Outcomes
    key_points: KeyPoints
    overview: Overview
    anchoring: Anchoring


# --- activities/<id>.yml ----------------------------------------------------


class Purpose(Strict):
    lead: Text = Field(description='Indledningen, fx "Som leder får du:".')
    items: list[Markdown] = Field(min_length=1)


class Theme(Strict):
    text: Markdown
    bullets: list[Markdown] = Field(default_factory=list)


class Activity(Strict):
    order: int = Field(ge=1, description="Placering i forløbet (1 = først).")
    kind: Literal["workshop", "modul"]
    label: Text = Field(description='Kort navn, fx "Modul 1".')
    definite: Text = Field(
        description="Det korte navn i bestemt form, som det står inde i en "
        'sætning: "opstartsworkshoppen", "modul 1" (fx "Værktøjer i '
        'opstartsworkshoppen").'
    )
    title: Text = Field(description="Aktivitetens titel.")
    subtitle: Text | None = None
    overview_title: Text | None = Field(
        None, description="Titel i overblikket, hvis den er en anden end `title`."
    )
    participants: Literal["trio", "leder"] = Field(
        description="trio (leder, AMR og TR) eller leder (lederen alene)."
    )
    overview_themes: list[Text] = Field(min_length=1)
    description: Markdown
    purpose: Purpose
    themes: list[Theme] = Field(min_length=1)
    tools: list[Ident] = Field(
        default_factory=list, description="Id'er på værktøjer (tools/)."
    )
    plans: list[Ident] = Field(
        default_factory=list, description="Id'er på planer (plans/)."
    )
    goals: list[Ident] = Field(
        default_factory=list,
        description="Id'er på de læringsmål, aktiviteten arbejder med.",
    )
    before: list[Markdown] = Field(
        min_length=1, description='Tjeklisten "Før modulet" (Markdown).'
    )


# --- tools/<id>.yml ---------------------------------------------------------


class Part(Strict):
    name: Text
    text: Markdown
    signs: list[Text] = Field(
        default_factory=list, description="Advarselstegn eller eksempler for denne del."
    )


class Reference(Strict):
    author: Text
    year: Text | None = None
    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None


class Practice(Strict):
    setting: Text = Field(description='Hvor, fx "I TRIO\'en".')
    text: Markdown


class Tool(Strict):
    name: Text
    pronoun: Literal["den", "det", "de"] = Field(
        description="Stedordet, der står for værktøjet i overskrifter som "
        '"Sådan bruger du den": den (et en-ord, fx IGLO-modellen), det (et '
        "et-ord) eller de (flertal, fx De seks guldkorn)."
    )
    short: Text = Field(description="Én linje om, hvad værktøjet er til (kort).")
    guide_text: list[Markdown] = Field(
        min_length=1, description="Hvad kursusguiden selv siger om værktøjet."
    )
    summary: Markdown | None = Field(
        None, description="To-tre sætninger til en travl leder."
    )
    diagram: (
        Literal["levels", "ring", "stairs", "cycle", "container", "list"] | None
    ) = None
    parts_title: Text | None = None
    parts: list[Part] = Field(default_factory=list)
    origin: Markdown | None = Field(
        None,
        description="Hvor modellen kommer fra; sig, hvad der ikke er dokumenteret.",
    )
    references: list[Reference] = Field(default_factory=list)
    practice: list[Practice] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    related: list[Ident] = Field(
        default_factory=list, description="Id'er på beslægtede værktøjer."
    )


# --- plans/<id>.yml ---------------------------------------------------------


class Question(Strict):
    id: Ident
    label: Text | None = Field(None, description='Kort betegnelse, fx "Planlæg".')
    cycle: Text | None = Field(None, description='Ord i cyklussen, fx "Plan".')
    text: Text = Field(description="Spørgsmålet eller opgaven.")


class Plan(Strict):
    title: Text
    subtitle: Text | None = None
    intro: Markdown | None = None
    central_question: Text | None = None
    questions: list[Question] = Field(min_length=1)
    advice: Markdown | None = None
    repeat_for: list[Ident] = Field(
        default_factory=list,
        description="Id'er på aktiviteter, der hver får deres egen kopi af "
        "spørgsmålene i den printbare formular (fx én PDCA-blok pr. modul).",
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
            "description": 'Et klokkeslæt som TT:MM, fx "09:00".',
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
    name: Text = Field(description='Bygningen eller stedet, fx "Nyborg Rådhus".')
    address: Text | None = Field(None, description="Gade, postnummer og by.")
    room: Text | None = Field(None, description="Lokale eller sal i bygningen.")


class Session(Strict):
    date: dt.date = Field(description="Dagen for aktiviteten (ÅÅÅÅ-MM-DD).")
    start: Clock = Field(description="Starttid, dansk tid (TT:MM).")
    end: Clock = Field(description="Sluttid, dansk tid (TT:MM).")
    venue: Venue | None = Field(
        None, description="Hvor den foregår; skal udfyldes, når udgaven offentliggøres."
    )


class MeetingWindow(Strict):
    first_day: dt.date = Field(description="Første dag, TRIO'en kan mødes.")
    last_day: dt.date = Field(description="Sidste dag, TRIO'en skal have mødtes.")


class Reading(Strict):
    title: Text
    author: Text | None = None
    year: int | Text | None = None
    url: WebAddress | None = Field(
        None, description="En webadresse, eller brug `file`."
    )
    file: Text | None = Field(
        None, description="En fil under docs/, fx filer/artikel.pdf (eller brug `url`)."
    )


class Before(Strict):
    trio_meeting: MeetingWindow | None = Field(
        None, description="Hvornår TRIO'en mødes før denne aktivitet."
    )
    readings: list[Reading] = Field(
        default_factory=list, description='Vises under "Før modulet".'
    )


class Instructor(Strict):
    name: Text
    role: Text = Field(description='Fx "Underviser, organisationspsykolog".')
    bio: Markdown | None = Field(None, description="Et par linjer (Markdown).")
    photo: Text | None = Field(None, description="Sti til et billede under docs/.")


class Contact(Strict):
    name: Text = Field(description="Navnet på en person eller en fælles postkasse.")
    email: Email
    phone: Text | None = None


class Edition(Strict):
    name: Text = Field(description='Holdets navn, fx "Forår 2027".')
    status: Literal["udkast", "offentliggjort"]
    sample: bool = Field(
        False, description="true for eksempeludgaven (datoerne er opdigtede)."
    )
    notice: Markdown | None = Field(
        None, description="En besked, der vises på hver side."
    )
    sessions: dict[str, Session] = Field(
        description="Dato, tid og sted for hver aktivitet, under aktivitetens id."
    )
    before: dict[str, Before] = Field(
        default_factory=dict,
        description="Ugerne før en aktivitet, under aktivitetens id: "
        "hvornår TRIO'en mødes, og hvad der skal læses.",
    )
    instructors: list[Instructor] = Field(default_factory=list)
    instructors_note: Markdown | None = Field(
        None, description="Vises, når der endnu ikke er nævnt undervisere."
    )
    contact: Contact | None = Field(
        None,
        description="Hvem deltagerne skriver til; skal udfyldes, når udgaven "
        "offentliggøres.",
    )
    changes: list[Text] = Field(
        default_factory=list,
        description='"Nyt i denne udgave": hvad der er ændret siden sidste hold.',
    )
    updated: dt.date | None = None


# --- glossary.yml -----------------------------------------------------------


class Term(Strict):
    term: Text
    abbr: Text | None = Field(None, description="Forkortelse, fx AMR.")
    definition: Markdown
    avoid: list[Text] = Field(
        default_factory=list,
        description="Other names for the same thing that the handbook does not use "
        "(one term per concept); `coursebook check` warns where they occur.",
    )


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)
