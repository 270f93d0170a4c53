"""Rendering: YAML edits reach their pages, YAML text is data, nav follows content."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site, replace
from coursebook.site.render import relink
from coursebook.site.routes import relative_url


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_yaml_edit_appears_on_its_page(content_copy: Path, tmp_path: Path) -> None:
    replace(
        content_copy / "activities" / "modul-2.yml",
        "På andet modul arbejder vi",
        "På andet modul arbejder vi (rettet i en test)",
    )
    build_site(tmp_path / "site", content_copy)
    assert "(rettet i en test)" in page(tmp_path / "site", "aktiviteter/modul-2")


def test_yaml_text_is_data_not_template_or_html(
    content_copy: Path, tmp_path: Path
) -> None:
    modul = content_copy / "activities" / "modul-3.yml"
    replace(modul, "label: Modul 3", "label: Modul {{ 7*7 }}")
    replace(
        modul,
        "description: >-\n",
        "description: >-\n  <script>alert('x')</script> **fremhævet**\n",
    )
    build_site(tmp_path / "site", content_copy)
    html = page(tmp_path / "site", "aktiviteter/modul-3")
    assert "Modul {{ 7*7 }}" in html
    assert "Modul 49" not in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<strong>fremhævet</strong>" in html  # Markdown works in long text


def test_new_activity_adds_page_and_nav_entry(
    content_copy: Path, tmp_path: Path
) -> None:
    source = (content_copy / "activities" / "modul-3.yml").read_text(encoding="utf-8")
    (content_copy / "activities" / "modul-4.yml").write_text(
        source.replace("order: 4", "order: 5")
        .replace("label: Modul 3", "label: Modul 4")
        .replace(
            "title: Lederens rolle i at genskabe", "title: Opfølgning og genskabe"
        ),
        encoding="utf-8",
    )
    build_site(tmp_path / "site", content_copy)
    html = page(tmp_path / "site", "aktiviteter/modul-4")
    assert "Opfølgning og genskabe" in html
    front = page(tmp_path / "site", "")
    assert re.search(r'href="aktiviteter/modul-4/"[^>]*>.*?Modul 4', front, re.S)


def test_handwritten_pages_use_course_variables(site: Path) -> None:
    html = page(site, "om-haandbogen")
    assert "Ledelse af psykisk arbejdsmiljø" in html
    assert "{{" not in html


def test_links_are_made_relative_to_each_page() -> None:
    assert relink("[plan](udviklingsplan.md)", "aktiviteter/modul-1.md") == (
        "[plan](../udviklingsplan.md)"
    )
    assert relink("[x](https://example.org/a.md)", "index.md") == (
        "[x](https://example.org/a.md)"
    )
    assert relative_url("vaerktoejer/scarf.md", "aktiviteter/modul-3.md") == (
        "../../vaerktoejer/scarf/"
    )
    assert relative_url("index.md", "overblik.md") == "../"
    assert relative_url("overblik.md", "index.md") == "overblik/"
