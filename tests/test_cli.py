"""The coordinator's commands: check, build, schema."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from conftest import CONTENT, ROOT, replace
from coursebook.content.schemas import render_schema, schema_names


def coursebook(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coursebook.commands.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_passes_on_shipped_content_in_under_a_second() -> None:
    started = time.perf_counter()
    result = coursebook("check")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "i orden" in result.stderr
    assert elapsed < 5  # generous for a busy CI box; the benchmark tracks the real time
    # the shipped mkdocs.yml is not ready to publish: only mkdocs.yml is named
    strict = coursebook("check", "--strict")
    assert strict.returncode == 1
    lines = strict.stdout.splitlines()
    assert lines and all(line.startswith("mkdocs.yml:") for line in lines), lines
    assert any("accessibility_statement" in line for line in lines), lines


def test_check_strict_passes_on_a_project_set_up_for_publishing(
    content_copy: Path,
) -> None:
    result = coursebook("check", "--strict", "--content", str(content_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_check_reports_each_problem_once_without_traceback(content_copy: Path) -> None:
    replace(content_copy / "course.yml", "organiser: Nyborg Kommune", "organiser: a: b")
    modul = content_copy / "activities" / "modul-1.yml"
    replace(modul, "label: Modul 1", "label: Modul 1\ntitel: x\nkind: modul")
    replace(modul, "participants: leder\n", "")
    replace(modul, "order: 2", "order: to")
    replace(modul, "  - iglo", "  - igloo")
    result = coursebook("check", "--content", str(content_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(": fejl: " in line for line in lines), lines
    expected = [
        "course.yml:",
        "'titel' er ikke et felt her",
        "feltet 'kind' står to gange",
        "participants: feltet skal udfyldes, men mangler",
        "order: skal være et helt tal",
        "ukendt værktøj 'igloo'",
    ]
    for fragment in expected:
        assert sum(fragment in line for line in lines) == 1, (fragment, lines)


def test_check_reports_dangling_reference(content_copy: Path) -> None:
    replace(content_copy / "activities" / "modul-1.yml", "  - iglo", "  - igloo")
    result = coursebook("check", "--content", str(content_copy))
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": fejl: " in line]
    assert len(errors) == 1
    assert "modul-1.yml:63: fejl: " in errors[0]
    assert "ukendt værktøj 'igloo'; mente du 'iglo'?" in result.stdout
    assert "1 fejl, 1 advarsel. Ret fejlene" in result.stderr


def test_failed_build_leaves_the_previous_site_intact(
    content_copy: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    good = coursebook("build", "--content", str(content_copy), "--site-dir", str(site))
    assert good.returncode == 0, good.stderr
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    replace(content_copy / "activities" / "modul-1.yml", "kind: modul", "kind: module")
    bad = coursebook("build", "--content", str(content_copy), "--site-dir", str(site))
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr
    assert "kind: skal være en af workshop / modul" in bad.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site-build-*"))


def test_json_schemas_are_up_to_date() -> None:
    for name, model in schema_names().items():
        path = CONTENT / "schemas" / name
        assert path.read_text(encoding="utf-8") == render_schema(model), (
            f"{path} is stale: run `coursebook schema`"
        )


def test_every_yaml_file_points_to_its_schema() -> None:
    for path in CONTENT.rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), (path, target)
