"""The invariant of the rule table: if `coursebook check` passes, the build
passes. Small mutations of the shipped content, each checked; every variant
that passes the check is built in-process (PDFs off) and must build."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, configured_project
from coursebook.content.validation import validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

FILES = sorted(p.relative_to(CONTENT) for p in CONTENT.rglob("*.yml"))
# what coordinators (and hostile input) put where a value was
VALUES = [
    "", "0", "1230", '"25:00"', "9.00", "1999-01-01", "2027-02-30", "x", "modul-9",
    "iglo", "handleplan", "true", "null", "[]", "{}", "- x", '"{{ 7*7 }}"',
    '"<b>fed</b>"', '"[mere](javascript:alert(1))"', '"[her](nope.md)"',
    '"[her](handleplan.md#udfyld)"', '"[her](handleplan.md#nej)"', "kursus@example.com",
    '"Lorem ipsum"', "TODO", "&a x", "*a", '"a: b"', "Modul 1", "workshop",
    "https://eksempel.dk", "ordliste", "2027-03-09", '"09:00"', "AMR", "plan",
]  # fmt: skip
CONFIG = str(Path(__file__).parent.parent / "mkdocs.yml")
BUILT: set[str] = set()
SCALAR = re.compile(r"^(\s*(?:- )?(?:[\w-]+: )?)(\S.*)$")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    """One content copy, reused by every example."""
    folder = tmp_path_factory.mktemp("invariant")
    shutil.copytree(CONTENT, folder / "content")
    configured_project(folder)
    os.environ["COURSEBOOK_CONTENT"] = str(folder / "content")
    os.environ["COURSEBOOK_PDF"] = "0"
    yield folder / "content", folder / "site"
    del os.environ["COURSEBOOK_CONTENT"]
    del os.environ["COURSEBOOK_PDF"]


def mutate(text: str, kind: str, position: int, value: str) -> str:
    lines = text.splitlines()
    i = position % len(lines)
    if kind == "value":
        match = SCALAR.match(lines[i])
        if match:
            lines[i] = match.group(1) + value
    elif kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    return "\n".join(lines) + "\n"


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(FILES),
    kind=st.sampled_from(["value", "value", "value", "delete", "duplicate"]),
    position=st.integers(0, 10_000),
    value=st.sampled_from(VALUES),
)
def test_content_that_passes_check_builds(project, name, kind, position, value) -> None:
    content, site = project
    path = content / name
    original = path.read_text(encoding="utf-8")
    mutated = mutate(original, kind, position, value)
    if mutated in BUILT:
        return  # the same content built in an earlier example
    path.write_text(mutated, encoding="utf-8")
    try:
        if validate(content, purpose="check").errors:
            return
        # a fresh config per build: plugins add to it (print-site's CSS)
        config = load_config(CONFIG, site_dir=str(site), strict=True)
        try:
            build(config)
        except Exception as exc:  # noqa: BLE001 - any failure breaks the invariant
            pytest.fail(
                f"check passed, the build failed: {name} {kind} {value!r}: {exc}"
            )
        BUILT.add(mutated)
    finally:
        path.write_text(original, encoding="utf-8")
