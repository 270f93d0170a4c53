"""The handbook offline after the first visit: the service worker copies the
edition (pages, search index, drawings, downloads) and serves it with the
network gone; a new build replaces the copy; it keeps to its own folder."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import CONTENT, build_site, replace
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from .conftest import CHROMIUM, assert_only_local, serve

pytestmark = pytest.mark.browser

SPRING = "editions/foraar-2027.yml"
CONTACT = "Kursussekretariatet (eksempel)"
NEW_HEADING = "Velkommen til uddannelsen, nyt hold!"
HEADING = "Velkommen til Nyborg Kommunes uddannelse i Ledelse af psykisk arbejdsmiljø!"


def worker_version(site: Path) -> str:
    match = re.search(r'const VERSION = "(\w+)"', (site / "sw.js").read_text())
    assert match, "sw.js has no VERSION"
    return match.group(1)


def wait_for_offline_copy(page: Page, version: str) -> None:
    """Until a service worker controls the page and the one copy left is this
    build's (a worker takes control only after copying every file, and then
    deletes older builds' copies)."""
    deadline = time.monotonic() + 30
    while not page.evaluate(
        """async version => {
             const worker = await navigator.serviceWorker.getRegistration();
             return navigator.serviceWorker.controller !== null && !!worker &&
               (await caches.keys()).join() === `coursebook ${worker.scope} ${version}`;
           }""",
        version,
    ):
        assert time.monotonic() < deadline, f"no complete copy of build {version}"
        page.wait_for_timeout(100)


def go_offline(context: BrowserContext) -> None:
    context.set_offline(True)


@pytest.fixture
def edition_site(tmp_path: Path) -> tuple[Path, Path]:
    """A built copy of the shipped handbook and the content it came from."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = tmp_path / "site"
    build_site(site, content)
    return site, content


def test_offline_after_first_visit_and_updated_by_a_new_build(
    browser: Browser, edition_site: tuple[Path, Path], tmp_path: Path
) -> None:
    site, content = edition_site
    context = browser.new_context(locale="da-DK")
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(site) as base:
        page.goto(base)
        wait_for_offline_copy(page, worker_version(site))
    port = urlsplit(base).port

    # the server is gone and the browser is offline: everything comes from the copy
    go_offline(context)
    for url, heading in [
        ("praktisk-information/", "Praktisk information"),
        ("ordliste/", "Ordliste"),
        ("aktiviteter/modul-2/", "Ledelse af kultur"),
    ]:
        page.goto(base + url)
        expect(page.locator(".md-content h1")).to_contain_text(heading)

    page.goto(base + "vaerktoejer/pdca/")
    drawing = page.locator(".md-content figure.cb-diagram svg").first
    expect(drawing).to_be_visible()
    assert drawing.bounding_box()["height"] > 100

    page.goto(base)
    page.keyboard.press("s")
    page.keyboard.type("stress")
    first = page.locator(".md-search-result__link").first
    expect(first).to_be_visible()
    target = first.get_attribute("href")
    first.click()
    page.wait_for_url(lambda url: url != base and url.startswith(base))
    assert page.url.split("#")[0].split("?")[0] in target
    expect(page.locator(".md-content h1")).to_be_visible()

    pdf = page.evaluate(
        """async url => {
             const response = await fetch(url);
             const bytes = new Uint8Array(await response.arrayBuffer());
             return [response.status, String.fromCharCode(...bytes.slice(0, 5)),
                     bytes.length];
           }""",
        base + "downloads/handleplan.pdf",
    )
    assert pdf[0] == 200 and pdf[1] == "%PDF-" and pdf[2] > 10_000

    # a new build with changed text is published on the same address
    replace(content / SPRING, CONTACT, "Kursuskontoret")
    replace(content / "course.yml", HEADING, NEW_HEADING)
    rebuilt = tmp_path / "rebuilt"
    build_site(rebuilt, content)
    shutil.rmtree(site)
    rebuilt.rename(site)
    assert worker_version(site) != ""

    context.set_offline(False)
    with serve(site, port=port):
        page.goto(base)
        expect(page.locator(".md-content h1")).to_contain_text(
            "Velkommen til uddannelsen, nyt hold!"
        )
        # the old build's copy is gone
        wait_for_offline_copy(page, worker_version(site))

    # offline again: the copy is the new build
    go_offline(context)
    page.goto(base + "praktisk-information/")
    expect(page.locator(".md-content")).to_contain_text("Kursuskontoret")
    expect(page.locator(".md-content")).not_to_contain_text(CONTACT)
    context.close()
    assert errors == []
    assert_only_local(seen, base)


def test_the_copy_keeps_to_its_own_edition_folder(
    browser: Browser, edition_site: tuple[Path, Path], tmp_path: Path
) -> None:
    """Two editions side by side, as `coursebook publish` lays them out: the
    worker of one copies and serves only its own folder."""
    site, _ = edition_site
    published = tmp_path / "published"
    published.mkdir()
    shutil.copytree(site, published / "foraar-2027")
    shutil.copytree(site, published / "efteraar-2027")
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    with serve(published) as base:
        spring = base + "foraar-2027/"
        page.goto(spring)
        wait_for_offline_copy(page, worker_version(site))
        scope = page.evaluate(
            "navigator.serviceWorker.getRegistration().then(r => r.scope)"
        )
        assert scope == spring
        copied = page.evaluate(
            """() => caches.keys().then(keys => Promise.all(keys.map(key =>
                 caches.open(key).then(c => c.keys()).then(rs => rs.map(r => r.url)))))
               .then(lists => lists.flat())"""
        )
        assert copied and all(url.startswith(spring) for url in copied)
        manifest = json.loads((site / "manifest.webmanifest").read_text())
        assert manifest["start_url"] == manifest["scope"] == "./"
    go_offline(context)
    page.goto(spring + "ordliste/")
    expect(page.locator(".md-content h1")).to_contain_text("Ordliste")
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        page.goto(base + "efteraar-2027/ordliste/")
    context.close()


def test_installable_with_a_danish_manifest(
    playwright: Playwright, served_site: str, site: Path, tmp_path: Path
) -> None:
    # a browser profile of its own: Chrome installs no app from a private window
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile",
        executable_path=CHROMIUM,
        headless=True,
        locale="da-DK",
        args=["--disable-background-networking"],
    )
    page = context.new_page()
    page.goto(served_site)
    wait_for_offline_copy(page, worker_version(site))
    session = context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = session.send("Page.getAppManifest")
    data = json.loads(manifest["data"])
    assert data["lang"] == "da"
    assert data["name"].startswith("Ledelse af psykisk arbejdsmiljø")
    assert data["short_name"] == "Kursusguide"
    assert data["theme_color"] == "#00796b"
    context.close()
