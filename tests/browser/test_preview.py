"""`make serve` as a coordinator uses it: a real `mkdocs serve` on a copy of the
content, watched in chromium while YAML files are saved."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, replace
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

MOUNT = "/ledelse-af-psykisk-arbejdsmiljoe/"  # site_url's path, where serve mounts


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def preview(content_copy: Path, tmp_path: Path) -> Iterator[str]:
    """`mkdocs serve --livereload` on content_copy; yields the handbook's URL."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload",
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
             "COURSEBOOK_CONTENT": str(content_copy), "COURSEBOOK_PDF": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}{MOUNT}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()  # noqa: S310 (loopback)
            break
        except OSError:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "mkdocs serve did not start"
            time.sleep(0.2)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def check_lines(content: Path) -> list[str]:
    """What `coursebook check` prints for the content, one problem a line."""
    result = subprocess.run(
        [sys.executable, "-m", "coursebook.commands.cli", "check",
         "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    return [line for line in result.stdout.splitlines() if re.match(r".+:\d+: ", line)]


def test_a_broken_save_shows_the_problems_and_a_fix_brings_the_page_back(
    page: Page, preview: str, content_copy: Path
) -> None:
    page.goto(preview + "aktiviteter/modul-2/")
    heading = page.locator("article h1")
    expect(heading).to_contain_text("Ledelse af kultur")
    activity = content_copy / "activities" / "modul-2.yml"
    edition = content_copy / "editions" / "foraar-2027.yml"
    good_activity, good_edition = activity.read_text(), edition.read_text()
    replace(activity, "label: Modul 2", "labl: Modul 2")
    replace(edition, 'end: "15:30"', 'end: "08:30"')
    expected = check_lines(content_copy)
    assert len(expected) >= 2  # at least the missing label and the unknown field
    # no reload by hand: live reload brings the error page into the open tab
    expect(heading).to_contain_text("Håndbogen kan ikke vises", timeout=30_000)
    shown = page.locator(".cb-preview-problems li").all_inner_texts()
    assert shown == expected
    assert all(line.startswith(str(content_copy)) for line in shown)
    activity.write_text(good_activity, encoding="utf-8")
    edition.write_text(good_edition, encoding="utf-8")
    expect(heading).to_contain_text("Ledelse af kultur", timeout=30_000)
    assert page.url == preview + "aktiviteter/modul-2/"


def test_the_pdf_button_waits_for_the_pdf_and_then_opens_it(
    page: Page, preview: str, content_copy: Path
) -> None:
    page.goto(preview)
    button = page.locator('a[href$="downloads/kursusguide.pdf"]').first
    expect(button).to_be_visible()
    # a save starts a new background PDF; the reloaded page says so
    with page.expect_navigation(timeout=30_000):
        replace(
            content_copy / "activities" / "modul-1.yml",
            "label: Modul 1",
            "label:  Modul 1",
        )
    expect(button).to_contain_text(re.compile(r"PDF'en laves… \(højst \d+ sekunder"))
    said = re.search(r"højst (\d+) sekunder", button.inner_text())
    assert said, button.inner_text()
    seconds = int(said.group(1))
    started = time.monotonic()
    button.click()
    # chromium shows the PDF itself (or downloads it): either way, it goes there
    page.wait_for_url("**/downloads/kursusguide.pdf", timeout=seconds * 1000)
    assert time.monotonic() - started <= seconds
    pdf = page.request.get(page.url).body()
    assert pdf.startswith(b"%PDF") and len(pdf) > 100_000
