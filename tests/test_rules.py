"""The rule table and the messages: one validation for every command, Danish
for coordinators (with English for developers), singular and plural right."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import CONTENT, ROOT
from coursebook.content import rules
from coursebook.content.problems import Problem, Report
from coursebook.content.validation import load_content, validate
from coursebook.site.pages import plan_pages

PO = ROOT / "hooks" / "coursebook" / "locale" / "da" / "LC_MESSAGES" / "coursebook.po"


def catalog():
    with PO.open("rb") as handle:
        return read_po(handle)


def test_every_message_in_the_catalog_has_danish() -> None:
    untranslated = [m.id for m in catalog() if m.id and not m.string]
    assert untranslated == []
    plural = [m for m in catalog() if isinstance(m.id, tuple)]
    assert all(all(form for form in m.string) for m in plural)


def test_every_message_in_the_code_is_in_the_catalog() -> None:
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog() if m.id}
    package = ROOT / "hooks" / "coursebook"
    keywords = {"_": None, "ngettext": (1, 2)}
    found = [
        (path, message)
        for path, _line, message, _comments, _context in extract_from_dir(
            str(package), keywords=keywords
        )
    ]
    assert len(found) > 150
    missing = [
        (path, message if isinstance(message, str) else message[0])
        for path, message in found
        if (message if isinstance(message, str) else message[0]) not in known
    ]
    assert missing == []


def coursebook(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coursebook.commands.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", **env},
    )


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["publish", "-h"]])
def test_help_is_danish(args: list[str]) -> None:
    result = coursebook(*args, LANG="en_US.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("brug: coursebook")
    assert "valgmuligheder:" in result.stdout
    assert "vis denne hjælp og afslut" in result.stdout
    words = re.compile(r"\b(usage|options|show|help message|error|positional)\b")
    assert not words.findall(result.stdout.replace("--help", "")), result.stdout


def test_argparse_errors_are_danish() -> None:
    result = coursebook("check", "--strikt")
    assert result.returncode == 2
    assert "coursebook: fejl: ukendte argumenter: --strikt" in result.stderr
    result = coursebook("tjek")
    assert "fejl: argumentet KOMMANDO: ugyldigt valg: 'tjek'" in result.stderr
    result = coursebook("new-edition", "ny-2028")
    assert "disse argumenter mangler: --from, --start" in result.stderr


def test_english_by_setting_for_developers() -> None:
    result = coursebook("check", "--help", COURSEBOOK_LANG="en")
    assert result.stdout.startswith("usage: coursebook check")
    assert "options:" in result.stdout


@pytest.mark.parametrize(
    ("errors", "warnings", "summary"),
    [
        (1, 0, "1 fejl"),
        (2, 0, "2 fejl"),
        (0, 1, "1 advarsel"),
        (0, 2, "2 advarsler"),
        (1, 1, "1 fejl, 1 advarsel"),
        (3, 2, "3 fejl, 2 advarsler"),
    ],
)
def test_summary_counts_in_danish(errors: int, warnings: int, summary: str) -> None:
    problems = [Problem(Path("x.yml"), n, "error", "x") for n in range(errors)] + [
        Problem(Path("x.yml"), n, "warning", "x") for n in range(warnings)
    ]
    assert Report(None, problems).summary() == summary


def test_fixed_pages_are_those_the_build_makes() -> None:
    content, _ = load_content(CONTENT)
    own = ("plan.md.j2", "tool.md.j2", "activity.md.j2")
    made = [p.src for p in plan_pages(content) if p.template not in own]
    assert sorted(made) == sorted(rules.FIXED_PAGES)


def test_every_rule_is_declared_once_with_its_commands() -> None:
    names = [rule.name for rule in rules.RULES]
    assert len(names) == len(set(names))
    for rule in rules.RULES:
        assert rule.purposes <= rules.ALL
        # the build runs a subset of check: if check passes, the build does
        assert "check" in rule.purposes or "build" not in rule.purposes


def test_a_rule_for_check_and_publish_only_never_runs_in_the_build(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How another rule (e.g. Danish spelling) is registered: see rules.py."""

    def spelling(inputs: rules.Inputs):
        for _ident, doc in rules._docs(inputs, "course"):
            yield doc.problem(("title",), "stavning", "warning")

    rule = rules.Rule(
        "spelling", "Danish spelling", spelling, "warning",
        purposes=rules.CHECK_AND_PUBLISH, on_publish="error",
    )  # fmt: skip
    monkeypatch.setattr(rules, "RULES", [*rules.RULES, rule])
    monkeypatch.setattr("coursebook.content.validation.RULES", rules.RULES)
    check = validate(content_copy, purpose="check")
    assert [p.message for p in check.warnings] == ["stavning"]
    assert validate(content_copy, purpose="build").problems == []
    published = validate(content_copy, purpose="publish")
    assert [(p.severity, p.message) for p in published.problems] == [
        ("error", "stavning")
    ]


def test_site_url_on_an_example_host_is_refused_for_publishing(
    content_copy: Path,
) -> None:
    config = content_copy.parent / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(
            r"(?m)^site_url: .*$",
            "site_url: https://kursus.example.org/ledelse-af-psykisk-arbejdsmiljoe/",
            text,
        ),
        encoding="utf-8",
    )
    check = validate(content_copy, purpose="check")
    assert [p.severity for p in check.problems] == ["warning"]
    assert "site_url: https://kursus.example.org/" in check.problems[0].message
    site_url_line = 1 + next(
        n for n, line in enumerate(text.splitlines()) if line.startswith("site_url:")
    )
    assert check.problems[0].line == site_url_line
    assert not check.stops() and check.stops(strict=True)
    assert validate(content_copy, purpose="build").problems == []
    assert validate(content_copy, purpose="publish").errors


def test_alias_bomb_and_recursive_alias_are_refused(tmp_path: Path) -> None:
    from corpus import BOMB
    from coursebook.content.yamlfile import read_yaml

    bomb = tmp_path / "bomb.yml"
    bomb.write_text(BOMB, encoding="utf-8")
    recursive = tmp_path / "recursive.yml"
    recursive.write_text("a: &a [x, *a]\n", encoding="utf-8")
    assert "gentager mere end" in read_yaml(bomb).problems[0].message
    assert "henviser til sig selv" in read_yaml(recursive).problems[0].message
