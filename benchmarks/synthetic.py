"""Synthetic courses: the shipped content copied N times (activities, tools, plans)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def scaled_content(source: Path, target: Path, factor: int) -> Path:
    """Copy source to target with every activity, tool and plan present `factor` times.

    Copy k of item `x` is `x-k<k>`; copied activities point at copied tools and
    plans, so the cross-references stay valid and every page is a real page.
    """
    shutil.copytree(source, target)
    activities = {
        p.stem: _load(p) for p in sorted((source / "activities").glob("*.yml"))
    }
    tools = {p.stem: _load(p) for p in sorted((source / "tools").glob("*.yml"))}
    plans = {p.stem: _load(p) for p in sorted((source / "plans").glob("*.yml"))}
    step = max(a["order"] for a in activities.values())
    renamed: dict[str, str] = {}
    for k in range(2, factor + 1):
        suffix = f"-k{k}"
        for ident in [*activities, *tools, *plans]:
            renamed[ident] = ident + suffix
        for ident, data in tools.items():
            copy = dict(data, name=f"{data['name']} ({k})")
            copy["related"] = [renamed[r] for r in data.get("related", [])]
            _dump(target / "tools" / f"{ident}{suffix}.yml", copy)
        for ident, data in plans.items():
            copy = dict(data, title=f"{data['title']} ({k})")
            copy["repeat_for"] = [renamed[r] for r in data.get("repeat_for", [])]
            _dump(target / "plans" / f"{ident}{suffix}.yml", copy)
        for ident, data in activities.items():
            copy = dict(data, order=data["order"] + step * (k - 1))
            copy["label"] = f"{data['label']} ({k})"
            for field in ("tools", "plans"):
                copy[field] = [renamed[r] for r in data.get(field, [])]
            _dump(target / "activities" / f"{ident}{suffix}.yml", copy)
        _copy_edition_entries(target, activities, suffix)
    return target


def _copy_edition_entries(
    target: Path, activities: dict[str, Any], suffix: str
) -> None:
    """Give copied activities the same per-activity edition data as their originals."""
    for path in (target / "editions").glob("*.yml"):
        data = _load(path)
        changed = False
        for value in data.values():
            if isinstance(value, dict) and set(activities) <= set(value):
                for ident in activities:
                    value[ident + suffix] = value[ident]
                changed = True
        if changed:
            _dump(path, data)
