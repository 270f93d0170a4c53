"""The "næste skridt" block and the edition banner by the reader's clock: the pages are
static, the browser shows the state its date falls in (assets/js/when.js).
The shipped Forår 2027 edition: workshop 9 Feb, Modul 1 9 Mar, Modul 2 6 Apr,
Modul 3 4 May 2027; Efterår 2027 is a newer edition."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from coursebook.content.editions import TIMEZONE
from playwright.sync_api import Browser, Page, expect

from .conftest import serve

pytestmark = pytest.mark.browser

BEFORE = dt.datetime(2027, 1, 15, 12, 0, tzinfo=TIMEZONE)
BETWEEN_1_AND_2 = dt.datetime(2027, 3, 20, 12, 0, tzinfo=TIMEZONE)
MODUL_2_DAY = dt.datetime(2027, 4, 6, 8, 30, tzinfo=TIMEZONE)
AFTER = dt.datetime(2027, 6, 1, 12, 0, tzinfo=TIMEZONE)


def shown_steps(page: Page) -> list[str]:
    return page.locator(".cb-next__step:visible").all_inner_texts()


def open_at(page: Page, url: str, when: dt.datetime) -> Page:
    page.clock.set_fixed_time(when)
    page.goto(url)
    return page


@pytest.mark.parametrize("where", ["", "praktisk-information/"])
def test_next_step_before_the_course(page: Page, served_site: str, where) -> None:
    open_at(page, served_site + where, BEFORE)
    (step,) = shown_steps(page)
    assert "Før uddannelsen begynder" in step
    assert "Næste gang: Opstartsworkshop" in step
    assert "Tirsdag den 9. februar 2027, kl. 9.00–12.30" in step
    assert "Nyborg Rådhus" in step
    assert "Tag din udviklingsplan med." in step


@pytest.mark.parametrize("where", ["", "praktisk-information/"])
def test_next_step_between_modul_1_and_modul_2(
    page: Page, served_site: str, where
) -> None:
    open_at(page, served_site + where, BETWEEN_1_AND_2)
    (step,) = shown_steps(page)
    assert "Næste gang: Modul 2" in step
    assert "Tirsdag den 6. april 2027, kl. 9.00–15.30" in step
    assert "Mød din TRIO i perioden 15.–24. marts 2027." in step
    assert "Tag din udviklingsplan og din handleplan med." in step
    box = page.locator(".cb-next__step:visible")
    expect(box.get_by_role("link", name="din handleplan")).to_have_attribute(
        "href", served_site + "handleplan/"
    )
    box.get_by_role("link", name="Modul 2").click()
    expect(page).to_have_url(served_site + "aktiviteter/modul-2/")


def test_next_step_on_the_day_of_modul_2(page: Page, served_site: str) -> None:
    open_at(page, served_site, MODUL_2_DAY)
    (step,) = shown_steps(page)
    assert "I dag: Modul 2" in step
    assert "Kl. 9.00–15.30, Nyborg Rådhus" in step


def test_next_step_after_the_course_is_anchoring(page: Page, served_site: str) -> None:
    open_at(page, served_site, AFTER)
    (step,) = shown_steps(page)
    assert "Uddannelsen er slut" in step
    page.locator(".cb-next__step:visible").get_by_role(
        "link", name="forankring af læring"
    ).click()
    expect(page).to_have_url(served_site + "forankring/")


def test_without_javascript_the_whole_schedule_shows(
    browser: Browser, served_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(served_site)
    steps = shown_steps(page)
    # before and on each of the four course days, and after
    assert len(steps) == 9
    assert [s for s in steps if "I dag:" in s][2].startswith("Tirsdag den 6. april")
    # no banner claims a state the page cannot know
    expect(page.locator(".cb-edition-banner__state")).to_have_count(2)
    expect(page.locator(".cb-edition-banner__state:visible")).to_have_count(0)
    context.close()


@pytest.mark.parametrize(
    ("when", "banner"),
    [
        (BEFORE, "Kommende hold: uddannelsen begynder tirsdag den 9. februar 2027."),
        (BETWEEN_1_AND_2, None),
        (MODUL_2_DAY, None),
        (AFTER, "Du ser håndbogen for et tidligere hold (Forår 2027)."),
    ],
)
def test_banner_before_during_and_after(
    page: Page, served_site: str, when: dt.datetime, banner: str | None
) -> None:
    for where in ("", "ordliste/"):
        open_at(page, served_site + where, when)
        shown = page.locator(".cb-edition-banner__state:visible")
        if banner is None:
            expect(shown).to_have_count(0)
        else:
            expect(shown).to_have_count(1)
            expect(shown).to_contain_text(banner)
    if when is AFTER:
        expect(shown).to_contain_text("Et nyere hold, Efterår 2027")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forår 2027 as `coursebook publish` lays it out: a folder per edition
    beside versions.json, built with Material's version selector on."""
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "docs", "overrides", "content", "hooks/handbook.py"):
        source, target = ROOT / name, project / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    (project / "versioned.yml").write_text(
        "INHERIT: mkdocs.yml\n"
        "extra:\n  version:\n    provider: mike\n    default: aktuel\n",
        encoding="utf-8",
    )
    tree = project / "published"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "versioned.yml"]
        + ["-d", str(tree / "foraar-2027")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEBOOK_PDF": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return tree


def set_current(tree: Path, edition: str) -> None:
    versions = [
        {
            "version": name,
            "title": name,
            "aliases": ["aktuel"] if name == edition else [],
        }
        for name in ("efteraar-2027", "foraar-2027")
    ]
    (tree / "versions.json").write_text(json.dumps(versions), encoding="utf-8")


def test_published_edition_is_past_only_when_aktuel_is_another(
    page: Page, published: Path
) -> None:
    with serve(published) as base:
        spring = base + "foraar-2027/"
        banner = page.locator(".cb-edition-banner__state--outdated")
        # over, and the site's current edition is a newer one
        set_current(published, "efteraar-2027")
        open_at(page, spring + "ordliste/", AFTER)
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("tidligere hold (Forår 2027)")
        expect(banner.get_by_role("link")).to_have_attribute("href", base + "aktuel/")
        # during the course it is no past edition, whatever was published since
        open_at(page, spring, BETWEEN_1_AND_2)
        expect(page.locator(".cb-edition-banner__state:visible")).to_have_count(0)
        # over, but still the newest published: nothing newer to send anyone to
        set_current(published, "foraar-2027")
        open_at(page, spring + "overblik/", AFTER)
        expect(page.locator(".cb-edition-banner__state:visible")).to_have_count(0)
