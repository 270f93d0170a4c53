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
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    sync_playwright,
)

from .checks import foreign_requests

CHROMIUM = "/usr/bin/chromium"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a web host serves the published one.

    Material's instant navigation follows only links to pages listed in
    sitemap.xml, which names them under site_url; a published site is served
    at site_url, so here the sitemap names this server instead. The 404 page
    links to site_url's path (/ledelse-.../assets/...): that path serves the
    site too, and a missing file gets the 404 page with status 404.
    """

    def do_GET(self) -> None:
        site_path = _site_path(self.directory)
        if site_path != "/" and self.path.startswith(site_path):
            self.path = "/" + self.path[len(site_path) :]
        if self.path.split("?")[0] == "/sitemap.xml":
            self._send_sitemap()
        elif not _exists(Path(self.translate_path(self.path))) and _exists(
            Path(self.directory) / "404.html"
        ):
            self._send(404, "text/html", (Path(self.directory) / "404.html"))
        else:
            super().do_GET()

    def _send_sitemap(self) -> None:
        sitemap = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
        host, port = self.server.server_address[:2]
        body = sitemap.replace(_site_url(self.directory), f"http://{host}:{port}/")
        self._send(200, "application/xml", body.encode())

    def _send(self, status: int, content_type: str, body: bytes | Path) -> None:
        if isinstance(body, Path):
            body = body.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _exists(path: Path) -> bool:
    return path.is_file() or (path / "index.html").is_file()


@functools.cache
def _site_url(directory: str) -> str:
    """site_url as the sitemap names it ("" for a site without a sitemap)."""
    sitemap = Path(directory) / "sitemap.xml"
    if not sitemap.is_file():
        return ""
    locations = re.findall(r"<loc>\s*(\S+?)\s*</loc>", sitemap.read_text("utf-8"))
    return min(locations, key=len)  # the front page: site_url itself


def _site_path(directory: str) -> str:
    return urlsplit(_site_url(directory)).path or "/"


@contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """directory served on 127.0.0.1 (on port, or any free one); yields its
    base URL (ends in /)."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """The shipped handbook served on 127.0.0.1; yields its base URL (ends in /)."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's chromium, headless, without its own background traffic."""
    assert shutil.which(CHROMIUM), (
        f"the browser tests need Debian's chromium at {CHROMIUM}: "
        "apt-get install chromium (or `make system-packages` as root)"
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
    assert foreign_requests(requests, base_url) == []
