"""Nothing leaves for another host, and nothing goes wrong: every page of the
handbook opened in Debian's chromium, every request it makes recorded (and any
to another host stopped before it reaches the network), every console error
and script error collected."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext

from .checks import Recorder
from .site_pages import NOT_FOUND, PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", PAGES)
def test_page_asks_only_this_server_and_logs_no_errors(
    context: BrowserContext, served_site: str, url: str
) -> None:
    recorder = Recorder(served_site).attach(context)
    page = context.new_page()
    response = page.goto(served_site + url, wait_until="networkidle")
    assert response is not None
    # what loads late: images further down, the search index
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert recorder.requests, "no requests were recorded"
    assert recorder.foreign() == []
    expected = []
    if url == NOT_FOUND:
        # the browser notes the page's own status, which is the point of it
        assert response.status == 404
        expected = [
            "console: Failed to load resource: the server responded with a "
            f"status of 404 (Not Found) ({served_site}{url})"
        ]
    else:
        assert response.status == 200
    assert recorder.errors == expected
