"""`publish --to DIR` and `unpublish --to DIR`: a versioned site in a plain
folder, only from committed content, with calendars that update."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import replace
from icalendar import Calendar
from projects import add_finished_edition, git, make_project, run_coursebook

SITE_URL = "https://kursus.example.dk/haandbog/"


def publish(repo: Path, edition: str, out: Path, *flags: str):
    return run_coursebook(
        "publish", edition, "--to", str(out), "--site-url", SITE_URL, *flags, cwd=repo
    )


def events(out: Path, edition: str) -> dict[str, tuple[int, str]]:
    """UID → (SEQUENCE, DTSTART) of the edition's published kalender.ics."""
    ics = (out / edition / "downloads" / "kalender.ics").read_bytes()
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), e["DTSTART"].to_ical().decode())
        for e in Calendar.from_ical(ics).walk("VEVENT")
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_project(tmp_path / "projekt")


def test_two_editions_in_a_folder_with_versions_alias_and_commit(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "www"
    for edition in ("efteraar-2027", "foraar-2027"):
        result = publish(repo, edition, out)
        assert result.returncode == 0, result.stdout + result.stderr
    assert "En nyere udgave er stadig den aktuelle" in result.stdout
    versions = json.loads((out / "versions.json").read_text("utf-8"))
    # the format mike writes, newest first, read by Material's version selector
    assert versions == [
        {"version": "efteraar-2027", "title": "Efterår 2027", "aliases": ["aktuel"]},
        {"version": "foraar-2027", "title": "Forår 2027", "aliases": []},
    ]
    assert json.loads((out / "aktuel" / "coursebook.json").read_text())["edition"] == (
        "efteraar-2027"
    )
    assert 'url=aktuel/"' in (out / "index.html").read_text("utf-8")
    assert (out / "404.html").is_file()
    # each edition records the commit it was built from, which holds the content
    head = git(repo, "rev-parse", "HEAD").strip()
    spring = json.loads((out / "foraar-2027" / "coursebook.json").read_text())
    assert spring["content_commit"] == head
    page = (out / "foraar-2027" / "index.html").read_text("utf-8")
    assert f'<meta name="coursebook-commit" content="{head}">' in page
    assert git(repo, "status", "--porcelain") == ""
    # links that must name the edition's own folder: canonical and calendar
    assert f'href="{SITE_URL}foraar-2027/"' in page
    practical = (out / "foraar-2027" / "praktisk-information" / "index.html").read_text(
        "utf-8"
    )
    webcal = "webcal://kursus.example.dk/haandbog/foraar-2027/downloads/kalender.ics"
    assert f'href="{webcal}"' in practical
    # the older edition says so and links to the current one
    assert "Du ser håndbogen for et tidligere hold" in page
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_uncommitted_content_is_refused_or_committed_naming_the_edition(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "www"
    replace(
        repo / "content" / "editions" / "foraar-2027.yml",
        "address: 5800 Nyborg",
        "address: Torvet 1, 5800 Nyborg",
    )
    refused = publish(repo, "foraar-2027", out)
    assert refused.returncode == 1
    assert "content/editions/foraar-2027.yml" in refused.stderr
    assert "--commit" in refused.stderr and "Traceback" not in refused.stderr
    assert not out.exists()
    done = publish(repo, "foraar-2027", out, "--commit")
    assert done.returncode == 0, done.stdout + done.stderr
    log = git(repo, "log", "--format=%s")
    assert "foraar-2027" in log.splitlines()[1]  # content, then calendar history
    assert git(repo, "status", "--porcelain") == ""
    record = json.loads((out / "foraar-2027" / "coursebook.json").read_text())
    shown = git(
        repo, "show", f"{record['content_commit']}:content/editions/foraar-2027.yml"
    )
    assert "Torvet 1" in shown


def test_changed_session_gets_a_higher_sequence_and_the_same_uid(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "www"
    assert publish(repo, "foraar-2027", out).returncode == 0
    before = events(out, "foraar-2027")
    assert {seq for seq, _ in before.values()} == {0}  # always written
    edition = repo / "content" / "editions" / "foraar-2027.yml"
    text = edition.read_text("utf-8")
    modul_2 = text.index("modul-2:")
    edition.write_text(
        text[:modul_2] + text[modul_2:].replace('start: "09:00"', 'start: "10:00"', 1),
        encoding="utf-8",
    )
    result = publish(repo, "foraar-2027", out, "--commit")
    assert result.returncode == 0, result.stdout + result.stderr
    after = events(out, "foraar-2027")
    modified = {
        str(e["UID"]): e["LAST-MODIFIED"].dt
        for e in Calendar.from_ical(
            (out / "foraar-2027" / "downloads" / "kalender.ics").read_bytes()
        ).walk("VEVENT")
    }
    assert after.keys() == before.keys()
    changed = "foraar-2027.modul-2@coursebook.invalid"
    assert after[changed][0] > before[changed][0]
    assert after[changed][1].endswith("T100000")
    assert {k: v for k, v in after.items() if k != changed} == {
        k: v for k, v in before.items() if k != changed
    }
    assert modified[changed] > max(t for k, t in modified.items() if k != changed)
    # the history is committed with the edition: rebuilding gives the same
    history = git(repo, "show", "HEAD:content/editions/foraar-2027.kalender.json")
    assert json.loads(history)["events"][changed]["sequence"] == after[changed][0]
    again = publish(repo, "foraar-2027", out)
    assert again.returncode == 0 and events(out, "foraar-2027") == after


def test_trio_meetings_are_all_day_reminders(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "www"
    assert publish(repo, "foraar-2027", out).returncode == 0
    ics = (out / "foraar-2027" / "downloads" / "kalender.ics").read_bytes()
    reminders = {
        str(e["SUMMARY"]): e
        for e in Calendar.from_ical(ics).walk("VEVENT")
        if str(e["SUMMARY"]).startswith("Mød din TRIO")
    }
    assert sorted(reminders) == [
        f"Mød din TRIO før modul {n} (foreløbig)" for n in (1, 2, 3)
    ]
    first = reminders["Mød din TRIO før modul 1 (foreløbig)"]
    # 22 February to 5 March 2027, all day: DTEND is the day after the last day
    assert first["DTSTART"].to_ical() == b"20270222"
    assert first["DTEND"].to_ical() == b"20270306"
    assert str(first["TRANSP"]) == "TRANSPARENT"


def test_failed_publish_leaves_the_published_edition_untouched(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "www"
    assert publish(repo, "foraar-2027", out).returncode == 0
    index = out / "foraar-2027" / "index.html"
    published = index.read_text("utf-8")
    # a hand-written page with a broken link fails the strict build
    (repo / "docs" / "ny-side.md").write_text("# Ny\n\n[x](findes-ikke.md)\n")
    replace(
        repo / "content" / "editions" / "foraar-2027.yml",
        "address: 5800 Nyborg",
        "address: Torvet 1, 5800 Nyborg",
    )
    result = publish(repo, "foraar-2027", out, "--commit")
    assert result.returncode == 1
    assert "intet er udgivet" in result.stderr
    assert index.read_text("utf-8") == published
    assert sorted(p.name for p in out.iterdir()) == [
        "404.html", "aktuel", "foraar-2027", "index.html", "versions.json",
    ]  # fmt: skip


def test_unpublish_removes_the_edition_and_moves_aktuel(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "www"
    for edition in ("foraar-2027", "efteraar-2027"):
        assert publish(repo, edition, out).returncode == 0
    result = run_coursebook("unpublish", "efteraar-2027", "--to", str(out), cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (out / "efteraar-2027").exists()
    versions = json.loads((out / "versions.json").read_text("utf-8"))
    assert versions == [
        {"version": "foraar-2027", "title": "Forår 2027", "aliases": ["aktuel"]}
    ]
    record = json.loads((out / "aktuel" / "coursebook.json").read_text())
    assert record["edition"] == "foraar-2027"
    page = (out / "aktuel" / "index.html").read_text("utf-8")
    assert re.search(r"<title>[^<]*</title>", page)
    again = run_coursebook("unpublish", "efteraar-2027", "--to", str(out), cwd=repo)
    assert again.returncode == 1 and "er ikke udgivet" in again.stderr
    last = run_coursebook("unpublish", "foraar-2027", "--to", str(out), cwd=repo)
    assert last.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == []


def test_branch_publish_refuses_uncommitted_and_unpublish_moves_aktuel(
    repo: Path,
) -> None:
    replace(repo / "content" / "editions" / "foraar-2027.yml", "name: Forår", "name: F")
    refused = run_coursebook("publish", "foraar-2027", cwd=repo)
    assert refused.returncode == 1 and "--commit" in refused.stderr
    git(repo, "checkout", "--", "content")
    for edition in ("foraar-2027", "efteraar-2027"):
        result = run_coursebook("publish", edition, cwd=repo)
        assert result.returncode == 0, result.stdout + result.stderr
    head = git(repo, "rev-parse", "main").strip()
    assert head in git(repo, "log", "-1", "--format=%s", "gh-pages")
    result = run_coursebook("unpublish", "efteraar-2027", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    versions = json.loads(git(repo, "show", "gh-pages:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [
        ("foraar-2027", ["aktuel"])
    ]


def test_archive_names_instructors_by_role_once_the_edition_is_over(
    repo: Path, tmp_path: Path
) -> None:
    add_finished_edition(repo)
    out = tmp_path / "www"
    result = publish(repo, "foraar-2020", out, "--commit")
    assert result.returncode == 0, result.stdout + result.stderr
    people = out / "foraar-2020" / "undervisere" / "index.html"
    assert "Anne Andersen" in people.read_text("utf-8")
    too_early = run_coursebook(
        "archive", "foraar-2027", "--to", str(out), "--site-url", SITE_URL, cwd=repo
    )
    assert too_early.returncode == 1 and "ikke slut" in too_early.stderr
    archived = run_coursebook(
        "archive", "foraar-2020", "--to", str(out), "--site-url", SITE_URL, cwd=repo
    )
    assert archived.returncode == 0, archived.stdout + archived.stderr
    for folder in ("foraar-2020", "aktuel"):
        pages = [p.read_text("utf-8") for p in (out / folder).rglob("*.html")]
        assert not [p for p in pages if "Anne" in p]
        assert not list((out / folder).rglob("anne.png"))
        shown = (out / folder / "undervisere" / "index.html").read_text("utf-8")
        assert "Underviser, organisationspsykolog" in shown
    record = json.loads((out / "foraar-2020" / "coursebook.json").read_text())
    assert record["archived"] is True
