"""Editions: two cohorts build, the calendar, `new-edition` and `publish`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, OWN_SITE_URL, ROOT, build_site
from coursebook.content.bundle import Content
from coursebook.content.editions import long_date, schedule_of
from coursebook.content.validation import load_content
from coursebook.downloads.output import BuildOutput
from coursebook.site.pages import plan_pages, render_spec
from icalendar import Calendar
from projects import GIT_ENV, git, make_project

SITE_URL = "https://kursus.example.org/ledelse-af-psykisk-arbejdsmiljoe/"


def coursebook(*args: str, cwd: Path = ROOT, **env: str):
    return subprocess.run(
        [sys.executable, "-m", "coursebook.commands.cli", *args],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


@pytest.fixture(scope="module")
def autumn_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second shipped edition, built instead of the default one."""
    site = tmp_path_factory.mktemp("efteraar") / "site"
    build_site(site, COURSEBOOK_EDITION="efteraar-2027", COURSEBOOK_PDF="0")
    return site


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content(CONTENT)[0]


# --- two editions ------------------------------------------------------------


def test_danish_dates_and_times() -> None:
    assert long_date(dt.date(2027, 11, 9)) == "tirsdag den 9. november 2027"
    slot = schedule_of(load_content(CONTENT, "efteraar-2027")[0]).slots[0]
    assert slot.hours == "9.00–12.30"


@pytest.mark.parametrize(
    ("edition", "name"),
    [("foraar-2027", "Forår 2027"), ("efteraar-2027", "Efterår 2027")],
)
def test_two_editions_build_each_with_its_own_name_dates_and_places(
    site: Path, autumn_site: Path, edition: str, name: str
) -> None:
    built = site if edition == "foraar-2027" else autumn_site
    content = load_content(CONTENT, edition)[0]
    schedule = schedule_of(content)
    for page in built.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if "md-banner" in text:  # every page of the site, not redirects
            assert f"Hold: {name}" in text, page
            assert "Eksempeludgave med foreløbige datoer" in text, page
    assert name in html(built, "")  # the front page
    overview = html(built, "overblik")
    for slot in schedule.slots:
        page = html(built, f"aktiviteter/{slot.ident}")
        when = f"{slot.day.capitalize()}</time></strong>, kl. {slot.hours}"
        assert when in page
        assert slot.place in page
        assert f"{slot.day.capitalize()}</time>, kl. {slot.hours}" in overview
    other = "Efterår 2027" if edition == "foraar-2027" else "Forår 2027"
    assert f"Hold: {other}" not in html(built, "")


def test_practical_page_gathers_dates_places_and_contact(
    site: Path, shipped: Content
) -> None:
    page = html(site, "praktisk-information")
    edition = shipped.edition
    assert "Foreløbige datoer." in page  # the notice
    for slot in schedule_of(shipped).slots:
        assert slot.day.capitalize() in page
        if slot.trio_meeting:
            assert slot.trio_meeting in page
    assert 'href="mailto:kursus@example.com"' in page
    assert edition.contact and edition.contact.name in page
    assert "Nyborg Rådhus (eksempel)" in page
    assert "Nyt i denne udgave" in page
    assert 'href="../downloads/kalender.ics"' in page
    # the banner on every page links here
    assert 'href="../../praktisk-information/"' in html(site, "aktiviteter/modul-1")


def test_readings_show_under_before_the_module(content_copy: Path, tmp_path) -> None:
    path = content_copy / "editions" / "foraar-2027.yml"
    text = path.read_text(encoding="utf-8")
    readings = (
        "readings:\n"
        "      - title: Den frygtløse organisation\n"
        "        author: Amy C. Edmondson\n"
        "        year: 2020\n"
        "      - title: Stress & trivsel\n"
        "        url: https://example.org/stress?a=1&b=2\n"
    )
    marker = "      last_day: 2027-03-24\n    readings: []\n"
    assert marker in text
    path.write_text(
        text.replace(marker, marker.replace("readings: []\n", readings)),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    build_site(site, content_copy, COURSEBOOK_PDF="0")
    page = html(site, "aktiviteter/modul-2")
    before = page.split('<p class="admonition-title">Før modulet</p>')[1]
    before = before.split("</div>")[0]
    assert "<em>Den frygtløse organisation</em>, Amy C. Edmondson (2020)" in before
    assert (
        '<a href="https://example.org/stress?a=1&amp;b=2">Stress &amp; trivsel</a>'
        in (before)
    )
    assert "Den frygtløse" not in html(site, "aktiviteter/modul-1")  # other module


def test_instructors_page_shows_photo_with_name_as_alt_text(
    content_copy: Path,
) -> None:
    path = content_copy / "editions" / "foraar-2027.yml"
    text = path.read_text(encoding="utf-8").replace(
        "instructors: []",
        "instructors:\n"
        "  - name: Anne Andersen\n"
        "    role: Underviser\n"
        "    bio: Arbejder med *psykisk arbejdsmiljø*.\n"
        "    photo: billeder/anne.jpg\n",
    )
    path.write_text(text, encoding="utf-8")
    content = load_content(content_copy)[0]
    page = next(p for p in plan_pages(content) if p.src == "undervisere.md")
    markdown = render_spec(page, content)
    assert "## Anne Andersen" in markdown
    assert "![Anne Andersen](billeder/anne.jpg)" in markdown
    assert "*Underviser*" in markdown


# --- the calendar ------------------------------------------------------------


def test_calendar_has_one_event_per_activity_with_place_and_link(
    site: Path, shipped: Content
) -> None:
    cal = calendar(site / "downloads" / "kalender.ics")
    events = {event.uid: event for event in cal.events}
    schedule = schedule_of(shipped)
    trio_windows = [s for s in schedule.slots if s.before and s.before.trio_meeting]
    assert len(cal.events) == len(events)
    assert len(cal.events) == len(shipped.activities) + len(trio_windows)
    for slot in schedule.slots:
        event = events[f"foraar-2027.{slot.ident}@coursebook.invalid"]
        assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert event.start == slot.starts and event.end == slot.ends
        assert str(event["SUMMARY"]).startswith(f"{slot.activity.label}: ")
        assert str(event["LOCATION"]) == slot.place
        assert f"{SITE_URL}aktiviteter/{slot.ident}/" in str(event["DESCRIPTION"])
        # the activity's own file holds the same event, so either import updates it
        single = calendar(site / "downloads" / f"kalender-{slot.ident}.ics")
        assert [e.uid for e in single.events] == [event.uid]
        page = html(site, f"aktiviteter/{slot.ident}")
        link = f'href="../../downloads/kalender-{slot.ident}.ics">Tilføj til kalender'
        assert link in page
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Copenhagen"]


def test_calendar_times_are_right_on_both_sides_of_summer_time(site: Path) -> None:
    cal = calendar(site / "downloads" / "kalender.ics")
    # read the times the way a calendar program does: through the VTIMEZONE
    zone = cal.timezones[0].to_tz()
    utc = {
        event.uid.split("@")[0]: event.start.replace(tzinfo=zone).astimezone(dt.UTC)
        for event in cal.events
        if not event.uid.split(".")[1].startswith("trio-")  # all-day reminders
    }
    # 09:00 in Nyborg is 08:00 UTC before 28 March 2027 and 07:00 UTC after it
    assert utc["foraar-2027.modul-1"] == dt.datetime(2027, 3, 9, 8, 0, tzinfo=dt.UTC)
    assert utc["foraar-2027.modul-2"] == dt.datetime(2027, 4, 6, 7, 0, tzinfo=dt.UTC)


def test_calendar_uids_are_stable_across_rebuilds(
    shipped: Content, tmp_path: Path
) -> None:
    from coursebook.downloads.calendar_ics import write_calendars

    def uids(folder: Path) -> list[str]:
        output = BuildOutput(shipped, folder, SITE_URL)
        written = write_calendars(output)
        return [e.uid for path in written for e in calendar(path).events]

    first, second = uids(tmp_path / "a"), uids(tmp_path / "b")
    assert first == second and len(set(first)) == len(shipped.activities) + 3
    autumn = load_content(CONTENT, "efteraar-2027")[0]
    other = write_calendars(BuildOutput(autumn, tmp_path / "c", SITE_URL))
    assert not set(first) & {e.uid for e in calendar(other[0]).events}


# --- new-edition -------------------------------------------------------------


def dates(path: Path) -> dict[str, dt.date]:
    """Every date in an edition file, by its place in the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = {f"{k}": s["date"] for k, s in data["sessions"].items()}
    for key, before in data.get("before", {}).items():
        window = before.get("trio_meeting") or {}
        for field in ("first_day", "last_day"):
            if field in window:
                found[f"{key}.{field}"] = window[field]
    return found


@pytest.mark.parametrize(
    ("new", "start"),
    [
        ("vinter-2028", dt.date(2027, 12, 28)),  # into the next year
        ("januar-2027", dt.date(2027, 1, 29)),  # backwards, across month ends
    ],
)
def test_new_edition_moves_every_date_and_passes_check(
    content_copy: Path, new: str, start: dt.date
) -> None:
    old_path = content_copy / "editions" / "foraar-2027.yml"
    result = coursebook(
        "new-edition", new, "--from", "foraar-2027", "--start", start.isoformat(),
        "--content", str(content_copy),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    new_path = content_copy / "editions" / f"{new}.yml"
    old, moved = dates(old_path), dates(new_path)
    shift = start - old["workshop"]
    assert moved == {key: day + shift for key, day in old.items()}
    assert moved["workshop"] == start
    spans = {(d.year, d.month) for d in moved.values()}
    assert len({year for year, _ in spans}) >= (2 if start.month == 12 else 1)
    assert len(spans) >= 3  # the dates cross month ends
    data = yaml.safe_load(new_path.read_text(encoding="utf-8"))
    assert data["status"] == "udkast"
    assert data["changes"] == []
    assert data["name"] == new.split("-")[0].capitalize() + " " + new.split("-")[1]
    comments = [line for line in old_path.read_text().splitlines() if "#" in line]
    text = new_path.read_text()
    assert text.startswith(comments[0])  # the schema line stays first
    assert comments[1] not in text  # the old cohort's header comment does not
    assert "Udfyld nu" in result.stdout
    # nothing of the sample is carried over as real: marked fields instead
    assert data["sample"] is False
    for leftover in ("eksempeludgave", "(eksempel)", "example.com"):
        assert leftover not in text, leftover
    assert data["notice"].startswith("[udfyld:")
    assert data["sessions"]["workshop"]["venue"]["name"] == "[udfyld: sted]"
    # the printed follow-up command works as typed (from the project folder)
    line = next(x for x in result.stdout.splitlines() if f"check --edition {new}" in x)
    typed = shlex.split(line.split("  tjek")[0])
    check = subprocess.run(
        [*typed, "--content", str(content_copy)], cwd=ROOT, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    # the fields to fill in are listed, and publishing refuses them
    strict = coursebook(
        "check", "--content", str(content_copy), "--edition", new, "--strict"
    )
    assert strict.returncode == 1
    marked = [x for x in strict.stdout.splitlines() if x.startswith(str(new_path))]
    assert len(marked) == 7, strict.stdout
    assert all("advarsel: " in x for x in marked)


def test_new_edition_from_a_published_edition_is_a_draft(content_copy: Path) -> None:
    path = content_copy / "editions" / "foraar-2027.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "status: udkast", 'status: "offentliggjort"'
        ),
        encoding="utf-8",
    )
    result = coursebook(
        "new-edition", "efteraar-2028", "--from", "foraar-2027",
        "--start", "2028-09-12", "--name", "Efterår 2028 (hold B)",
        "--content", str(content_copy),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    text = (content_copy / "editions" / "efteraar-2028.yml").read_text()
    assert 'status: "udkast"' in text
    assert "name: Efterår 2028 (hold B)" in text
    assert "er gættet" not in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["efteraar-2027", "--from", "foraar-2027", "--start", "2028-01-04"], 1,
         "findes allerede"),
        (["ny-2028", "--from", "foraar-2030", "--start", "2028-01-04"], 1,
         "der findes ingen udgave 'foraar-2030'"),
        (["Ny 2028", "--from", "foraar-2027", "--start", "2028-01-04"], 1,
         "kan ikke bruges som id"),
        (["ny-2028", "--from", "foraar-2027", "--start", "4/1 2028"], 2,
         "skriv den som ÅÅÅÅ-MM-DD"),
    ],
)  # fmt: skip
def test_new_edition_refuses_bad_input_in_plain_words(
    content_copy: Path, args: list[str], code: int, message: str
) -> None:
    before = sorted((content_copy / "editions").iterdir())
    result = coursebook("new-edition", *args, "--content", str(content_copy))
    assert result.returncode == code
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert sorted((content_copy / "editions").iterdir()) == before


# --- publish -------------------------------------------------------------------


@pytest.fixture
def project_repo(tmp_path: Path) -> Path:
    """A coordinator's clone, with a preview in site/ that publish must not touch."""
    repo = make_project(tmp_path / "projekt")
    (repo / "site").mkdir()
    (repo / "site" / "preview.txt").write_text("my preview", encoding="utf-8")
    return repo


def test_publish_makes_one_version_per_edition_with_the_newest_current(
    project_repo: Path, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)  # git in the fixture and in the commands
    for edition in ("foraar-2027", "efteraar-2027", "foraar-2027"):
        result = coursebook("publish", edition, cwd=project_repo, **GIT_ENV)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Udgivet:" in result.stdout
    # republishing the spring edition did not take `aktuel` from the later one
    assert "En nyere udgave er stadig den aktuelle" in result.stdout
    versions = json.loads(git(project_repo, "show", "gh-pages:versions.json"))
    assert sorted((v["version"], v["title"], v["aliases"]) for v in versions) == [
        ("efteraar-2027", "Efterår 2027", ["aktuel"]),
        ("foraar-2027", "Forår 2027", []),
    ]
    files = git(project_repo, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "efteraar-2027/downloads/kalender.ics" in files
    root = git(project_repo, "show", "gh-pages:index.html")
    assert "aktuel/" in root  # the site's address leads to the current edition
    older = git(project_repo, "show", "gh-pages:foraar-2027/index.html")
    assert "Du ser håndbogen for et tidligere hold (Forår 2027)" in older
    # Material's version selector, switched on for the published site only
    # (a plain build has no versions.json to ask for)
    assert re.search(r'"version": \{"default": "aktuel", "provider": "mike"\}', older)
    assert '"provider": "mike"' not in (site / "index.html").read_text("utf-8")
    assert not list(project_repo.glob(".coursebook-publish-*"))  # cleaned up
    # the "tidligere hold" banner (shown by the reader's clock) leads to aktuel/
    link = r'href="\./\.\./aktuel/"[^>]*>\s*<strong>Gå til den aktuelle'
    assert re.search(link, older)
    # each edition's calendar links to that edition's pages
    ics = Calendar.from_ical(
        git(project_repo, "show", "gh-pages:foraar-2027/downloads/kalender.ics")
    )
    # (published from a project with its own site_url)
    url = f"{OWN_SITE_URL}foraar-2027/aktiviteter/modul-1/"
    assert url in str(ics.events[1]["URL"])
    # the coordinator's local preview is left as it was
    assert sorted(p.name for p in (project_repo / "site").iterdir()) == ["preview.txt"]


def test_publish_refuses_content_with_problems(project_repo: Path) -> None:
    path = project_repo / "content" / "activities" / "modul-1.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("label: Modul 1", "label: TODO"),
        encoding="utf-8",
    )
    result = coursebook("publish", "foraar-2027", cwd=project_repo, **GIT_ENV)
    assert result.returncode == 1
    assert "modul-1.yml:" in result.stdout and ": advarsel: " in result.stdout
    assert "ikke udgivet" in result.stderr
    branches = git(project_repo, "branch", "--list", "gh-pages")
    assert branches == ""
