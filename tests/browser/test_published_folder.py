"""Two editions published with `publish --to` into one folder, served by a
plain static web server under site_url's path, as a municipality's server
would serve the copied folder."""

from __future__ import annotations

import functools
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect
from projects import make_project, run_coursebook
from pypdf import PdfReader
from site_checks import PageParser

pytestmark = pytest.mark.browser

PATH = "ledelse-af-psykisk-arbejdsmiljoe"
EDITIONS = ("foraar-2027", "efteraar-2027")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(site_url, folder): both shipped editions, PDFs included."""
    work = tmp_path_factory.mktemp("udgivet")
    www = work / "www"
    www.mkdir()
    handler = functools.partial(_Quiet, directory=str(www))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{server.server_address[1]}/{PATH}/"
    repo = make_project(work / "projekt")
    folder = www / PATH
    try:
        for edition in EDITIONS:
            result = run_coursebook(
                "publish", edition, "--to", str(folder), "--site-url", site_url,
                cwd=repo, COURSEBOOK_PDF="1",
            )  # fmt: skip
            assert result.returncode == 0, result.stdout + result.stderr
        yield site_url, folder
    finally:
        server.shutdown()
        server.server_close()


def test_address_leads_to_aktuel_and_the_selector_lists_both(
    page: Page, published: tuple[str, Path]
) -> None:
    site_url, _ = published
    page.goto(site_url)
    page.wait_for_url(site_url + "aktuel/")
    expect(page.locator(".cb-edition-banner__name")).to_have_text("Hold: Efterår 2027")
    # Material's version selector, filled from versions.json
    expect(page.locator(".md-version__current")).to_have_text("Efterår 2027")
    titles = page.locator(".md-version__link").all_text_contents()
    assert [t.strip() for t in titles] == ["Efterår 2027", "Forår 2027"]
    page.locator(".md-version__link", has_text="Forår 2027").dispatch_event("click")
    page.wait_for_url(site_url + "foraar-2027/**")
    expect(page.locator(".cb-edition-banner__name")).to_have_text("Hold: Forår 2027")


def test_a_missing_page_gets_the_danish_404_with_a_way_back(
    page: Page, published: tuple[str, Path]
) -> None:
    site_url, folder = published
    # what a web server set up as KOORDINATOR.md says serves for a missing page
    page.goto(site_url + "404.html")
    expect(page.locator("article h1")).to_have_text("Siden findes ikke")
    page.get_by_role("link", name="Gå til håndbogens forside").click()
    page.wait_for_url(site_url + "**")
    expect(page.locator(".cb-edition-banner__name")).to_have_text("Hold: Efterår 2027")


def test_every_link_in_both_editions_pages_pdfs_and_calendars_resolves(
    published: tuple[str, Path],
) -> None:
    site_url, folder = published
    host = urlsplit(site_url).netloc
    targets: dict[str, set[str]] = {}  # URL → where it is linked from

    def add(url: str, source: str) -> None:
        url = urldefrag(url)[0]
        if url.startswith("webcal://"):
            url = "http://" + url.removeprefix("webcal://")
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc == host:
            targets.setdefault(url, set()).add(source)

    pdfs = calendars = 0
    for edition in (*EDITIONS, "aktuel"):
        for path in sorted((folder / edition).rglob("*")):
            url = site_url + path.relative_to(folder).as_posix()
            if path.suffix == ".html" and path.name != "404.html":
                parser = PageParser()
                parser.feed(path.read_text(encoding="utf-8"))
                for link in parser.links + parser.resources:
                    add(urljoin(url, link), url)
            elif path.suffix == ".pdf":
                pdfs += 1
                for page in PdfReader(path).pages:
                    for annotation in page.get("/Annots") or []:
                        action = annotation.get_object().get("/A") or {}
                        if "/URI" in action:
                            add(str(action["/URI"]), url)
            elif path.suffix == ".ics":
                calendars += 1
                for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
                    if "URL" in event:
                        add(str(event["URL"]), url)
    assert pdfs == 3 * 3  # the guide and two plan forms, in each of the folders
    assert calendars >= 3 * 5
    broken = []
    for url, sources in sorted(targets.items()):
        try:
            urllib.request.urlopen(url, timeout=10).close()  # noqa: S310 (loopback)
        except urllib.error.URLError as error:
            broken.append(f"{url} ({error}) from {sorted(sources)[0]}")
    assert len(targets) > 200
    assert broken == []
    # each edition's pages point to its own folder, not to aktuel/
    assert any(f"/{PATH}/foraar-2027/aktiviteter/" in url for url in targets)
