"""Unchanged downloads come from the content-addressed cache (cache.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site, replace


def test_unchanged_downloads_are_copied_and_changed_ones_made_again(
    tmp_path: Path, content_copy: Path
) -> None:
    cache = tmp_path / "cache"
    first, second, third = (tmp_path / f"site-{n}" for n in (1, 2, 3))
    env = {"XDG_CACHE_HOME": str(cache), "COURSEBOOK_PDF": "0"}
    build_site(first, content_copy, **env)
    made = sorted(p.name.split("-")[0] for p in (cache / "coursebook/files").iterdir())
    assert "docx" in made and "ics" in made
    build_site(second, content_copy, **env)
    for name in ("handleplan.docx", "kalender.ics", "kalender-modul-1.ics"):
        # the very same bytes: made once (a new file would carry a new time)
        assert (second / "downloads" / name).read_bytes() == (
            first / "downloads" / name
        ).read_bytes(), name
    # a changed plan is made again, the other files stay as they were
    replace(
        content_copy / "plans" / "handleplan.yml",
        "title: Handleplan",
        "title: Min plan",
    )
    build_site(third, content_copy, **env)
    changed = (third / "downloads" / "handleplan.docx").read_bytes()
    assert changed != (first / "downloads" / "handleplan.docx").read_bytes()
    assert (third / "downloads" / "udviklingsplan.docx").read_bytes() == (
        first / "downloads" / "udviklingsplan.docx"
    ).read_bytes()
