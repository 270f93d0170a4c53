"""Plan the generated pages and the navigation from the content.

Adding an activity, tool or plan in YAML adds its page and its nav entry here;
mkdocs.yml never lists pages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..content.bundle import Content
from ..content.dates import steps
from ..content.editions import schedule_of
from ..content.plan_form import plan_form
from .diagrams import diagram
from .glossary import by_letter, term_id
from .page_spec import PageSpec
from .render import render_page
from .routes import download
from .routes import page as route

# Site sections (interface text, not course content)
ABOUT = "Om uddannelsen"
ACTIVITIES = "Aktiviteter"
PLANS = "Planer"
TOOLS = "Værktøjskassen"
GOAL_MAP = "Læringsmål på tværs"
GLOSSARY = "Ordliste"
PRACTICAL = "Praktisk information"
_H1 = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


def render_spec(spec: PageSpec, content: Content, site_url: str = "") -> str:
    """The Markdown of the generated page spec plans."""
    schedule = schedule_of(content)
    return render_page(
        spec.template,
        spec.src,
        content=content,
        site_url=site_url,
        subscribe_url=subscribe_url(site_url),
        course=content.course,
        edition=content.edition,
        schedule=schedule,
        steps=steps(schedule),
        title=spec.title,
        **spec.context,
    )


def subscribe_url(site_url: str) -> str:
    """webcal:// address of the edition's calendar ('' without a site_url)."""
    if "://" not in site_url:
        return ""
    host_path = site_url.split("://", 1)[1].rstrip("/")
    return f"webcal://{host_path}/{download('calendar')}"


def plan_pages(content: Content) -> list[PageSpec]:
    course = content.course
    pages = [
        PageSpec(route("front"), "Forside", "index.md.j2", None, _front_page(content)),
        PageSpec(route("outcomes"), course.outcomes.title, "outcomes.md.j2", ABOUT),
        PageSpec(
            route("key_points"), course.key_points.title, "key_points.md.j2", ABOUT
        ),
        PageSpec(route("overview"), course.overview.title, "overview.md.j2", ABOUT),
        PageSpec(route("anchoring"), course.anchoring.title, "anchoring.md.j2", ABOUT),
        PageSpec(route("goal_map"), GOAL_MAP, "goal_map.md.j2", ABOUT),
    ]
    for ident, activity in content.activities.items():
        pages.append(
            PageSpec(
                activity_src(ident),
                activity.label,
                "activity.md.j2",
                ACTIVITIES,
                {"ident": ident, "activity": activity},
                kind="activity",
                ident=ident,
            )
        )
    for ident, plan in content.plans.items():
        pages.append(
            PageSpec(
                plan_src(ident),
                plan.title,
                "plan.md.j2",
                PLANS,
                {"ident": ident, "plan": plan, "form": plan_form(content, ident)},
                kind="plan",
                ident=ident,
            )
        )
    pages.append(PageSpec(route("tools"), TOOLS, "tools_index.md.j2", TOOLS))
    for ident, tool in content.tools.items():
        pages.append(
            PageSpec(
                tool_src(ident),
                tool.name,
                "tool.md.j2",
                TOOLS,
                {"ident": ident, "tool": tool, "diagram": diagram},
                kind="tool",
                ident=ident,
            )
        )
    if content.glossary is not None:
        pages.append(
            PageSpec(
                route("glossary"),
                GLOSSARY,
                "glossary.md.j2",
                None,
                {"groups": by_letter(content.glossary), "term_id": term_id},
            )
        )
    pages.append(PageSpec(route("practical"), PRACTICAL, "practical.md.j2"))
    pages.append(PageSpec(route("instructors"), "Undervisere", "instructors.md.j2"))
    return pages


def _front_page(content: Content) -> dict[str, Any]:
    """What the front page routes to first: the first activity's first plan,
    and the plan repeated across activities (the one to bring every time)."""
    first_activity = next(iter(content.activities.values()))
    first_plan = next(
        ((plan_src(i), content.plans[i]) for i in first_activity.plans), None
    )
    action_plan = next(
        ((plan_src(i), p) for i, p in content.plans.items() if p.repeat_for), None
    )
    return {
        "first_activity": first_activity,
        "first_plan": first_plan,
        "action_plan": action_plan,
    }


def activity_src(ident: str) -> str:
    return route("activity", ident)


def plan_src(ident: str) -> str:
    return route("plan", ident)


def tool_src(ident: str) -> str:
    return route("tool", ident)


def build_nav(pages: list[PageSpec], handwritten: list[tuple[str, str]]) -> list[Any]:
    """MkDocs nav: pages in plan order, grouped by section; hand-written pages last."""
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    # titles come from YAML: Material prints nav titles unescaped
    pages = [replace(p, title=Markup(escape(p.title))) for p in pages]
    for page in pages:
        if page.section is None:
            nav.append({page.title: page.src})
            continue
        if page.section not in sections:
            sections[page.section] = []
            nav.append({page.section: sections[page.section]})
        # a section's index page comes first and carries no title of its own
        entry = page.src if page.src.endswith("/index.md") else {page.title: page.src}
        sections[page.section].append(entry)
    nav.extend({title: src} for src, title in handwritten)
    return nav


def handwritten_pages(docs_dir: Path) -> list[tuple[str, str]]:
    """(src, title) of every Markdown page in docs/, titled by its first heading."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        match = _H1.search(path.read_text(encoding="utf-8"))
        title = match.group(1) if match else path.stem.replace("-", " ").capitalize()
        pages.append((path.relative_to(docs_dir).as_posix(), title))
    return pages
