"""Render page templates into Markdown: one Jinja environment per process.

YAML text reaches the output only as values, so `{{ 7*7 }}` typed into YAML
stays as written; autoescaping HTML-escapes every value unless it is Markup
(macros, drawings), so raw HTML in YAML shows as text.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..cache import cache_dir
from ..danish import and_list
from . import routes
from .html_walk import text_of
from .routes import download_url, relative_url

TEMPLATES = Path(__file__).parent.parent / "templates"

# [text](some/page.md#anchor) written relative to the docs root
_MD_LINK = re.compile(
    r"\]\((?![a-z][a-z0-9+.-]*:|/|#|\.\./)([^)\s]+?\.md)(#[^)\s]*)?\)"
)


# a Markdown link or link definition whose target has a scheme other than
# http(s), mailto or tel: javascript:, data:, vbscript:, file:, ...
_UNSAFE_LINK = re.compile(
    r"(\]\(\s*<?\s*)(?=(?!(?:https?|mailto|tel):)[a-z][a-z0-9+.-]*\s*:)",
    re.IGNORECASE,
)
_UNSAFE_DEFINITION = re.compile(
    r"^(\s*)\[(?=[^\]\n]+\]:\s*<?\s*(?!(?:https?|mailto|tel):)[a-z][a-z0-9+.-]*:)",
    re.IGNORECASE | re.MULTILINE,
)


def safe_links(text: str) -> str:
    """Markdown in which only http(s):, mailto:, tel: and relative links
    become links; any other link is escaped so it shows as the text written."""
    text = _UNSAFE_LINK.sub(lambda m: m.group(1).replace("(", "\\(", 1), text)
    return _UNSAFE_DEFINITION.sub(lambda m: m.group(1) + "\\[", text)


def _none_as_empty(value: Any) -> Any:
    """Optional fields print as nothing, not as "None"; text from YAML never
    becomes a link other than http(s), mailto, tel or relative."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return safe_links(value)
    return value


def relink(markdown: str, page_src: str) -> str:
    """Rewrite docs-root links ([x](handleplan.md)) relative to the page."""
    depth = posixpath.dirname(page_src)

    def fix(match: re.Match[str]) -> str:
        target = posixpath.relpath(match.group(1), depth or ".")
        return f"]({target}{match.group(2) or ''})"

    return _MD_LINK.sub(fix, markdown)


@pass_context
def _url(context: Context, target_src: str) -> Markup:
    return Markup(escape(relative_url(target_src, context["page_src"])))


@pass_context
def _download(context: Context, kind: str, ident: str | None = None) -> Markup:
    path = routes.download(kind, ident)
    return Markup(escape(download_url(path, context["page_src"])))


def _and_list(items: Any) -> Markup:
    """'a, b og c' in a template; each item escaped unless it is Markup."""
    return Markup(and_list(escape(item) for item in items))


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs: compiling them is most of our cost
    in a cold `mkdocs build`. Jinja checks each template's mtime, so edits show."""
    # compiled code depends on the environment's options (autoescape, ...),
    # which live in this file: a change here must not reuse old bytecode
    options = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
    folder = cache_dir(f"jinja-{options}")
    # a read-only home: compile every time instead
    return FileSystemBytecodeCache(str(folder)) if folder else None


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        finalize=_none_as_empty,
        # every value is HTML-escaped unless it is Markup (a macro, a drawing)
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # addresses come from the route table: route() names a page's source,
    # url() links to it from the page being rendered, download() to a file
    env.globals["url"] = _url
    env.globals["route"] = routes.page
    env.globals["download"] = _download
    env.filters["and_list"] = _and_list
    return env


def render_page(template: str, page_src: str, **context: Any) -> str:
    """Render one page template to Markdown with links fixed for page_src."""
    markdown = environment().get_template(template).render(page_src=page_src, **context)
    return relink(markdown, page_src)


def render_string(source: str, page_src: str, **context: Any) -> str:
    """Render a hand-written page (docs/) that uses course variables."""
    return environment().from_string(source).render(page_src=page_src, **context)


# --- Markdown fields from YAML (a plan's intro, an edition's notice, ...) ----


def markdown_html(text: str | None) -> Markup | None:
    """A Markdown field as HTML; raw HTML typed in YAML stays text."""
    if text is None:
        return None
    import markdown  # only the downloads need it, and MkDocs has loaded it

    return Markup(markdown.markdown(html.escape(text, quote=False)))


def plain_text(text: str) -> str:
    """A Markdown field as plain text: no links, emphasis or other marks;
    paragraphs on lines of their own."""
    import markdown

    return text_of(markdown.markdown(text)).strip()
