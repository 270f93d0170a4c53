"""The work behind the MkDocs hook events: load, plan, generate, write downloads.

A build's plan (pages, navigation, abbreviations, downloads) is a Snapshot
(snapshot.py). A cold build of unchanged inputs replays the one the last
build kept and loads the content only if it makes PDFs; so the content model
and its checks are imported where they are needed, not at the top.
"""

from __future__ import annotations

import fnmatch
import logging
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .content.problems import ContentError, Problem
from .downloads import write_all
from .downloads.offline import write_offline
from .downloads.output import BuildOutput, RenderedPage
from .preview import pdfs as preview_pdfs
from .settings import Settings, SettingsError, from_mkdocs
from .site import routes
from .site.bundle import Bundles, add_bundles, plan_bundles
from .site.glossary import explain_abbreviations
from .site.page_spec import PageSpec
from .site.render import render_string
from .site.routes import theme_routes
from .site.tables import stack_tables
from .snapshot import Snapshot, keep_snapshot, key_of, markdown_hash, replay

if TYPE_CHECKING:  # the server's module loads watchdog: only `mkdocs serve` needs it
    from mkdocs.livereload import LiveReloadServer

    from .content.bundle import Content
    from .content.problems import Report

log = logging.getLogger("mkdocs.plugins.coursebook")
_MANGLED_WEBCAL = re.compile(r'href="[^"]*?webcal:/+')


class Handbook:
    """State of one build, shared by the hook events."""

    def __init__(self) -> None:
        self.content: Content | None = None  # loaded when something needs it
        self.snapshot: Snapshot | None = None  # None: nothing to build
        self.key: str | None = None  # the snapshot's key, when it is kept
        self.replayed = False  # the snapshot came from the last build
        self.pages: list[PageSpec] = []
        self.specs: dict[str, PageSpec] = {}
        self.rendered: dict[str, RenderedPage] = {}
        self.settings: Settings | None = None
        self.problems: list[Problem] = []  # content errors shown by the preview
        self.started = 0.0  # when the build began (perf_counter)
        self.bundles = Bundles()
        # set by `mkdocs serve`: no service worker, so live reload sees every change
        self.serving = False
        # False: always build from the content (`mkdocs serve`, the export)
        self.replay = True

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content, self.snapshot, self.key, self.problems = None, None, None, []
        self.replayed = False
        self.started = time.perf_counter()
        if self.serving:
            preview_pdfs.stop()  # the previous build's PDFs would be out of date
        try:
            settings = self.settings = from_mkdocs(config)
        except SettingsError as exc:
            raise PluginError(str(exc)) from None
        if self.replay and not self.serving:
            self.key = key_of(
                settings, config.site_url or "", config.use_directory_urls
            )
            self.snapshot = replay(self.key) if self.key else None
            self.replayed = self.snapshot is not None
        if self.snapshot is None:
            found = self._validate()
            if found.stops() and self.serving:
                # while previewing, the browser shows the problems instead
                from .preview import errors as preview_errors

                self.problems = preview_errors.problems_in(settings.content_dir)
                for problem in self.problems:
                    log.info(str(problem))  # not a warning: that would stop --strict
                config.extra["routes"] = theme_routes()  # the theme's links
                return preview_errors.configure(config)
            if found.stops():
                raise PluginError(str(ContentError(found.problems)))
            self.snapshot = self._plan(found, Path(config.docs_dir))
        snapshot = self.snapshot
        # content warnings are for `coursebook check`; as MkDocs warnings they
        # would fail `mkdocs build --strict`
        for warning in snapshot.warnings:
            log.info(warning)
        self.pages = snapshot.pages
        self.specs = {spec.src: spec for spec in self.pages}
        # Material prints site_name unescaped in the header and nav; as Markup
        # the escaped title shows as text, and `| e` does not escape it twice
        config.site_name = Markup(escape(snapshot.title))
        config.nav, extra = snapshot.config_values()
        config.extra.update(extra)
        # the theme overrides link through these (site/routes.py)
        config.extra["routes"] = theme_routes()
        self.bundles = plan_bundles(config)
        config.extra["offline"] = not self.serving
        # the download buttons wait for the preview's background PDFs
        config.extra["preview_pdfs"] = self.serving and settings.pdf
        return config

    def _validate(self) -> Report:
        """The same validation as `coursebook check` (rules.py), for the build."""
        from .content.validation import validate

        settings = self.settings
        assert settings is not None
        return validate(
            settings.content_dir,
            settings.edition,
            purpose="build",
            edition_source=settings.edition_source or "",
            config_file=settings.config_file,
        )

    def _plan(self, found: Report, docs_dir: Path) -> Snapshot:
        """The snapshot of validated content: pages, nav, abbreviations."""
        from .build_plan import snapshot_of

        assert found.content is not None
        content, hidden = self._built_content(found.content)
        warnings = [str(warning) for warning in found.warnings]
        return snapshot_of(content, docs_dir, warnings, hidden)

    def _built_content(self, content: Content) -> tuple[Content, set[str]]:
        """The content this build shows, and the docs/ files it leaves out: an
        archived edition's without its personal data."""
        assert self.settings is not None
        hidden: set[str] = set()
        if self.settings.archive:
            from .content.archive import personal_files, without_personal_data

            hidden = personal_files(content)
            content = without_personal_data(content)
        self.content = content
        return content, hidden

    def content_now(self) -> Content:
        """The build's content, validated (from the report cache) when a
        replayed build first needs it: for its PDFs."""
        if self.content is None:
            found = self._validate()
            if found.stops() or found.content is None:
                raise PluginError(str(ContentError(found.problems)))
            self._built_content(found.content)
        assert self.content is not None
        return self.content

    def add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:
            from .preview import errors as preview_errors

            return preview_errors.error_files(files, config, self.problems)
        snapshot = self.snapshot
        assert snapshot is not None
        for src in snapshot.hidden:  # an archived edition's instructor photos
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
            markdown = snapshot.markdown.get(spec.src)
            if markdown is None:
                from .site.pages import render_spec

                markdown = render_spec(spec, self.content_now(), config.site_url or "")
                snapshot.markdown[spec.src] = markdown
            files.append(File.generated(config, spec.src, content=markdown))
        if self.serving:
            from .preview import errors as preview_errors

            pages = [f.src_uri for f in files.documentation_pages()]
            preview_errors.remember_pages(pages)
        return files

    def render_handwritten(self, markdown: str, page: Page) -> str:
        """Hand-written pages may use {{ course.title }} and friends."""
        snapshot = self.snapshot
        if page.file.generated_by or snapshot is None:
            return markdown
        src, digest = page.file.src_uri, markdown_hash(markdown)
        kept = snapshot.handwritten.get(src)
        if kept is not None and kept[0] == digest:
            return kept[1]
        content = self.content_now()
        rendered = render_string(
            markdown,
            src,
            content=content,
            course=content.course,
            edition=content.edition,
        )
        snapshot.handwritten[src] = (digest, rendered)
        return rendered

    def add_abbreviations(self, markdown: str) -> str:
        """Every page explains the glossary's abbreviations (<abbr title=…>)."""
        if self.snapshot is None:  # the preview's error page
            return markdown
        return markdown + self.snapshot.abbreviations

    def explain_abbreviations(self, html: str) -> str:
        """Abbreviations in raw HTML too, and reachable by keyboard."""
        if self.snapshot is None:
            return html
        return explain_abbreviations(html, self.snapshot.titles)

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
        settings, snapshot = self.settings, self.snapshot
        assert settings is not None
        if snapshot is None:
            return  # the preview's error page has no downloads
        _fix_print_page(config)
        site_dir = Path(config.site_dir)
        # the PDFs: here, in the background while previewing, or not at all
        pdfs = settings.pdf and not self.serving
        if snapshot.downloads is None:
            made = write_all(self._output(config), pdfs=pdfs)
            downloads = site_dir / routes.DOWNLOADS
            snapshot.downloads = {
                path.relative_to(downloads).as_posix(): path.read_bytes()
                for path in made
                if path.suffix != ".pdf"
            }
        else:
            _write_files(site_dir / routes.DOWNLOADS, snapshot.downloads)
            if pdfs:
                write_all(self._output(config), pdfs=True, others=False)
        if self.serving and settings.pdf:
            preview_pdfs.start(self._output(config), time.perf_counter() - self.started)
        write_offline(
            site_dir,
            snapshot.app,
            serving=self.serving,
            search_languages=_search_languages(config),
            # a published edition's alias folder (aktuel/) installs the
            # edition's own folder, which stays when a newer one takes aktuel/
            start_url=f"../{snapshot.extra['edition']['id']}/"
            if config.extra.get("version")
            else "./",
        )
        if self.key is not None and not self.replayed:
            keep_snapshot(self.key, snapshot)

    def _output(self, config: MkDocsConfig) -> BuildOutput:
        """What the download writers read: the content and the built pages."""
        assert self.settings is not None
        nav_order = _nav_sources(config.nav)
        printed = [src for src in nav_order if not _print_excluded(src, config)]
        return BuildOutput(
            content=self.content_now(),
            site_dir=Path(config.site_dir),
            site_url=config.site_url or "",
            pages=[self.rendered[src] for src in printed if src in self.rendered],
            pdfs=self.settings.pdf,
        )

    def stop(self) -> None:
        preview_pdfs.finish()


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    """The replayed downloads, as the last build wrote them."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    log.info("coursebook: %d downloads written from the last build", len(files))


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
