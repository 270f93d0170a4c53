"""The one entry point that checks content: `validate()`.

`coursebook check`, the MkDocs build, `coursebook new-edition` and
`coursebook publish` all call it, with their purpose; it reads every file
(loader), assembles the content, and runs the rules of rules.RULES that apply
to that purpose. The result is cached by a hash of the files it read, so a
`mkdocs serve` rebuild with unchanged content does not check it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import yaml

from ..cache import files_digest, kept, package_digest
from ..i18n import language
from .bundle import Content
from .loader import Read, read_content
from .problems import ContentError, Problem, Report
from .rules import RULES, Inputs, SiteConfig
from .yamlfile import YamlDoc, read_yaml

PURPOSES = ("check", "build", "publish", "new-edition")
_CACHE: dict[str, Report] = {}


def validate(
    content_dir: Path,
    edition: str | None = None,
    purpose: str = "check",
    *,
    edition_source: str = "--edition",
    config_file: Path | None = None,
    today: dt.date | None = None,
) -> Report:
    """Check content_dir for purpose; the edition to build is `edition` (named
    by edition_source in messages), else course.yml's. The settings module
    says which edition the settings and the environment ask for."""
    assert purpose in PURPOSES, purpose
    if edition is None:
        edition_source = ""
    today = today or dt.date.today()
    config_file = config_file or find_config(content_dir)
    site = read_site_config(config_file)
    docs_dir = _docs_dir(config_file, site)
    key = _cache_key(
        content_dir, config_file, docs_dir, edition, edition_source, purpose, today
    )
    if key and key in _CACHE:
        return _CACHE[key]

    # only the build reads a report from disk (for a fast cold build); check
    # and publish look again, e.g. at whether the spelling dictionary is there
    def run() -> Report:
        return _validate(
            content_dir,
            edition,
            purpose,
            edition_source,
            config_file,
            site,
            docs_dir,
            today,
        )

    if key is None or purpose != "build":
        return run()
    # a cold build of unchanged content reads the report it left
    disk_key = hashlib.sha256(
        f"{key} {language()} {Path.cwd()} {package_digest()}".encode()
    ).hexdigest()
    report = kept("report", disk_key, run)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = report
    return report


def _validate(
    content_dir: Path,
    edition: str | None,
    purpose: str,
    edition_source: str,
    config_file: Path | None,
    site: SiteConfig,
    docs_dir: Path | None,
    today: dt.date,
) -> Report:
    read = read_content(content_dir)
    course = read.models.get(("course", "course"))
    raw_course = read.docs.get(("course", "course"))
    edition_id = edition
    if edition_id is None and course is not None:
        edition_id = course.edition
    elif edition_id is None and raw_course is not None and raw_course.data:
        chosen = raw_course.data.get("edition")
        edition_id = chosen if isinstance(chosen, str) else None
    inputs = Inputs(
        root=content_dir,
        purpose=purpose,
        read=read,
        content=_assemble(read, edition_id),
        edition_id=edition_id,
        edition_source=edition_source or None,
        site=site,
        docs_dir=docs_dir,
        today=today,
    )
    problems: set[Problem] = set()
    for rule in RULES:
        problems.update(rule.run(inputs))
    return Report(inputs.content, sorted(problems))


def load_content(
    root: Path, edition: str | None = None
) -> tuple[Content, list[Problem]]:
    """Validated content for a build: the content and its warnings; raises
    ContentError listing every problem when there is at least one error."""
    report = validate(root, edition, purpose="build")
    if report.stops():
        raise ContentError(report.problems)
    assert report.content is not None
    return report.content, report.warnings


def _assemble(read: Read, edition_id: str | None) -> Content | None:
    """The content built from the files that validated (None without a course
    or without the edition to build)."""
    course = read.models.get(("course", "course"))
    editions = read.loaded("editions")
    if course is None or edition_id not in editions:
        return None
    activities = dict(
        sorted(read.loaded("activities").items(), key=lambda item: item[1].order)
    )
    return Content(
        course=course,
        activities=activities,
        tools=_in_course_order(read.loaded("tools"), activities, "tools"),
        plans=_in_course_order(read.loaded("plans"), activities, "plans"),
        editions=editions,
        edition_id=edition_id,
        glossary=read.models.get(("glossary", "glossary")),
        root=read.root,
    )


def _in_course_order(
    items: dict[str, Any], activities: dict[str, Any], field: str
) -> dict[str, Any]:
    """Tools or plans in the order the course first uses them; unused ones last."""
    order: list[str] = []
    for activity in activities.values():
        order += [ref for ref in getattr(activity, field) if ref not in order]
    rank = {ident: index for index, ident in enumerate(order)}
    return dict(
        sorted(items.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))
    )


# --- mkdocs.yml -----------------------------------------------------------------


def find_config(content_dir: Path) -> Path | None:
    """The project's mkdocs.yml (settings.project_config), if there is one."""
    from ..settings import project_config

    found = project_config(content_dir)
    return found if found.is_file() else None


def read_site_config(path: Path | None) -> SiteConfig:
    """site_url, the accessibility statement and their lines. The file is only
    composed, never constructed: its !!python tags stay inert."""
    if path is None or not path.is_file():
        return SiteConfig()
    doc = YamlDoc(path)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return SiteConfig(path)
    values: dict[str, Any] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            doc.lines[(key.value,)] = key.start_mark.line + 1
            if isinstance(value, yaml.ScalarNode):
                values[key.value] = value.value
            elif key.value == "extra" and isinstance(value, yaml.MappingNode):
                for inner, item in value.value:
                    doc.lines[("extra", inner.value)] = inner.start_mark.line + 1
                    if isinstance(item, yaml.ScalarNode):
                        values["extra." + inner.value] = item.value
    return SiteConfig(
        path,
        doc,
        values.get("site_url"),
        values.get("extra.accessibility_statement"),
        values.get("docs_dir"),
    )


def _docs_dir(config_file: Path | None, site: SiteConfig) -> Path | None:
    if config_file is None:
        return None
    return config_file.parent / (site.docs_dir or "docs")


# --- cache ----------------------------------------------------------------------


def _cache_key(
    content_dir: Path,
    config_file: Path | None,
    docs_dir: Path | None,
    edition: str | None,
    source: str,
    purpose: str,
    today: dt.date,
) -> str | None:
    """A hash of everything validation reads; None when it cannot be taken."""
    digest = hashlib.sha256(
        repr((str(content_dir.resolve()), edition, source, purpose, today)).encode()
    )
    try:
        files = sorted(content_dir.rglob("*")) if content_dir.is_dir() else []
        if config_file is not None:
            files.append(config_file)
        if docs_dir is not None and docs_dir.is_dir():
            files += sorted(docs_dir.rglob("*"))
        files_digest(digest, files)
    except OSError:
        return None
    return digest.hexdigest()


__all__ = ["validate", "read_yaml", "Report"]
