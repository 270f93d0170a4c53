"""The route table: every page and download URL comes from site/routes.py."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import ROOT
from coursebook.site import routes
from icalendar import Calendar
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pypdf import PdfReader

TEMPLATE_DIRS = [ROOT / "hooks" / "coursebook" / "templates", ROOT / "overrides"]
_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def _template_code(path: Path) -> str:
    """A template without its comments (those may name a page in prose)."""
    return _COMMENT.sub("", path.read_text(encoding="utf-8"))


def _literal_paths() -> list[str]:
    """Every address the table knows, as a template would have spelled it."""
    found = {routes.DOWNLOADS + "/"}
    for src in routes.PAGES.values():
        url = routes.page_url(src)
        found |= {src} | ({url} if url else set())
    for pattern in routes.SECTIONS.values():
        prefix = pattern.split("{}")[0]
        if prefix:
            found.add(prefix)
    for pattern in routes.FILES.values():
        found |= {part for part in pattern.split("{}") if len(part) > 4}
    return sorted(found)


def test_templates_hold_no_literal_page_or_download_paths() -> None:
    literals = _literal_paths()
    assert "vaerktoejer/" in literals and "kursusguide.pdf" in literals
    offenders = []
    for folder in TEMPLATE_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".j2", ".html"):
                continue
            code = _template_code(path)
            # a Markdown link to a page ([x](page.md)) or a literal path
            offenders += [
                f"{path.relative_to(ROOT)}: {link}"
                for link in re.findall(r"\]\(([^)]*\.md)\b", code)
            ]
            # (not a module's path such as hooks/coursebook/downloads/x.py)
            offenders += [
                f"{path.relative_to(ROOT)}: {literal}"
                for literal in literals
                if re.search(r"(?<![\w/])" + re.escape(literal), code)
            ]
    assert offenders == []


@pytest.fixture
def renamed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """A route table with a section, a page and some files renamed. (Not
    the tools: course texts link to tool pages by their address, and the
    check would rightly stop the build over those links.)"""
    changes = {"activity": "forloeb/{}.md"}
    # a renamed route is a code change, which a build's snapshot notices by
    # the package's files; renamed in memory here, so start without one
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for kind, pattern in changes.items():
        monkeypatch.setitem(routes.SECTIONS, kind, pattern)
    monkeypatch.setitem(routes.PAGES, "practical", "praktisk.md")
    monkeypatch.setitem(routes.FILES, "plan_pdf", "plan-{}.pdf")
    monkeypatch.setitem(routes.FILES, "activity_calendar", "modul-{}.ics")
    monkeypatch.setitem(routes.FILES, "guide", "guiden.pdf")
    monkeypatch.setattr(routes, "DOWNLOADS", "filer")
    return changes


def test_renaming_routes_moves_pages_nav_downloads_and_links(
    renamed: dict[str, str], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)

    # the pages moved, and the old addresses are gone
    assert (site / "forloeb" / "modul-1" / "index.html").is_file()
    assert (site / "praktisk" / "index.html").is_file()
    for old in ("aktiviteter", "praktisk-information", "downloads"):
        assert not (site / old).exists(), old

    # the navigation, the theme overrides and the page links follow
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="forloeb/modul-1/"' in front  # the nav and the page itself
    assert 'href="praktisk/"' in front  # the edition banner (overrides/)
    assert 'href="filer/guiden.pdf"' in front  # the download button
    practical = (site / "praktisk" / "index.html").read_text(encoding="utf-8")
    assert 'href="../filer/kalender.ics"' in practical
    activity = (site / "forloeb" / "modul-1" / "index.html").read_text("utf-8")
    assert 'href="../../filer/modul-modul-1.ics"' in activity
    tool = (site / "vaerktoejer" / "pdca" / "index.html").read_text("utf-8")
    assert 'href="../../forloeb/modul-1/"' in tool

    # the plan forms: the files and the links to them
    plan = (site / "handleplan" / "index.html").read_text(encoding="utf-8")
    assert 'href="../filer/plan-handleplan.pdf"' in plan
    assert (site / "filer" / "plan-handleplan.pdf").is_file()
    assert (site / "filer" / "handleplan.docx").is_file()

    # the calendar's events link to the moved activity pages
    ics = (site / "filer" / "modul-modul-1.ics").read_bytes()
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    url = str(event["URL"])
    assert url == config.site_url.rstrip("/") + "/forloeb/modul-1/"

    # the guide PDF: chapters keyed by the new addresses, its links inside
    reader = PdfReader(site / "filer" / "guiden.pdf")
    names = set(reader.named_destinations)
    assert any(name.startswith("kapitel-forloeb-modul-1") for name in names)
    assert any(name.startswith("kapitel-praktisk--") for name in names)
    assert not any("kapitel-aktiviteter" in name for name in names)
