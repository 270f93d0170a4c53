"""The browser checks catch what they are meant to catch: run on a
deliberately broken page (tests/fixtures/broken-site/: an image without alt
text, faint grey text, links whose focus cannot be seen, a font and a script
from other hosts, a missing image), each reports its fault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from .checks import Recorder, axe_problems, focus_problems
from .conftest import serve

pytestmark = pytest.mark.browser

BROKEN = Path(__file__).parent.parent / "fixtures" / "broken-site"
FONT = "https://fonts.googleapis.com/css?family=Roboto"
SCRIPT = "https://cdn.example.org/analytics.js"


@pytest.fixture(scope="module")
def broken_site() -> Iterator[str]:
    with serve(BROKEN) as url:
        yield url


def test_checks_find_the_faults_in_a_broken_page(
    context: BrowserContext, broken_site: str
) -> None:
    recorder = Recorder(broken_site).attach(context)
    page = context.new_page()
    page.goto(broken_site, wait_until="networkidle")

    problems = axe_problems(page)
    assert {problem.split(":")[0] for problem in problems} == {
        "image-alt",
        "color-contrast",
    }, problems
    assert set(recorder.foreign()) == {FONT, SCRIPT}
    # stopped before they reached the network
    assert set(recorder.stopped) == {FONT, SCRIPT}
    # the browser notes them as errors, and the image that is not there
    for url in (FONT, SCRIPT, f"{broken_site}billede.png"):
        assert any(url in error for error in recorder.errors), (url, recorder.errors)
    assert focus_problems(page) == [
        "<a> En side: no focus ring",
        "<a> et dødt link: no focus ring",
        "<a> et manglende anker: no focus ring",
    ]
