"""Checks on a page open in the browser, each returning the problems it finds
(an empty list when all is well).

Kept apart from the tests so that test_checks.py can run them on a
deliberately broken site (tests/fixtures/broken-site/) and see them fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Route

# WCAG 2.0 and 2.1, levels A and AA: what webtilgængelighedsloven requires
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_AXE = Axe()
# URLs a page may "request" without touching the network
NO_NETWORK = ("blob:", "data:", "about:")


def axe_problems(page: Page) -> list[str]:
    """Every axe-core violation of the WCAG A and AA rules on the page as it is
    now, one line per element: rule, element, what is wrong."""
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    # the page at rest: no colour or panel caught half-way through a fade
    page.evaluate(_AT_REST)
    results = _AXE.run(page, options=options)
    problems = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = checks[0]["message"] if checks else violation["help"]
            target = " ".join(str(part) for part in node["target"])
            problems.append(f"{violation['id']}: {target}: {why}")
    return problems


_AT_REST = """() => Promise.all(document.getAnimations()
  .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime))
  .map(a => a.finished.catch(() => null)))"""


def foreign_requests(urls: Iterable[str], base_url: str) -> list[str]:
    """The URLs that went anywhere but the server at base_url."""
    return [u for u in urls if not u.startswith((base_url, *NO_NETWORK))]


@dataclass
class Recorder:
    """What the pages of one browser context did: every request, and every
    console error and uncaught script error. Requests to other hosts are
    recorded, then stopped before they reach the network."""

    base_url: str
    requests: list[str] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> Recorder:
        context.on("request", lambda request: self.requests.append(request.url))
        context.route(lambda url: not url.startswith(self.base_url), self._stop)
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)
        return self

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"script: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.errors.append(f"console: {message.text} ({where})")

    def foreign(self) -> list[str]:
        return foreign_requests(self.requests, self.base_url)

    def _stop(self, route: Route) -> None:
        if route.request.url.startswith(NO_NETWORK):
            route.continue_()
        else:
            self.stopped.append(route.request.url)
            route.abort("blockedbyclient")


# The focused element (or the label that shows a hidden control's focus): its
# name, whether it can be seen (on screen, not faded out, not covered), its
# ring (outline style, width, colour) and the colours behind the ring, nearest
# first (the element's own when the ring is drawn inside it). Measured once
# the page's scripts have had a frame to react to the focus; if it cannot
# be seen, again once everything moving (a drawer, a panel) has come to rest.
_FOCUS = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let shown = el;
  if (el.matches("input[type=radio], input[type=checkbox]")) {
    const labels = [...el.parentElement.querySelectorAll(":scope > label")];
    shown = labels.find(label => label.getClientRects().length) || el;
  }
  const visible = () => {
    const box = shown.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(shown).visibility === "hidden")
      return false;
    if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth
        || box.top >= innerHeight) return false;
    let opacity = 1;
    for (let n = shown; n; n = n.parentElement) {
      opacity *= Number(getComputedStyle(n).opacity);
    }
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return opacity > 0.5 && !!top && (shown.contains(top) || top.contains(shown));
  };
  await new Promise(done => requestAnimationFrame(done));
  const rest = (which = () => true) => Promise.all(document.getAnimations()
    .filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime) && which(a))
    .map(a => a.finished.catch(() => null)));
  let seen = visible();
  if (!seen) {
    await rest();
    seen = visible();
  }
  // the ring's colour may be fading in with a background behind it
  await rest(a => a.effect.target?.contains(shown) && a.effect.target !== shown);
  const style = getComputedStyle(shown);
  const layers = [];
  let node = parseFloat(style.outlineOffset) < 0 ? shown : shown.parentElement;
  for (; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  const name = el.innerText || el.value || el.getAttribute("aria-label") || "";
  const path = [];
  for (let n = el; n.parentElement; n = n.parentElement) {
    path.push(n.tagName + [...n.parentElement.children].indexOf(n));
  }
  return {
    path: path.join("/"),
    what: `<${el.tagName.toLowerCase()}> ${name.trim().slice(0, 40)}`,
    visible: seen,
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    colour: style.outlineColor,
    layers,
    page: getComputedStyle(document.body).backgroundColor,
  };
}"""


def focus_problems(page: Page, limit: int = 300) -> list[str]:
    """Tab through the page from the top: every element that takes focus
    must show a ring at least 2 px wide, at 3:1 against what lies behind it."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    problems: list[str] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(_FOCUS)
        if found is None:
            break  # past the last element, to the browser's own controls
        if found["path"] in seen:
            break  # round the page and back to the start
        seen.add(found["path"])
        if _focus_problem(found):
            # the page may still be reacting to the focus (opening the
            # search): look again once it has had time to settle
            page.wait_for_timeout(500)
            found = page.evaluate(_FOCUS)
            problem = _focus_problem(found)
            if problem:
                problems.append(f"{found['what']}: {problem}")
    if not seen:
        problems.append("nothing on the page takes the keyboard focus")
    return problems


def _focus_problem(found: dict) -> str | None:
    if not found["visible"]:
        return "takes focus but is not visible"
    if found["style"] == "none" or found["width"] < 2:
        return "no focus ring"
    ratio = contrast(found["colour"], found["layers"], found["page"])
    if ratio < 3:
        return f"focus ring contrast {ratio:.1f}:1"
    return None


def _rgba(css: str) -> tuple[float, float, float, float]:
    inside = css[css.index("(") + 1 : css.rindex(")")]
    numbers = [
        float(n) for n in inside.replace("/", ",").replace(" ", ",").split(",") if n
    ]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def _over(top: tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, ...]:
    alpha = top[3]
    mixed = (
        alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom[:3], strict=True)
    )
    return (*mixed, 1.0)


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, layers: list[str], page: str) -> float:
    """WCAG contrast of colour over background layers (nearest first; the
    page colour lies under them all)."""
    parsed = [_rgba(layer) for layer in layers]
    opaque = next((i for i, layer in enumerate(parsed) if layer[3] == 1), None)
    behind = _rgba(page) if opaque is None else parsed[opaque]
    for layer in reversed(parsed[:opaque]):
        behind = _over(layer, behind)
    front = _over(_rgba(colour), behind)
    light, dark = sorted((_luminance(front), _luminance(behind)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
