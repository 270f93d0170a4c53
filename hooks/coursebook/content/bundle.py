"""The validated course as one object: what every output is rendered from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Activity, Course, Edition, Glossary, Plan, Tool


@dataclass(frozen=True)
class Content:
    course: Course
    activities: dict[str, Activity]
    tools: dict[str, Tool]
    plans: dict[str, Plan]
    editions: dict[str, Edition]
    edition_id: str
    glossary: Glossary | None = None
    root: Path = field(default=Path("content"))

    @property
    def edition(self) -> Edition:
        return self.editions[self.edition_id]

    def activities_using_tool(self, tool_id: str) -> list[tuple[str, Activity]]:
        return [(i, a) for i, a in self.activities.items() if tool_id in a.tools]

    def activities_using_plan(self, plan_id: str) -> list[tuple[str, Activity]]:
        return [(i, a) for i, a in self.activities.items() if plan_id in a.plans]

    def activities_serving_goal(self, goal_id: str) -> list[tuple[str, Activity]]:
        return [(i, a) for i, a in self.activities.items() if goal_id in a.goals]
