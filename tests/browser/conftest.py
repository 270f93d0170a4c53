"""Fixtures for the browser tests: the built handbook on a local server, and
Debian's chromium driven through Playwright (its own browser download does not
work here). Mark browser tests `@pytest.mark.browser`.

    def test_x(page, served_site, requests_seen):
        page.goto(served_site + "handleplan/")
        ...
        assert_only_local(requests_seen, served_site)
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    sync_playwright,
)

CHROMIUM = "/usr/bin/chromium"
# URLs a page may "request" without touching the network
_NO_NETWORK = ("blob:", "data:", "about:")


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as if it were published at this server's address.

    Material's instant navigation follows only links to pages listed in
    sitemap.xml, which names them under site_url; a published site is served
    at site_url, so here the sitemap names this server instead.
    """

    def do_GET(self) -> None:
        if self.path.split("?")[0] != "/sitemap.xml":
            super().do_GET()
            return
        sitemap = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>\s*(\S+?)\s*</loc>", sitemap)
        site_url = min(locations, key=len)  # the front page: site_url itself
        host, port = self.server.server_address[:2]
        body = sitemap.replace(site_url, f"http://{host}:{port}/").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """The shipped handbook served on 127.0.0.1; yields its base URL (ends in /)."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's chromium, headless, without its own background traffic."""
    assert shutil.which(CHROMIUM), (
        f"the browser tests need Debian's chromium at {CHROMIUM}: "
        "apt-get install chromium (or `make chromium`)"
    )
    instance = playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=["--disable-background-networking"],
    )
    yield instance
    instance.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile per test: empty localStorage, downloads allowed, Danish."""
    fresh = browser.new_context(accept_downloads=True, locale="da-DK")
    yield fresh
    fresh.close()


@pytest.fixture
def requests_seen(context: BrowserContext) -> list[str]:
    """Every URL any page of the context requests, in order."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.fixture
def page(context: BrowserContext, requests_seen: list[str]) -> Iterator[Page]:
    """A page in the test's context; JavaScript errors fail the test."""
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    assert errors == [], errors


def assert_only_local(requests: list[str], base_url: str) -> None:
    """No request went anywhere but the local server."""
    assert requests, "no requests were recorded"
    elsewhere = [
        url for url in requests if not url.startswith((base_url, *_NO_NETWORK))
    ]
    assert elsewhere == []
