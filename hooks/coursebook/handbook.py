"""The work behind the MkDocs hook events: load, plan, generate, write downloads."""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .content.archive import ARCHIVE_ENV, personal_files, without_personal_data
from .content.bundle import Content
from .content.dates import banner_dates
from .content.editions import schedule_of
from .content.problems import ContentError, Problem
from .content.validation import validate
from .downloads import write_all
from .downloads.offline import write_offline
from .downloads.output import BuildOutput, RenderedPage
from .preview import errors as preview_errors
from .preview import pdfs as preview_pdfs
from .settings import Settings, SettingsError, from_mkdocs
from .site.bundle import Bundles, add_bundles, plan_bundles
from .site.glossary import (
    abbreviation_markdown,
    abbreviation_titles,
    explain_abbreviations,
)
from .site.pages import PageSpec, build_nav, plan_pages
from .site.render import render_string
from .site.routes import theme_routes
from .site.tables import stack_tables

if TYPE_CHECKING:  # the server's module loads watchdog: only `mkdocs serve` needs it
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.coursebook")
_H1 = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_MANGLED_WEBCAL = re.compile(r'href="[^"]*?webcal:/+')


class Handbook:
    """State of one build, shared by the hook events."""

    def __init__(self) -> None:
        self.content: Content | None = None
        self.pages: list[PageSpec] = []
        self.specs: dict[str, PageSpec] = {}
        self.rendered: dict[str, RenderedPage] = {}
        self.settings: Settings | None = None
        self.problems: list[Problem] = []  # content errors shown by the preview
        self.hidden: set[str] = set()  # files under docs/ left out of the site
        self.started = 0.0  # when the build began (perf_counter)
        self.bundles = Bundles()
        # set by `mkdocs serve`: no service worker, so live reload sees every change
        self.serving = False

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content, self.problems, self.hidden = None, [], set()
        self.started = time.perf_counter()
        if self.serving:
            preview_pdfs.stop()  # the previous build's PDFs would be out of date
        try:
            settings = self.settings = from_mkdocs(config)
        except SettingsError as exc:
            raise PluginError(str(exc)) from None
        # the same validation as `coursebook check` (rules.py), for the build
        found = validate(
            settings.content_dir,
            settings.edition,
            purpose="build",
            edition_source=settings.edition_source or "",
            config_file=settings.config_file,
        )
        if found.stops() and self.serving:
            # while previewing, the browser shows the problems instead
            self.problems = preview_errors.problems_in(settings.content_dir)
            for problem in self.problems:
                log.info(str(problem))  # not a warning: that would stop --strict
            config.extra["routes"] = theme_routes()  # the theme's links
            return preview_errors.configure(config)
        if found.stops():
            raise PluginError(str(ContentError(found.problems)))
        # content warnings are for `coursebook check`; as MkDocs warnings they
        # would fail `mkdocs build --strict`
        for warning in found.warnings:
            log.info(str(warning))
        content = found.content
        assert content is not None
        if os.environ.get(ARCHIVE_ENV) == "1":
            self.hidden = personal_files(content)
            content = without_personal_data(content)
        self.content = content
        self.pages = plan_pages(content)
        self.specs = {spec.src: spec for spec in self.pages}
        # Material prints site_name unescaped in the header and nav; as Markup
        # the escaped title shows as text, and `| e` does not escape it twice
        config.site_name = Markup(escape(content.course.title))
        config.nav = build_nav(self.pages, _handwritten_pages(Path(config.docs_dir)))
        edition = content.edition
        schedule = schedule_of(content)
        config.extra["edition"] = {
            "id": content.edition_id,
            "name": edition.name,
            "status": edition.status,
            "sample": edition.sample,
            "dates": schedule.span,
            **banner_dates(content),
        }
        config.extra["organiser"] = content.course.organiser
        # the theme overrides link through these (site/routes.py)
        config.extra["routes"] = theme_routes()
        self.bundles = plan_bundles(config)
        config.extra["offline"] = not self.serving
        # the download buttons wait for the preview's background PDFs
        config.extra["preview_pdfs"] = self.serving and settings.pdf
        return config

    def add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:
            return preview_errors.error_files(files, config, self.problems)
        assert self.content is not None
        for src in self.hidden:  # an archived edition's instructor photos
            hidden = files.get_file_from_path(src)
            if hidden is not None:
                files.remove(hidden)
        add_bundles(files, config, self.bundles)
        for spec in self.pages:
            existing = files.get_file_from_path(spec.src)
            if existing is not None:
                raise PluginError(
                    f"docs/{spec.src} would hide a page generated from content/; "
                    "rename or remove it"
                )
            files.append(
                File.generated(
                    config,
                    spec.src,
                    content=spec.render(self.content, config.site_url or ""),
                )
            )
        if self.serving:
            pages = [f.src_uri for f in files.documentation_pages()]
            preview_errors.remember_pages(pages)
        return files

    def render_handwritten(self, markdown: str, page: Page) -> str:
        """Hand-written pages may use {{ course.title }} and friends."""
        if page.file.generated_by or self.content is None:
            return markdown
        content = self.content
        return render_string(
            markdown,
            page.file.src_uri,
            content=content,
            course=content.course,
            edition=content.edition,
        )

    def add_abbreviations(self, markdown: str) -> str:
        """Every page explains the glossary's abbreviations (<abbr title=…>)."""
        if self.content is None:
            return markdown
        return markdown + abbreviation_markdown(self.content.glossary)

    def explain_abbreviations(self, html: str) -> str:
        """Abbreviations in raw HTML too, and reachable by keyboard."""
        if self.content is None:
            return html
        return explain_abbreviations(html, abbreviation_titles(self.content.glossary))

    def fit_tables(self, html: str) -> str:
        """Every table readable on a phone (site/tables.py)."""
        return stack_tables(html)

    def watch_content(self, server: LiveReloadServer) -> LiveReloadServer:
        """Rebuild on edits in the content folder actually read (it may be
        COURSEBOOK_CONTENT, outside the folders mkdocs.yml watches)."""
        if self.settings is not None:
            server.watch(str(self.settings.content_dir.resolve()))
        return server

    def keep_html(self, html: str, page: Page) -> str:
        """Remember each page's HTML for the downloads built after the site."""
        src = page.file.src_uri
        self.rendered[src] = RenderedPage(
            src, page.title or "", html, self.specs.get(src), _heading(page)
        )
        return html

    def write_downloads(self, config: MkDocsConfig) -> None:
        assert self.settings is not None
        if self.content is None:
            return  # the preview's error page has no downloads
        _fix_print_page(config)
        nav_order = _nav_sources(config.nav)
        printed = [src for src in nav_order if not _print_excluded(src, config)]
        output = BuildOutput(
            content=self.content,
            site_dir=Path(config.site_dir),
            site_url=config.site_url or "",
            pages=[self.rendered[src] for src in printed if src in self.rendered],
            pdfs=self.settings.pdf,
        )
        if self.serving:
            write_all(output, pdfs=False)
            if self.settings.pdf:
                preview_pdfs.start(output, time.perf_counter() - self.started)
        else:
            write_all(output)
        write_offline(
            output.site_dir,
            self.content,
            serving=self.serving,
            search_languages=_search_languages(config),
            # a published edition's alias folder (aktuel/) installs the
            # edition's own folder, which stays when a newer one takes aktuel/
            start_url=f"../{self.content.edition_id}/"
            if config.extra.get("version")
            else "./",
        )

    def stop(self) -> None:
        preview_pdfs.finish()


def _fix_print_page(config: MkDocsConfig) -> None:
    """print-site joins the pages as they were before our on_page_content, and
    writes its page after the build: its tables are made to fit here. It also
    takes a webcal: link (the calendar subscription) for a relative one and
    prefixes the page's path; the link gets its scheme back."""
    plugin = config.plugins.get("print-site")
    print_page = getattr(plugin, "print_page", None)
    if print_page is None:
        return
    path = Path(print_page.file.abs_dest_path)
    if path.is_file():
        html = stack_tables(path.read_text("utf-8"))
        html = _MANGLED_WEBCAL.sub('href="webcal://', html)
        path.write_text(html, "utf-8")


def _search_languages(config: MkDocsConfig) -> list[str]:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    languages = getattr(plugin, "config", {}).get("lang") if plugin else None
    return list(languages or ["en"])


def _print_excluded(src: str, config: MkDocsConfig) -> bool:
    """True for a page print-site's `exclude` keeps out of "Hele guiden": the
    guide PDF leaves out the same pages."""
    plugin = config.plugins.get("print-site")
    patterns = plugin.config.get("exclude", []) if plugin is not None else []
    return any(fnmatch.fnmatch(src, pattern) for pattern in patterns)


def _nav_sources(nav: list) -> list[str]:
    """Page sources in navigation order."""
    sources: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            sources += _nav_sources(value)
        else:
            sources.append(value)
    return sources


def _heading(page: Page) -> str | None:
    """The page's first-level heading, as MkDocs read it for the contents."""
    first = next(iter(page.toc), None)
    return first.title if first is not None and first.level == 1 else None


def _handwritten_pages(docs_dir: Path) -> list[tuple[str, str]]:
    """(src, title) of every Markdown page in docs/, titled by its first heading."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        match = _H1.search(path.read_text(encoding="utf-8"))
        title = match.group(1) if match else path.stem.replace("-", " ").capitalize()
        pages.append((path.relative_to(docs_dir).as_posix(), title))
    return pages
