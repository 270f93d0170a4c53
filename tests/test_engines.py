"""Engine-neutral output: `coursebook export` builds with plain MkDocs and with
ProperDocs, and the theme overrides render alike in Jinja2 and MiniJinja
(the template engine of Material's successor, Zensical)."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from html import unescape
from pathlib import Path

import jinja2
import minijinja
import pytest
import yaml
from conftest import ROOT

OVERRIDES = ROOT / "overrides"
BIN = Path(sys.executable).parent


def _run(*command: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEBOOK_PDF": "0"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "haandbog"
    result = _run(sys.executable, "-m", "coursebook.commands.cli", "export", target)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_export_builds_strict_without_hooks(
    exported: Path, engine: str, tmp_path: Path, site: Path
) -> None:
    hooked = site  # the handbook built with its hooks
    site = tmp_path / "site"
    result = _run(BIN / engine, "build", "--strict", "-d", site, cwd=exported)
    assert result.returncode == 0, result.stdout + result.stderr
    # the same pages, each with the same title and navigation
    assert _pages(site) == _pages(hooked)
    for page in ("index.html", "vaerktoejer/scarf/index.html"):
        ours = (site / page).read_text(encoding="utf-8")
        theirs = (hooked / page).read_text(encoding="utf-8")
        title = theirs.split("<title>")[1].split("</title>")[0]
        assert f"<title>{title}</title>" in ours
        assert ours.count('class="md-nav__link') == theirs.count('class="md-nav__link')
    # the downloads travel as plain files
    assert (site / "downloads" / "handleplan.docx").is_file()
    assert (site / "downloads" / "kalender.ics").is_file()


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's python tags as plain data, to compare them."""


_Loader.add_multi_constructor(
    "tag:yaml.org,2002:python/",
    lambda loader, tag, node: (tag, loader.construct_mapping(node, deep=True)),
)


def test_export_keeps_theme_plugins_and_extensions(exported: Path) -> None:
    ours = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    theirs = yaml.load((exported / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    assert "hooks" not in theirs and "coursebook" not in theirs["extra"]
    for key in ("theme", "plugins", "markdown_extensions", "site_url", "extra_css"):
        assert theirs[key] == ours[key], key
    assert (exported / "overrides" / "main.html").is_file()
    assert (exported / "docs" / "vaerktoejer" / "scarf.md").is_file()


# --- the overrides in Jinja2 and MiniJinja -----------------------------------

# Material's own templates that the overrides extend or include, reduced to
# the blocks they fill
STUBS = {
    "base.html": "<body>{% block announce %}{% endblock %}|{% block outdated %}"
    "{% endblock %}|{% block content %}<p>{{ page.title }}</p>{% endblock %}|"
    "{% block scripts %}<script src=app.js></script>{% endblock %}</body>",
    "partials/copyright.html": "<p>copyright</p>",
    "partials/social.html": "<p>social</p>",
    ".icons/material/arrow-left.svg": "<svg>left</svg>",
    ".icons/material/arrow-right.svg": "<svg>right</svg>",
}


def _templates() -> dict[str, str]:
    found = dict(STUBS)
    for path in sorted(OVERRIDES.rglob("*.html")):
        found[path.relative_to(OVERRIDES).as_posix()] = path.read_text("utf-8")
    return found


class _Lang:
    """Material's `lang`: its `t` gives the theme's text for a key."""

    def t(self, key: str) -> str:
        return f"[{key}]"


def _context(version: bool) -> dict:
    page = {
        "title": "Værktøjer",
        "url": "hele-guiden/",
        "meta": {"hide": []},
        "previous_page": {"url": "a/", "title": "A & B"},
        "next_page": {"url": "b/", "title": "C"},
    }
    config = {
        "site_name": "Ledelse af psykisk arbejdsmiljø",
        "site_url": "https://kursus.example/haandbog/",
        "theme": {"icon": {}},
        "plugins": {"mike": {}} if version else {},
        "extra": {
            "version": {"provider": "mike"} if version else None,
            "offline": not version,
            "edition": {
                "id": "foraar-2027",
                "ends": "2027-05-04",
                "newer": "Efterår 2027",
                "name": "Forår 2027",
                "status": "udkast",
                "sample": False,
                "dates": "9. februar – 4. maj 2027",
            },
            "organiser": "Nyborg Kommune",
            "accessibility_statement": "https://www.was.digst.dk/",
            "routes": {
                "practical": "praktisk-information/",
                "accessibility": "tilgaengelighed/",
                "guide": "downloads/kursusguide.pdf",
            },
        },
    }
    return {
        "config": config,
        "page": page,
        "base_url": "..",
        "features": ["navigation.footer"],
        "lang": _Lang(),
    }


def _url(value: str) -> str:
    """MkDocs' `url` filter, as both engines get it here."""
    return "../" + value


def _jinja2(name: str, context: dict) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader(_templates()))
    env.filters["url"] = _url
    return env.get_template(name).render(**context)


def _minijinja(name: str, context: dict) -> str:
    # no Python methods on values, as in Zensical; no autoescape, as in MkDocs
    env = minijinja.Environment(
        templates=_templates(),
        pycompat=False,
        auto_escape_callback=lambda _name: None,
    )
    env.add_filter("url", _url)
    return env.render_template(name, **context)


def _words(text: str) -> list[str]:
    """The output, read as a browser reads it (MiniJinja's `e` writes / as
    &#x2f;), with whitespace differences set aside."""
    return html.unescape(text).split()


@pytest.mark.parametrize(
    "name",
    sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.*")),
)
@pytest.mark.parametrize("version", [False, True])
def test_override_renders_alike_in_jinja2_and_minijinja(
    name: str, version: bool
) -> None:
    if not name.endswith(".html"):
        pytest.fail(f"overrides/{name}: only .html templates are expected here")
    context = _context(version)
    expected = _jinja2(name, context)
    assert _words(_minijinja(name, context)) == _words(expected)
    assert expected.strip(), name


def test_print_cover_links_to_the_guide_from_its_folder() -> None:
    html = unescape(_minijinja("print-cover.html", _context(False)))
    assert 'href="../downloads/kursusguide.pdf"' in html
    assert "kursus.example/haandbog</a>" in html
