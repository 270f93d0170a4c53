"""`coursebook check`'s content lint: each class of finding, with file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import line_of, replace, without_sample_leftovers
from coursebook.commands.cli import main

EDITION = Path("editions") / "foraar-2027.yml"
FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<severity>error|warning): ")


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the lint's findings in English (COURSEBOOK_LANG=en);
    test_corpus.py checks the Danish a coordinator sees."""
    monkeypatch.setenv("COURSEBOOK_LANG", "en")


def check(content: Path, capsys: pytest.CaptureFixture[str], *extra: str):
    """Run `coursebook check`; its exit code and the FILE:LINE findings it printed."""
    code = main(["check", "--content", str(content), *extra])
    out = capsys.readouterr().out
    findings = [line for line in out.splitlines() if FINDING.match(line)]
    assert len(findings) == len(out.splitlines()), out  # nothing but findings
    return code, findings


def finding(findings: list[str], path: Path, line: int, severity: str) -> str:
    """The one finding at path:line with severity (fails when there is none)."""
    prefix = f"{path}:{line}: {severity}: "
    matches = [f for f in findings if f.startswith(prefix)]
    assert len(matches) == 1, (prefix, findings)
    return matches[0]


def publish_ready(content: Path) -> Path:
    """Make the sample edition a complete published one, dated in the future."""
    path = content / EDITION
    replace(path, "status: udkast", "status: offentliggjort")
    replace(path, "sample: true", "sample: false")
    replace(
        path,
        "instructors: []",
        "instructors:\n  - name: Test Testesen\n    role: Underviser",
    )
    without_sample_leftovers(path)
    return path


def test_shipped_content_has_no_findings(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(content_copy, capsys, "--strict") == (0, [])


@pytest.mark.parametrize(
    "placeholder",
    [
        "TODO skriv formålet",
        "FIXME",
        "todo: find tekst",
        "Se slide X",
        "mødes XX gange",
        "[indsæt dato]",
    ],
)
def test_leftover_placeholders_are_warnings(
    content_copy: Path, capsys: pytest.CaptureFixture[str], placeholder: str
) -> None:
    path = content_copy / "activities" / "modul-2.yml"
    replace(path, "label: Modul 2", f'label: "Modul 2 {placeholder}"')
    code, findings = check(content_copy, capsys)
    assert code == 0
    message = finding(findings, path, line_of(path, "label:"), "warning")
    assert "looks like a placeholder" in message
    assert check(content_copy, capsys, "--strict")[0] == 1


def test_ordinary_words_are_not_placeholders(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "activities" / "modul-2.yml"
    replace(path, "label: Modul 2", "label: Modul 2 om todo-lister og XXL")
    assert check(content_copy, capsys, "--strict") == (0, [])


def test_duplicated_list_item_points_at_the_repeat(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "activities" / "workshop.yml"
    replace(
        path,
        "  - Afstem roller og forventninger\n",
        "  - Afstem roller og forventninger\n  - Afstem  roller og forventninger\n",
    )
    _, findings = check(content_copy, capsys)
    first = line_of(path, "Afstem roller og forventninger")
    message = finding(findings, path, first + 1, "warning")
    assert f"overview_themes[3] repeats overview_themes[2] (line {first})" in message


def test_empty_sections_are_warnings(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / EDITION
    text = path.read_text(encoding="utf-8")
    notice = text[text.index("notice: >-") : text.index("\n\n", text.index("notice"))]
    replace(path, notice, "notice:")
    activity = content_copy / "activities" / "modul-3.yml"
    replace(activity, "description: >-\n", "description: >-\n  ## Baggrund\n\n")
    _, findings = check(content_copy, capsys)
    assert "section is empty" in finding(
        findings, path, line_of(path, "notice:"), "warning"
    )
    line = line_of(activity, "description:")
    assert not [f for f in findings if f.startswith(f"{activity}:")]  # has text
    replace(activity, "## Baggrund\n\n", "## Baggrund\n\n  ## Mere\n\n")
    _, findings = check(content_copy, capsys)
    message = finding(findings, activity, line, "warning")
    assert "the section 'Baggrund' has no text under it" in message


def test_dates_out_of_course_order_are_errors(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / EDITION
    replace(path, "date: 2027-04-06", "date: 2027-03-01")  # modul-2 before modul-1
    replace(path, "last_day: 2027-04-30", "last_day: 2027-05-20")  # after modul-3
    code, findings = check(content_copy, capsys)
    assert code == 1
    order = finding(findings, path, line_of(path, "date: 2027-03-01"), "error")
    assert "sessions.modul-2.date: 2027-03-01" in order
    assert "is not after modul-1 (2027-03-09); the activities must be dated" in order
    window = finding(findings, path, line_of(path, "last_day: 2027-05-20"), "error")
    assert "before.modul-3.trio_meeting.last_day: 2027-05-20 is not before" in window


def test_past_dates_are_errors_in_a_published_edition(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = publish_ready(content_copy)
    assert check(content_copy, capsys, "--strict") == (0, [])
    replace(path, "date: 2027-02-09", "date: 2025-02-11")
    code, findings = check(content_copy, capsys)
    assert code == 1
    message = finding(findings, path, line_of(path, "date: 2025-02-11"), "error")
    assert "sessions.workshop.date: 2025-02-11 has passed" in message
    assert "offentliggjort" in message


def test_past_dates_are_fine_in_a_draft(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(content_copy / EDITION, "date: 2027-02-09", "date: 2025-02-11")
    assert check(content_copy, capsys, "--strict") == (0, [])


def test_published_edition_needs_venue_and_instructors(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = publish_ready(content_copy)
    replace(
        path,
        "    venue:\n      name: Nyborg Rådhus\n      address: 5800 Nyborg\n  modul-2:",
        "  modul-2:",
    )
    replace(
        path,
        "instructors:\n  - name: Test Testesen\n    role: Underviser",
        "instructors: []",
    )
    code, findings = check(content_copy, capsys)
    assert code == 1
    venue = finding(findings, path, line_of(path, "modul-1:"), "error")
    assert "sessions.modul-1: no venue" in venue
    nobody = finding(findings, path, line_of(path, "instructors: []"), "error")
    assert "instructors: nobody is named" in nobody
    assert len(findings) == 2


def test_a_sample_edition_cannot_be_published(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = publish_ready(content_copy)
    replace(path, "sample: false", "sample: true")
    _, findings = check(content_copy, capsys)
    assert "sample: true, but the edition is marked status: offentliggjort" in finding(
        findings, path, line_of(path, "sample: true"), "error"
    )


def test_an_undated_activity_is_a_warning_until_published(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / EDITION
    text = path.read_text(encoding="utf-8")
    start = text.index("  modul-3:\n    date:")
    end = text.index("\n\n", start)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    code, findings = check(content_copy, capsys)
    assert code == 0
    message = finding(findings, path, line_of(path, "sessions:"), "warning")
    assert "no date for the activity 'modul-3' (Modul 3)" in message
    publish_ready(content_copy)
    code, findings = check(content_copy, capsys)
    assert code == 1
    finding(findings, path, line_of(path, "sessions:"), "error")


def test_each_finding_is_reported_once_in_one_run(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(content_copy / EDITION, "date: 2027-04-06", "date: 2027-03-01")
    replace(
        content_copy / "activities" / "modul-1.yml", "label: Modul 1", "label: TODO"
    )
    code, findings = check(content_copy, capsys)
    assert code == 1
    found = [
        (Path(f.split(":")[0]).name, FINDING.match(f)["severity"]) for f in findings
    ]
    # the placeholder, modul-2 out of order, and its TRIO meeting now after it
    assert found == [
        ("modul-1.yml", "warning"),
        ("foraar-2027.yml", "error"),
        ("foraar-2027.yml", "error"),
    ]


def test_unknown_activity_and_impossible_times_stop_the_check(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / EDITION
    replace(path, "  modul-3:\n    date:", "  modul3:\n    date:")
    replace(path, 'end: "12:30"', 'end: "08:30"')
    code, findings = check(content_copy, capsys)
    assert code == 1
    unknown = finding(findings, path, line_of(path, "modul3:"), "error")
    assert "sessions: there is no activity 'modul3'; did you mean 'modul-3'?" in unknown
    end = finding(findings, path, line_of(path, 'end: "08:30"'), "error")
    assert "sessions.workshop.end: 08:30 is not after start 09:00" in end


def test_readings_and_photos_must_be_files_in_docs(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / EDITION
    replace(
        path,
        "    readings: []\n  modul-2:",
        "    readings:\n      - title: Artikel\n        file: filer/artikel.pdf\n"
        "  modul-2:",
    )
    replace(
        path,
        "instructors: []",
        "instructors:\n  - name: Anne Andersen\n    role: Underviser\n"
        "    photo: billeder/anne.jpg",
    )
    # the docs folder is the one the project's mkdocs.yml names
    config = content_copy.parent / "mkdocs.yml"
    replace(config, "docs_dir: docs", "docs_dir: sider")
    docs = (content_copy.parent / "docs").rename(content_copy.parent / "sider")
    settings = ("--config-file", str(config))
    _, findings = check(content_copy, capsys, *settings)
    reading = finding(findings, path, line_of(path, "file: filer/artikel.pdf"), "error")
    assert "'filer/artikel.pdf' is not in sider/" in reading
    photo = finding(findings, path, line_of(path, "photo:"), "error")
    assert "'billeder/anne.jpg' is not in sider/" in photo
    for name in ("filer/artikel.pdf", "billeder/anne.jpg"):
        (docs / name).parent.mkdir(parents=True)
        (docs / name).write_bytes(b"x")
    assert check(content_copy, capsys, "--strict", *settings) == (0, [])
    replace(path, "file: filer/artikel.pdf", "file: ../hemmelig.pdf")
    code, findings = check(content_copy, capsys, *settings)
    assert code == 1
    outside = finding(findings, path, line_of(path, "file: ../"), "error")
    assert "expected a path inside docs/ without spaces" in outside
