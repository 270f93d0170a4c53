"""The whole course guide as one print-quality PDF, made with WeasyPrint.

The chapters are the pages exactly as MkDocs rendered them, in navigation
order. This module only makes them fit into one document: ids made unique per
chapter, links between pages turned into in-document anchors (other links made
absolute), web-only parts left out (`cb-web-only`; `cb-print-only` parts are
hidden on screen and kept here), a page with nothing left for paper left out.
Then it lays the document out, and where a chapter would end on a page less
than a third full, lets the next chapter run on below it instead of leaving
the page nearly empty. The look lives in templates/pdf/.
"""

from __future__ import annotations

import html
import itertools
import posixpath
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ..content.editions import schedule_of
from ..site import routes
from ..site.html_walk import text_of, walk
from ..site.render import TEMPLATES, environment, markdown_html
from ..site.routes import file_name, page_url
from .output import BuildOutput, RenderedPage, log

if TYPE_CHECKING:
    from collections.abc import Callable

    from weasyprint.urls import URLFetcher

PDF_TEMPLATES = TEMPLATES / "pdf"

# Parts of a web page that mean nothing on paper: the ¶ permalinks, anything
# marked `cb-web-only` (e.g. the plan pages' form controls), scripts, controls.
# Its counterpart `cb-print-only` (print wording) needs nothing here: only the
# site's screen CSS hides it. docs/assets/css/handbook.css does the same pair
# for the browser's own print of "Hele guiden".
WEB_ONLY = "cb-web-only"
WEB_ONLY_CLASSES = frozenset({"headerlink", WEB_ONLY})
WEB_ONLY_TAGS = frozenset(
    {"script", "noscript", "template", "button", "input", "select", "textarea"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# A page ending less full than this lets the next chapter run on below it
MIN_FILL = 1 / 3
LAYOUT_ROUNDS = 10  # each round only adds run-ons: it settles in a few
# Compound words pyphen's Danish dictionary splits at the wrong joint
# ("stres-strappen", "Opstartswor-kshop"): their soft hyphens (U+00AD) win over
# the dictionary in WeasyPrint, as CSS Text 3 asks.
HYPHENATION = {
    "opstartsworkshop": "opstarts\u00adworkshop",
    "stresstrappen": "stress\u00adtrappen",
    "stressrelateret": "stress\u00adrelateret",
    "trivselstrappen": "trivsels\u00adtrappen",
    "trivslen": "triv\u00adslen",
    "arbejdsmiljø": "arbejds\u00admiljø",
    "arbejdsmiljøet": "arbejds\u00admiljøet",
    "arbejdsmiljørepræsentant": "arbejds\u00admiljø\u00adrepræsentant",
    "arbejdsmiljørepræsentanten": "arbejds\u00admiljø\u00adrepræsentanten",
}
# headings and table cells never hyphenate (templates/pdf/guide.css)
_NO_HYPHENS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "th", "td"})
_HYPHENATE = re.compile(
    r"\b(" + "|".join(sorted(HYPHENATION, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Chapter:
    """One rendered page as a chapter of the printed guide."""

    key: str
    title: str
    label: str | None
    section: str | None
    kind: str
    body: Markup


def write_guide_pdf(output: BuildOutput) -> list[Path]:
    """Write downloads/kursusguide.pdf from the rendered pages."""
    # WeasyPrint takes a second to import: only when the PDF is really written
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _local_fetcher(output.site_dir)
    base_url = output.site_dir.resolve().as_uri() + "/"
    # made once for every render: the fonts stay loaded and measured
    fonts = FontConfiguration()
    stylesheet = CSS(
        filename=PDF_TEMPLATES / "guide.css", url_fetcher=fetcher, font_config=fonts
    )

    def render(markup: str) -> Any:
        return HTML(string=markup, base_url=base_url, url_fetcher=fetcher).render(
            font_config=fonts,
            stylesheets=[stylesheet],
            # HTML's own layout attributes, among them <ol start>: the key
            # points run 1–10 across three lists
            presentational_hints=True,
        )

    chapters = chapters_of(output)
    layout = Layout()
    for _ in range(LAYOUT_ROUNDS):
        document = render(guide_html(output, chapters, layout))
        layout.renders += 1
        if not layout.improve(document, chapters, lambda s: render(probe_html(s))):
            break
    target = output.downloads / file_name("guide")
    document.write_pdf(target, pdf_variant="pdf/ua-1")
    log.info(
        "coursebook: guide PDF laid out in %d whole and %d partial renders",
        layout.renders,
        layout.probes,
    )
    return [target]


@dataclass(frozen=True)
class ChapterEnd:
    """Where a chapter's text ends on its last page, as laid out."""

    fill: float  # how much of that page's text area is used, 0 to 1
    height: float  # its bottom edge below the top of the text area, in px
    margin: float  # the bottom margin the next chapter's top margin meets


@dataclass(frozen=True)
class Stretch:
    """Chapters that run on below the text that ends the page before them."""

    above: ChapterEnd
    chapters: list[Chapter]


@dataclass
class Layout:
    """Choices made after seeing the guide laid out: which chapters run on
    below the one before, and whether the contents need tighter lines."""

    run_on: set[str] = field(default_factory=set)
    compact_contents: bool = False
    renders: int = 0  # of the whole guide
    probes: int = 0  # partial renders: only the chapters that moved

    def improve(
        self,
        document: Any,
        chapters: list[Chapter],
        probe: Callable[[list[Stretch]], Any],
    ) -> bool:
        """Adjust to the laid-out document; False when there is nothing to fix.

        Round by round, a chapter after one that ends on a page less than
        MIN_FILL full runs on below it. Chapters that start a page are laid
        out alike wherever they stand, so a round lays out again only the
        chapters that moved, each stretch below a blank block as tall as the
        text above it (probe): a few small renders instead of whole ones."""
        pages = document.pages
        changed = False
        first = _page_of(pages, chapters[0].key) if chapters else len(pages)
        if not self.compact_contents and page_fill(pages[first - 1]) < MIN_FILL:
            self.compact_contents = changed = True
        ends = chapter_ends(pages)
        for _ in range(LAYOUT_ROUNDS):
            moved = {
                chapter.key
                for before, chapter in itertools.pairwise(chapters)
                if chapter.key not in self.run_on and ends[before.key].fill < MIN_FILL
            }
            if not moved:
                break
            self.run_on |= moved
            changed = True
            ends |= chapter_ends(probe(self._stretches(chapters, moved, ends)).pages)
            self.probes += 1
        return changed

    def _stretches(
        self, chapters: list[Chapter], moved: set[str], ends: dict[str, ChapterEnd]
    ) -> list[Stretch]:
        """From each chapter that newly runs on to the next chapter that
        starts a page: the part of the guide a round changes."""
        stretches: list[Stretch] = []
        for index, chapter in enumerate(chapters):
            if chapter.key not in self.run_on:
                continue
            if stretches and stretches[-1].chapters[-1] is chapters[index - 1]:
                stretches[-1].chapters.append(chapter)  # runs on in the stretch
            elif chapter.key in moved:
                stretches.append(Stretch(ends[chapters[index - 1].key], [chapter]))
        return stretches


def chapter_ends(pages: list[Any]) -> dict[str, ChapterEnd]:
    """Where each chapter on the laid-out pages ends."""
    ends = {}
    for page in pages:
        box = page._page_box
        top = box.content_box_y()
        for section in _chapter_boxes(box):
            bottom = section.border_box_y() + section.border_height()
            ends[section.element.get("id")] = ChapterEnd(
                page_fill(page), bottom - top, _margin_below(section)
            )
    return ends


def page_fill(page: Any) -> float:
    """How much of a laid-out page's text area its content uses, 0 to 1."""
    from weasyprint.formatting_structure import boxes

    box = page._page_box
    top = box.content_box_y()
    bottom = top
    todo = [child for child in box.children if not isinstance(child, boxes.MarginBox)]
    while todo:
        child = todo.pop()
        if isinstance(child, boxes.LineBox | boxes.ReplacedBox):
            if child.height:
                bottom = max(bottom, child.position_y + child.height)
        elif isinstance(child, boxes.ParentBox):
            todo += child.children
    return (bottom - top) / box.height


def _page_of(pages: list[Any], anchor: str) -> int:
    return next(i for i, page in enumerate(pages) if anchor in page.anchors)


def _chapter_boxes(page_box: Any) -> list[Any]:
    """The chapter sections (or their parts) on a page: <html>, <body>, <section>."""
    from weasyprint.formatting_structure import boxes

    return [
        section
        for root in page_box.children
        if not isinstance(root, boxes.MarginBox)
        for body in root.children
        for section in body.children
        if section.element_tag == "section"
        and (section.element.get("id") or "").startswith("kapitel-")
    ]


def _margin_below(box: Any) -> float:
    """The bottom margin of box with those of its last descendants that
    collapse through its bottom edge (CSS 2 §8.3.1)."""
    from weasyprint.formatting_structure import boxes

    margins = [box.margin_bottom]
    while (
        not box.padding_bottom
        and not box.border_bottom_width
        and box.children
        and isinstance(box.children[-1], boxes.BlockBox)
    ):
        box = box.children[-1]
        margins.append(box.margin_bottom)
    return max(margins)


def guide_html(
    output: BuildOutput,
    chapters: list[Chapter] | None = None,
    layout: Layout | None = None,
) -> str:
    """The whole guide as one HTML document: cover, contents, chapters."""
    content = output.content
    chapters = chapters_of(output) if chapters is None else chapters
    return (
        environment()
        .get_template("pdf/guide.html.j2")
        .render(
            course=content.course,
            edition=content.edition,
            dates=schedule_of(content).span,
            notice=markdown_html(content.edition.notice),
            site_url=output.site_url,
            site_address=output.site_url.split("://", 1)[-1].rstrip("/"),
            qr_code=qr_svg(output.site_url) if output.site_url else None,
            chapters=chapters,
            groups=_groups(chapters),
            layout=layout or Layout(),
        )
    )


def probe_html(stretches: list[Stretch]) -> str:
    """Only the stretches of chapters a layout round moves (Layout.improve)."""
    return environment().get_template("pdf/probe.html.j2").render(stretches=stretches)


def chapters_of(output: BuildOutput) -> list[Chapter]:
    keys = {page_url(page.src): chapter_key(page.src) for page in output.pages}
    chapters = []
    for page in output.pages:
        chapter = _PageRewriter(page, keys, output.site_url).rewrite()
        if chapter.empty:
            continue  # the whole page is web-only
        # the nav's short name where it adds to the title ("Modul 1"); the
        # front page's "Forside" does not
        same = page.title == chapter.title or page.src == routes.page("front")
        chapters.append(
            Chapter(
                key=chapter_key(page.src),
                title=chapter.title,
                label=None if same else page.title,
                section=page.section,
                kind=page.kind,
                body=Markup(chapter.html),
            )
        )
    return chapters


def chapter_key(src: str) -> str:
    """The id of a page's chapter: unique, and readable in a link."""
    return "kapitel-" + (page_url(src).strip("/").replace("/", "-") or "forside")


def qr_svg(url: str) -> Markup:
    """A QR code for url as inline SVG, so it stays a sharp vector in print."""
    import segno

    code = segno.make(url, error="m")
    # the <title> is the figure's alternative text in the tagged PDF
    svg = code.svg_inline(scale=1, omitsize=True, dark="#000", title=f"QR-kode: {url}")
    return Markup(svg)


def _groups(chapters: list[Chapter]) -> list[tuple[str | None, list[Chapter]]]:
    """Consecutive chapters of the same site section, for the contents page."""
    groups: list[tuple[str | None, list[Chapter]]] = []
    for chapter in chapters:
        if groups and groups[-1][0] == chapter.section:
            groups[-1][1].append(chapter)
        else:
            groups.append((chapter.section, [chapter]))
    return groups


@cache
def _svg_css() -> str:
    return (PDF_TEMPLATES / "diagrams.css").read_text(encoding="utf-8")


def _local_fetcher(site_dir: Path) -> URLFetcher:
    """Fetch files from the built site only: the PDF never asks another host."""
    from weasyprint.urls import URLFetcher

    root = site_dir.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                path = Path(urlsplit(url).path).resolve()
                if path.is_relative_to(root):
                    return super().fetch(url, headers)
            raise ValueError(f"not fetched for the PDF (outside the site): {url}")

    return LocalFetcher(allowed_protocols=("file", "data"))


@dataclass
class _Rewritten:
    title: str
    html: str
    empty: bool


class _PageRewriter:
    """Re-emit one page's HTML as a chapter of the single printed document."""

    def __init__(self, page: RenderedPage, keys: dict[str, str], site_url: str):
        self.page = page
        self.keys = keys
        # the folder every other link resolves in; a published edition's
        # site_url ends in its folder, with or without the slash
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.key = keys[page_url(page.src)]
        self.here = "/" + page_url(page.src)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.drop_depth: int | None = None
        self.svg_depth: int | None = None
        self.has_h1 = False

    def rewrite(self) -> _Rewritten:
        for token in walk(self.page.html):
            if isinstance(token, str):
                self._text(token)
            elif token.closing:
                self._end(token.name)
            elif not token.comment:
                self._start(token.name, token.attrs, closed=token.self_closing)
        body = "".join(self.out)
        empty = not text_of(body).strip()
        # the chapter's title is the page's heading as MkDocs read it
        title = self.page.heading or self.page.title
        if not self.has_h1:
            # a page without a heading still gets a titled chapter
            body = f'<h1 id="{self.key}--titel">{html.escape(title)}</h1>{body}'
        return _Rewritten(title, body, empty)

    def _end(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            name = self.stack.pop()
            if self.drop_depth is None:
                self.out.append(f"</{name}>")
            if depth == self.svg_depth:
                self.svg_depth = None
            if depth == self.drop_depth:
                self.drop_depth = None
            if name == tag:
                break

    # --- helpers -----------------------------------------------------------

    def _text(self, text: str) -> None:
        if self.drop_depth is not None:
            return
        if self.svg_depth is None and _NO_HYPHENS.isdisjoint(self.stack):
            text = _HYPHENATE.sub(_hyphenated, text)
        self.out.append(text)

    def _start(
        self, tag: str, attrs: list[tuple[str, str | None]], closed: bool
    ) -> None:
        void = closed or tag in _VOID
        if self.drop_depth is None and _web_only(tag, attrs):
            if not void:
                self.stack.append(tag)
                self.drop_depth = len(self.stack)
            return
        if not void:
            self.stack.append(tag)
            if tag == "svg" and self.svg_depth is None:
                self.svg_depth = len(self.stack)
            if tag == "h1":
                self.has_h1 = True
        if self.drop_depth is not None:
            return
        if self.svg_depth is None:
            attrs = [(name, self._attribute(tag, name, value)) for name, value in attrs]
            href = dict(attrs).get("href") or ""
            if tag == "a" and href.startswith(("http://", "https://")):
                attrs = _with_class(attrs, "cb-link-external")
        self.out.append(_tag(tag, attrs, closed))
        if tag == "svg" and self.svg_depth == len(self.stack):
            # WeasyPrint styles an inline SVG only from the styles inside it
            self.out.append(f"<style>{_svg_css()}</style>")

    def _attribute(self, tag: str, name: str, value: str | None) -> str | None:
        if value is None:
            return None
        if name in ("id", "for", "aria-labelledby", "aria-describedby"):
            return " ".join(f"{self.key}--{v}" for v in value.split())
        if name == "href" and tag == "a":
            return self._link(value)
        if name == "src":
            return self._resource(value)
        return value

    def _link(self, href: str) -> str:
        if href.startswith("#"):
            return f"#{self.key}--{href[1:]}" if len(href) > 1 else f"#{self.key}"
        if _SCHEME.match(href):
            return href
        parts = urlsplit(urljoin(self.here, href))
        path = parts.path.lstrip("/")
        path = path.removesuffix("index.html")
        key = self.keys.get(path) or self.keys.get(path + "/")
        if key is not None:
            return f"#{key}--{parts.fragment}" if parts.fragment else f"#{key}"
        # a page or file outside the guide: the online one
        absolute = urljoin(self.site_url, path) if self.site_url else href
        return absolute + (f"#{parts.fragment}" if parts.fragment else "")

    def _resource(self, src: str) -> str:
        if _SCHEME.match(src):
            return src
        return posixpath.normpath(urlsplit(urljoin(self.here, src)).path).lstrip("/")


def _hyphenated(match: re.Match[str]) -> str:
    word = match.group(0)
    points = HYPHENATION[word.lower()]
    return word[0] + points[1:] if word[0].isupper() else points


def _web_only(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in WEB_ONLY_TAGS:
        return True
    classes = next((v or "" for k, v in attrs if k == "class"), "").split()
    return not WEB_ONLY_CLASSES.isdisjoint(classes)


def _with_class(
    attrs: list[tuple[str, str | None]], name: str
) -> list[tuple[str, str | None]]:
    classes = next((v or "" for k, v in attrs if k == "class"), "")
    others = [(k, v) for k, v in attrs if k != "class"]
    return [*others, ("class", f"{classes} {name}".strip())]


def _tag(tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> str:
    parts = [tag] + [
        name if value is None else f'{name}="{html.escape(value)}"'
        for name, value in attrs
    ]
    return "<" + " ".join(parts) + (" />" if closed else ">")
