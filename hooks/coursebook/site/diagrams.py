"""Draw each tool's diagram from its parts as inline SVG.

Python does the geometry (text wrapping, positions) here; one Jinja template
per kind of drawing (templates/diagrams/<kind>.svg.j2) turns the layout into
SVG. Every drawing is 400 units wide and shown at most 22rem wide
(docs/assets/css/diagrams.css): at a 360 px phone one unit is about 0.82 px,
so the smallest text (15 units) stays above 12 px.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

from markupsafe import Markup

from ..cache import kept, package_digest
from ..content.bundle import Content
from ..content.model import Part, Tool
from .render import environment

WIDTH = 400
NAME_SIZE = 16  # part names, bold
TEXT_SIZE = 15  # signs and other small text
LEADING = 1.3  # line height as a multiple of the font size
PAD = 10  # inner padding of boxes
CENTRE_GAP = 10  # space between the centre and the parts around it

Spots = list[tuple[float, float]]  # centres of the parts around a centre
Sizes = list[tuple[float, float]]  # their widths and heights

# Advance widths in 1/1000 em of Helvetica/Arial (the first fonts in Material's
# system stack that have fixed metrics); unknown characters count as wide.
_REGULAR = {
    **dict.fromkeys("ijl'", 222),
    **dict.fromkeys(" ft.,:;!|/I[]·", 278),
    **dict.fromkeys('r()-{}»«"', 333),
    **dict.fromkeys("cksvxyzJ", 500),
    **dict.fromkeys("abdeghnopquåéL0123456789?–_", 556),
    **dict.fromkeys("øFTZ", 611),
    **dict.fromkeys("ABEKPSVXYÅ", 667),
    **dict.fromkeys("wCDHNRU", 722),
    **dict.fromkeys("GOQØ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("æ", 889),
    **dict.fromkeys("WÆ—", 1000),
}
_BOLD_EXTRA = 1.09  # Helvetica Bold is about 9 % wider on Danish text
_SAFETY = 1.06  # other system fonts (San Francisco, Segoe) run a little wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated rendered width of text in viewBox units."""
    em = sum(_REGULAR.get(char, 600) for char in text) / 1000
    return em * size * _SAFETY * (_BOLD_EXTRA if bold else 1)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break text into lines no wider than width; words break after a hyphen."""
    # (piece, what joins it to the piece before): a space, or nothing after
    # a hyphen inside a word such as "dobbelt-loop"
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        parts = word.split("-")
        glued = [p + "-" for p in parts[:-1]] + [parts[-1]]
        pieces += [(p, " " if i == 0 else "") for i, p in enumerate(glued) if p]
    lines: list[str] = []
    for piece, glue in pieces:
        if lines and text_width(lines[-1] + glue + piece, size, bold) <= width:
            lines[-1] += glue + piece
        else:
            lines.append(piece)
    return lines


# --- building blocks ----------------------------------------------------


@dataclass(frozen=True)
class Label:
    """Lines of text; (x, y) is the middle of the block unless anchor is start."""

    lines: tuple[str, ...]
    x: float
    y: float
    size: int
    bold: bool = False
    anchor: str = "middle"  # SVG text-anchor: middle or start
    top: bool = False  # y is the top of the block rather than its middle

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING

    @property
    def baselines(self) -> list[tuple[str, float]]:
        """(line, baseline y) for each line."""
        step = self.size * LEADING
        first = self.y if self.top else self.y - self.height / 2
        # the baseline sits about 0.8 em below the top of a line box
        offset = (step - self.size) / 2 + self.size * 0.82
        return [(line, first + i * step + offset) for i, line in enumerate(self.lines)]


def label(
    text: str,
    width: float,
    x: float,
    y: float,
    size: int = NAME_SIZE,
    bold: bool = True,
    anchor: str = "middle",
    top: bool = False,
) -> Label:
    lines = tuple(wrap(text, width, size, bold))
    return Label(lines, x, y, size, bold, anchor, top)


def block_height(text: str, width: float, size: int, bold: bool) -> float:
    return len(wrap(text, width, size, bold)) * size * LEADING


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: Label
    detail: Label | None = None
    shade: float = 0.15  # fill opacity: deeper levels and higher steps are darker

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True)
class Layout:
    height: float
    boxes: list[Box] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def _shade(index: int, count: int, low: float = 0.1, high: float = 0.4) -> float:
    return round(low + (high - low) * index / max(count - 1, 1), 3)


def _signs(part: Part) -> str:
    return " · ".join(part.signs)


# --- one layout per kind ------------------------------------------------


def levels(tool: Tool) -> Layout:
    """Stacked levels, narrowest on top: IGLO's individ to organisation,
    Schein's visible artefacts to the hidden assumptions below."""
    count = len(tool.parts)
    top_width, band_gap = 150.0, 4.0
    widths = [top_width + (WIDTH - top_width) * i / count for i in range(count + 1)]
    boxes, y = [], 0.0
    for i, part in enumerate(tool.parts):
        room = widths[i] - 2 * PAD
        h = max(52.0, block_height(part.name, room, NAME_SIZE, True) + 2 * PAD)
        text = label(part.name, room, WIDTH / 2, y + h / 2)
        boxes.append(Box(0, y, WIDTH, h, text, shade=_shade(i, count)))
        y += h + band_gap
    # trapezoid corners: each band runs from its top width to the next one's
    polygons = []
    for i, box in enumerate(boxes):
        top, bottom = (
            widths[i],
            widths[i + 1]
            - (widths[i + 1] - widths[i]) * (band_gap / (box.h + band_gap)),
        )
        polygons.append(
            _points(
                [
                    (WIDTH / 2 - top / 2, box.y),
                    (WIDTH / 2 + top / 2, box.y),
                    (WIDTH / 2 + bottom / 2, box.y + box.h),
                    (WIDTH / 2 - bottom / 2, box.y + box.h),
                ]
            )
        )
    return Layout(y - band_gap, boxes, {"polygons": polygons})


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


@dataclass(frozen=True)
class Oval:
    """The centre: an ellipse with half-axes a (across) and b (up)."""

    a: float
    b: float

    def clear_of(self, dx: float, dy: float, gap: float) -> bool:
        """Is the point (dx, dy) from the centre at least gap outside?"""
        return (dx / (self.a + gap)) ** 2 + (dy / (self.b + gap)) ** 2 >= 1


def _centre_label(tool: Tool, width: float) -> tuple[Label, Oval]:
    """The tool's name in the centre, and an ellipse that holds it: a circle
    for a short name, wider for one long word such as Selvbestemmelsesteori."""
    lines = wrap(tool.name, width, NAME_SIZE, True)
    half_w = max(text_width(line, NAME_SIZE, True) for line in lines) / 2 + 4
    half_h = len(lines) * NAME_SIZE * LEADING / 2 + 2
    b = max(half_h * math.sqrt(2), 44.0)
    a = max(half_w / math.sqrt(1 - (half_h / b) ** 2), b)
    return Label(tuple(lines), 0, 0, NAME_SIZE, True), Oval(a, b)


def _narrowest(tool: Tool) -> float:
    """The narrowest node that holds the longest word of any part's name."""
    words = [w for p in tool.parts for w in wrap(p.name, 0, TEXT_SIZE, True)]
    return max(text_width(w, TEXT_SIZE, True) for w in words) + 2 * PAD


def _around(tool: Tool, widest: float, gap: float, columns: bool = True) -> Layout:
    """Parts around the tool's name, the first at the top, then clockwise.

    Two placements are tried, and the lower drawing wins: on an ellipse
    (regular, but neighbours at the same height may collide), and in two
    columns beside the centre with one part above (and one below). A crowded
    drawing gets narrower parts, then a name wrapped tighter in the centre."""
    narrowest = _narrowest(tool)
    widest = max(widest, narrowest)
    widths = [widest - 4 * k for k in range(int((widest - narrowest) // 4) + 1)]
    candidates: list[tuple[Spots, Sizes, float]] = []
    for centre_width in (120, 90):
        centre, oval = _centre_label(tool, centre_width)
        for width in widths:
            placed = (
                _on_ellipse(tool, width, oval, gap),
                _in_columns(tool, width, oval, gap) if columns else None,
            )
            candidates = [found for found in placed if found is not None]
            if candidates:
                break
        if candidates:
            break
    if not candidates:  # even the narrowest parts collide: let them touch
        candidates = [_on_ellipse(tool, narrowest, oval, gap, check=False)]
    spots, sizes, node_width = min(candidates, key=lambda c: _span(c[0], c[1]))
    top = min(y - h / 2 for (_, y), (_, h) in zip(spots, sizes, strict=True))
    bottom = max(y + h / 2 for (_, y), (_, h) in zip(spots, sizes, strict=True))
    cx, cy = WIDTH / 2, -top + 2
    boxes = []
    room = node_width - 2 * PAD
    for part, (x, y), (w, h) in zip(tool.parts, spots, sizes, strict=True):
        text = label(part.name, room, cx + x, cy + y, TEXT_SIZE)
        boxes.append(Box(cx + x - w / 2, cy + y - h / 2, w, h, text))
    centre = Label(centre.lines, cx, cy, centre.size, True)
    rx = max(abs(x) for x, _ in spots)
    ry = max(abs(y) for _, y in spots)
    extra = {"cx": cx, "cy": cy, "oval": oval, "centre": centre, "rx": rx, "ry": ry}
    return Layout(bottom - top + 4, boxes, extra)


def _span(spots: Spots, sizes: Sizes) -> float:
    return max(y + h / 2 for (_, y), (_, h) in zip(spots, sizes, strict=True)) - min(
        y - h / 2 for (_, y), (_, h) in zip(spots, sizes, strict=True)
    )


def _sizes(tool: Tool, node_width: float) -> Sizes:
    room = node_width - 2 * PAD
    return [
        (node_width, block_height(p.name, room, TEXT_SIZE, True) + 2 * PAD)
        for p in tool.parts
    ]


def _on_ellipse(
    tool: Tool, node_width: float, oval: Oval, gap: float, check: bool = True
) -> tuple[Spots, Sizes, float] | None:
    """Evenly spaced on the flattest ellipse where no two nodes touch."""
    count = len(tool.parts)
    sizes = _sizes(tool, node_width)
    angles = [-math.pi / 2 + 2 * math.pi * i / count for i in range(count)]
    rx = WIDTH / 2 - node_width / 2 - 2
    if not check:
        ry = oval.b + CENTRE_GAP + max(h for _, h in sizes)
        return [(rx * math.cos(a), ry * math.sin(a)) for a in angles], sizes, node_width
    ry = oval.b
    while ry < 3 * WIDTH:
        spots = [(rx * math.cos(a), ry * math.sin(a)) for a in angles]
        if _fits(spots, sizes, oval, gap):
            return spots, sizes, node_width
        ry += 4
    return None


def _in_columns(
    tool: Tool, widest: float, oval: Oval, gap: float
) -> tuple[Spots, Sizes, float] | None:
    """One node on top, the rest down the right and back up the left side,
    with one at the bottom when the count is even."""
    count = len(tool.parts)
    node_width = min(widest, WIDTH / 2 - 3 - oval.a - CENTRE_GAP)
    if count < 3 or node_width < _narrowest(tool):
        return None
    sizes = _sizes(tool, node_width)
    has_bottom = count % 2 == 0
    side = (count - 1 - has_bottom) // 2
    right = list(range(1, side + 1))
    left = list(range(count - 1, count - 1 - side, -1))  # top to bottom
    rows = [max(sizes[a][1], sizes[b][1]) for a, b in zip(right, left, strict=True)]
    block = sum(rows) + gap * (side - 1)
    spots: Spots = [(0.0, 0.0)] * count
    x = WIDTH / 2 - node_width / 2 - 2
    y = -block / 2
    for a, b, h in zip(right, left, rows, strict=True):
        spots[a], spots[b] = (x, y + h / 2), (-x, y + h / 2)
        y += h + gap
    top_h = sizes[0][1]
    spots[0] = (0.0, min(-block / 2 - gap, -oval.b - CENTRE_GAP) - top_h / 2)
    if has_bottom:
        bottom_h = sizes[side + 1][1]
        spots[side + 1] = (
            0.0,
            max(block / 2 + gap, oval.b + CENTRE_GAP) + bottom_h / 2,
        )
    return (spots, sizes, node_width) if _fits(spots, sizes, oval, gap) else None


def _fits(spots: Spots, sizes: Sizes, oval: Oval, gap: float) -> bool:
    """No part touches the centre or, within gap, another part."""
    for i, ((x, y), (w, h)) in enumerate(zip(spots, sizes, strict=True)):
        # the point of the box nearest to the centre
        dx = max(abs(x) - w / 2, 0)
        dy = max(abs(y) - h / 2, 0)
        if not oval.clear_of(dx, dy, CENTRE_GAP):
            return False
        for (x2, y2), (w2, h2) in zip(spots[i + 1 :], sizes[i + 1 :], strict=True):
            if abs(x - x2) < (w + w2) / 2 + gap and abs(y - y2) < (h + h2) / 2 + gap:
                return False
    return True


def ring(tool: Tool) -> Layout:
    """The parts around the model's name, joined to it by spokes."""
    node_width = 132.0 if len(tool.parts) > 4 else 140.0
    return _around(tool, node_width, 14)


def cycle(tool: Tool) -> Layout:
    """The steps around a circle, each arrow leading to the next step."""
    layout = _around(tool, 132.0, 34, columns=False)
    cx, cy, rx, ry = (layout.extra[k] for k in ("cx", "cy", "rx", "ry"))
    boxes = layout.boxes
    arrows = []
    for i, box in enumerate(boxes):
        after = boxes[(i + 1) % len(boxes)]
        arrow = _arc(cx, cy, rx, ry, box, after, len(boxes), i)
        if arrow:
            arrows.append(arrow)
    # with an odd count an arrow runs along the bottom of the ellipse
    bottom = cy + ry + 6 if len(boxes) % 2 else 0
    height = max(layout.height, bottom)
    return Layout(height, boxes, {**layout.extra, "arrows": arrows})


def _arc(
    cx: float, cy: float, rx: float, ry: float, start: Box, end: Box, count: int, i: int
) -> dict[str, str] | None:
    """An elliptic arc from one box to the next, clockwise, with its arrowhead."""
    a0 = -math.pi / 2 + 2 * math.pi * i / count
    a1 = a0 + 2 * math.pi / count

    def point(a: float) -> tuple[float, float]:
        return cx + rx * math.cos(a), cy + ry * math.sin(a)

    def inside(p: tuple[float, float], box: Box, margin: float = 6) -> bool:
        return (
            box.x - margin <= p[0] <= box.x + box.w + margin
            and box.y - margin <= p[1] <= box.y + box.h + margin
        )

    steps = 400
    angles = [a0 + (a1 - a0) * k / steps for k in range(steps + 1)]
    free = [
        a for a in angles if not inside(point(a), start) and not inside(point(a), end)
    ]
    if not free:  # the boxes touch: no room for an arrow
        return None
    first, last = free[0], free[-1]
    x0, y0 = point(first)
    x1, y1 = point(last)
    large = 1 if last - first > math.pi else 0
    path = f"M {x0:.1f} {y0:.1f} A {rx:.1f} {ry:.1f} 0 {large} 1 {x1:.1f} {y1:.1f}"
    # arrowhead along the tangent at the end
    tx, ty = -rx * math.sin(last), ry * math.cos(last)
    norm = math.hypot(tx, ty)
    tx, ty = tx / norm, ty / norm
    length, half = 12.0, 6.0
    head = _points(
        [
            (x1 + tx * length * 0.5, y1 + ty * length * 0.5),
            (x1 - tx * length * 0.5 - ty * half, y1 - ty * length * 0.5 + tx * half),
            (x1 - tx * length * 0.5 + ty * half, y1 - ty * length * 0.5 - tx * half),
        ]
    )
    return {"path": path, "head": head}


def stairs(tool: Tool) -> Layout:
    """Steps rising from left to right: the first step at the bottom left,
    each step a bar shifted one riser to the right, its signs inside."""
    count = len(tool.parts)
    rise = 22.0
    bar = WIDTH - rise * (count - 1)
    room = bar - 2 * PAD - 28  # the step number sits in a circle on the left
    heights = []
    for part in tool.parts:
        h = block_height(part.name, room, NAME_SIZE, True)
        if part.signs:
            h += 4 + block_height(_signs(part), room, TEXT_SIZE, False)
        heights.append(h + 2 * PAD)
    boxes = []
    for i, (part, h) in enumerate(zip(tool.parts, heights, strict=True)):
        y = sum(heights[i + 1 :])  # the last step is on top
        x = rise * i
        text_x = x + PAD + 28
        name = label(part.name, room, text_x, y + PAD, anchor="start", top=True)
        signs = None
        if part.signs:
            signs = label(
                _signs(part),
                room,
                text_x,
                y + PAD + name.height + 4,
                TEXT_SIZE,
                bold=False,
                anchor="start",
                top=True,
            )
        shade = _shade(i, count, 0.08, 0.42)
        boxes.append(Box(x, y, bar, h, name, signs, shade))
    return Layout(sum(heights), boxes)


def container(tool: Tool) -> Layout:
    """A container: the first part flows in at the top, the others drain out
    through the bottom."""
    width = WIDTH - 20

    def text_block(part: Part, top: float) -> Box:
        name = label(part.name, width, WIDTH / 2, top, top=True)
        signs = None
        if part.signs:
            signs = label(
                _signs(part),
                width,
                WIDTH / 2,
                top + name.height + 4,
                TEXT_SIZE,
                bold=False,
                top=True,
            )
        h = name.height + (signs.height + 4 if signs else 0)
        return Box(10, top, width, h, name, signs)

    inflow = text_block(tool.parts[0], 0)
    vessel_top = inflow.y + inflow.h + 44
    vessel = {"x": 110.0, "y": vessel_top, "w": 180.0, "h": 130.0}
    level = vessel_top + 46  # how full the container is
    out_top = vessel_top + vessel["h"] + 56
    boxes, y = [inflow], out_top
    for part in tool.parts[1:]:
        box = text_block(part, y)
        boxes.append(box)
        y += box.h + 16
    extra = {
        "vessel": vessel,
        "level": level,
        "in_arrow": (inflow.y + inflow.h + 6, vessel_top + 30),
        "out_arrow": (vessel_top + vessel["h"] + 4, out_top - 8),
    }
    return Layout(y - 16 if len(boxes) > 1 else vessel_top + vessel["h"], boxes, extra)


def cards(tool: Tool) -> Layout:
    """The parts as numbered cards, one below the other."""
    room = WIDTH - 2 * PAD - 44
    boxes, y = [], 0.0
    for part in tool.parts:
        h = max(44.0, block_height(part.name, room, NAME_SIZE, True) + 2 * PAD)
        text = label(part.name, room, 44 + PAD, y + h / 2, anchor="start")
        boxes.append(Box(0, y, WIDTH, h, text))
        y += h + 10
    return Layout(y - 10, boxes)


LAYOUTS = {
    "levels": levels,
    "ring": ring,
    "cycle": cycle,
    "stairs": stairs,
    "container": container,
    "list": cards,
}

# --- drawing, once per tool per build ------------------------------------

_NUMBERS = ["nul", "et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"]


def count_word(number: int) -> str:
    """A small number in Danish words, as in "seks trin"."""
    return _NUMBERS[number] if number < len(_NUMBERS) else str(number)


def diagram(content: Content, ident: str) -> Markup:
    """The tool's figure as one raw HTML block ('' when it has no diagram).

    Drawn again only when the tool's data or the package's code changed;
    otherwise it comes from the cache (cache.py), also in a new process:
    most builds leave the tools alone."""
    tool = content.tools[ident]
    code = package_digest()
    key = hashlib.sha256(f"{ident} {tool!r} {code}".encode()).hexdigest()
    return Markup(kept("svg", key, lambda: str(_draw(ident, tool))))


def _draw(ident: str, tool: Tool) -> Markup:
    if tool.diagram is None or not tool.parts:
        return Markup("")
    layout = LAYOUTS[tool.diagram](tool)
    svg = (
        environment()
        .get_template(f"diagrams/{tool.diagram}.svg.j2")
        .render(
            ident=ident,
            tool=tool,
            layout=layout,
            width=WIDTH,
            height=math.ceil(layout.height),
            count_word=count_word,
        )
    )
    # Markdown keeps an HTML block whole only if it has no blank lines
    # and starts at the left margin
    return Markup("\n".join(line.strip() for line in svg.splitlines() if line.strip()))
