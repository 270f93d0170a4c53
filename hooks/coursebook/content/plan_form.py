"""The fillable layout of a plan, shared by the PDF form, the Word file and the
web form: which blocks, which fields, and what each field is called.

A plan with `repeat_for` gets one block of its questions per activity (one
PDCA block per module); field names are then `<activity>/<question>`, e.g.
`modul-1/plan`. Not a period: in a PDF form a period separates the levels of
a field's name (PDF 1.7, 12.7.3.2), and viewers would read `modul-1.plan` as
a field `plan` inside a group `modul-1`. Every output names its fields from
here, so an answer exported from the web form matches the PDF field of the
same name.
"""

from __future__ import annotations

from dataclasses import dataclass

from .bundle import Content
from .model import Plan, Question
from .problems import ContentError, Problem, display_path

SEPARATOR = "/"  # between activity and question in a repeated field's name
# Interface text: the fields every form starts with (name, label, autocomplete)
PERSON_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("navn", "Navn", "name"),
    ("enhed", "Enhed", "organization"),
    ("dato", "Dato", "off"),
)


@dataclass(frozen=True)
class PersonField:
    name: str
    label: str
    autocomplete: str


@dataclass(frozen=True)
class AnswerField:
    name: str
    number: int
    question: Question

    @property
    def step(self) -> str | None:
        """'Planlæg (Plan)' for a labelled step, None for a plain question."""
        q = self.question
        if not q.label:
            return None
        return f"{q.label} ({q.cycle})" if q.cycle else q.label


@dataclass(frozen=True)
class Block:
    """The plan's questions once, or once for one activity."""

    activity_id: str | None
    heading: str | None
    label: str | None
    fields: list[AnswerField]


@dataclass(frozen=True)
class PlanForm:
    ident: str
    plan: Plan
    course_title: str
    organiser: str
    edition_id: str
    edition_name: str
    person: list[PersonField]
    blocks: list[Block]

    @property
    def answer_fields(self) -> list[AnswerField]:
        return [field for block in self.blocks for field in block.fields]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.person] + [f.name for f in self.answer_fields]


def plan_form(content: Content, ident: str) -> PlanForm:
    """The form for plan `ident`; raises ContentError if two fields share a name."""
    plan = content.plans[ident]
    blocks: list[Block] = []
    for activity_id in plan.repeat_for or [None]:
        prefix = f"{activity_id}{SEPARATOR}" if activity_id else ""
        activity = content.activities[activity_id] if activity_id else None
        blocks.append(
            Block(
                activity_id=activity_id,
                heading=f"{activity.label}: {activity.title}" if activity else None,
                label=activity.label if activity else None,
                fields=[
                    AnswerField(f"{prefix}{q.id}", number, q)
                    for number, q in enumerate(plan.questions, start=1)
                ],
            )
        )
    form = PlanForm(
        ident=ident,
        plan=plan,
        course_title=content.course.title,
        organiser=content.course.organiser,
        edition_id=content.edition_id,
        edition_name=content.edition.name,
        person=[PersonField(*field) for field in PERSON_FIELDS],
        blocks=blocks,
    )
    _check_unique(form, content)
    return form


def _check_unique(form: PlanForm, content: Content) -> None:
    seen: set[str] = set()
    for name in form.field_names:
        if name in seen:
            question = name.rpartition(SEPARATOR)[2]
            reserved = ", ".join(f[0] for f in PERSON_FIELDS)
            hint = (
                f"'{question}' is reserved for the form's own fields ({reserved})"
                if question in reserved.split(", ")
                else "each question in a plan needs its own id"
            )
            path = display_path(content.root / "plans" / f"{form.ident}.yml")
            raise ContentError(
                [
                    Problem(
                        path,
                        1,
                        "error",
                        f"questions: the id '{question}' is used twice; {hint}",
                    )
                ]
            )
        seen.add(name)
