"""A save that breaks the content shows its problems in the browser.

`mkdocs serve` keeps showing the last good site when a build fails, and the
coordinator looking at the browser sees nothing happen. Instead, while
previewing, a build with content errors succeeds with a site of one Danish
page, served at every address the handbook had, listing each problem exactly
as `coursebook check` prints it. Live reload shows it in the open tab, and
the next good save brings the handbook back the same way.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..content.problems import Problem, Report
from ..content.validation import validate
from ..i18n import _

# the handbook's pages at the last good build: the addresses an open tab may be on
_known_pages: set[str] = set()


def remember_pages(sources: list[str]) -> None:
    _known_pages.update(sources)


def problems_in(content_dir: Path) -> list[Problem]:
    """Every problem `coursebook check --content content_dir` reports, in its
    order (it finds mkdocs.yml the same way)."""
    return validate(content_dir, purpose="check").problems


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """The error site has one page in its menu and no edition."""
    config.nav = [{_("Errors in the content"): "index.md"}]
    config.extra["edition"] = None
    return config


def error_files(files: Files, config: MkDocsConfig, problems: list[Problem]) -> Files:
    """The theme's assets, and the error page at every page address."""
    markdown = error_page(problems)
    pages = {f.src_uri for f in files if f.is_documentation_page()}
    kept = Files([f for f in files if not f.is_documentation_page()])
    for src in sorted(pages | _known_pages | {"index.md"}):
        kept.append(File.generated(config, src, content=markdown))
    return kept


def error_page(problems: list[Problem]) -> str:
    items = "\n".join(_item(problem) for problem in problems)
    counts = Report(None, problems).summary()
    title = _("The handbook cannot be shown")
    intro = _(
        "The content has problems that must be fixed before the handbook can "
        "be built. Fix them and save the file: the handbook comes back here "
        "by itself."
    )
    same = _("The same list is printed by {command}.").format(
        command="<code>make check</code>"
    )
    return (
        f"# {title}\n\n"
        f"{html.escape(intro)}\n\n"
        f'<ul class="cb-preview-problems">\n{items}\n</ul>\n\n'
        f"<p>{html.escape(counts)}. {same}</p>\n"
    )


def _item(problem: Problem) -> str:
    """The problem as `coursebook check` prints it, its place in bold."""
    line = str(problem)
    place = f"{problem.file}:{problem.line}"
    rest = line[len(place) :] if line.startswith(place) else ": " + line
    return f"<li><strong>{html.escape(place)}</strong>{html.escape(rest)}</li>"
