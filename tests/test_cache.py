"""Unchanged downloads come from the content-addressed cache (cache.py), and
a build of unchanged inputs replays the last one (snapshot.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_site, replace
from pypdf import PdfReader


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


def _build_in_process(site_dir: Path, content_dir: Path, **env: str) -> str:
    """`mkdocs build` in a fresh Python; what it logged, and then whether it
    loaded the content model ("model loaded" or "model not loaded")."""
    script = (
        "import sys, runpy\n"
        "import os\n"
        f"sys.argv = ['mkdocs', 'build', '--strict', '-d', {str(site_dir)!r}]\n"
        "if os.environ.get('CONFIG'):\n"
        "    sys.argv += ['-f', os.environ['CONFIG']]\n"
        "try:\n"
        "    runpy.run_module('mkdocs', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "loaded = {'coursebook.content.model', 'pydantic'} & set(sys.modules)\n"
        "print('model loaded' if loaded else 'model not loaded')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "COURSEBOOK_CONTENT": str(content_dir),
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr + result.stdout


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def test_a_build_of_unchanged_inputs_replays_the_last_one(
    tmp_path: Path, content_copy: Path
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "COURSEBOOK_PDF": "0"}
    first, second, third = (tmp_path / f"site-{n}" for n in (1, 2, 3))
    assert "model loaded" in _build_in_process(first, content_copy, **env)
    replayed = _build_in_process(second, content_copy, **env)
    # the same site, byte for byte, without loading or checking the content
    assert "model not loaded" in replayed
    assert "downloads written from the last build" in replayed
    assert _files(second) == _files(first)
    # an edit in the content is built, not replayed
    replace(
        content_copy / "course.yml",
        "title: Ledelse af psykisk arbejdsmiljø",
        "title: Ledelse af trivsel",
    )
    assert "model loaded" in _build_in_process(third, content_copy, **env)
    front = (third / "index.html").read_text(encoding="utf-8")
    assert "Ledelse af trivsel" in front
    assert "Ledelse af trivsel" in (third / "manifest.webmanifest").read_text("utf-8")


def test_an_edited_hand_written_page_is_built_again(
    tmp_path: Path, content_copy: Path
) -> None:
    docs = content_copy.parent / "docs"
    page = docs / "om-haandbogen.md"
    config = ROOT / f".test-docs-{os.getpid()}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {docs}\n", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "COURSEBOOK_PDF": "0"}
    try:
        for site_dir in (tmp_path / "site-1", tmp_path / "site-2"):
            _build_in_process(site_dir, content_copy, **env, CONFIG=str(config))
            page.write_text(
                page.read_text("utf-8") + "\n\nNy linje om {{ course.title }}.\n",
                encoding="utf-8",
            )
    finally:
        config.unlink()
    html = (tmp_path / "site-2" / "om-haandbogen" / "index.html").read_text("utf-8")
    assert "Ny linje om Ledelse af psykisk arbejdsmiljø." in html


def test_a_replayed_build_still_makes_the_pdfs(
    tmp_path: Path, content_copy: Path
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first, second = tmp_path / "site-1", tmp_path / "site-2"
    _build_in_process(first, content_copy, **env, COURSEBOOK_PDF="0")
    log = _build_in_process(second, content_copy, **env, COURSEBOOK_PDF="1")
    assert "downloads written from the last build" in log
    guide = PdfReader(second / "downloads" / "kursusguide.pdf")
    assert len(guide.pages) > 20
    cover = " ".join(guide.pages[0].extract_text().split())
    assert "Ledelse af psykisk arbejdsmiljø" in cover
    plan = PdfReader(second / "downloads" / "handleplan.pdf")
    assert plan.get_fields()
