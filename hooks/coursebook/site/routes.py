"""The route table: where every page and every download lives on the site.

Pages, the navigation, the templates (through Jinja globals), the guide PDF,
the calendar and the plan forms all take their addresses from here, so a
URL is written once. The table records today's published URLs: QR codes and
the links in printed guides point at them, so change one only on purpose.

A page is named by its source path relative to the docs folder
("vaerktoejer/scarf.md"), as MkDocs names it; MkDocs serves it at a folder
URL ("vaerktoejer/scarf/", see page_url).
"""

from __future__ import annotations

import posixpath

# Pages that exist once: name → source path (docs-relative)
PAGES: dict[str, str] = {
    "front": "index.md",
    "outcomes": "laeringsmaal.md",
    "key_points": "hovedpointer.md",
    "overview": "overblik.md",
    "anchoring": "forankring.md",
    "goal_map": "laeringsmaal-kort.md",
    "tools": "vaerktoejer/index.md",
    "glossary": "ordliste.md",
    "practical": "praktisk-information.md",
    "instructors": "undervisere.md",
    # hand-written in docs/, linked from every page's footer
    "accessibility": "tilgaengelighed.md",
}

# Pages that exist once per activity, plan or tool: kind → source pattern
SECTIONS: dict[str, str] = {
    "activity": "aktiviteter/{}.md",
    "plan": "{}.md",
    "tool": "vaerktoejer/{}.md",
}

# The files participants download, in one folder of the site
DOWNLOADS = "downloads"
FILES: dict[str, str] = {
    "guide": "kursusguide.pdf",
    "calendar": "kalender.ics",
    "activity_calendar": "kalender-{}.ics",
    "plan_pdf": "{}.pdf",
    "plan_docx": "{}.docx",
}


def page(name: str, ident: str | None = None) -> str:
    """The source path of a page: page("practical"), page("tool", "scarf")."""
    if ident is None:
        return PAGES[name]
    return SECTIONS[name].format(ident)


def file_name(kind: str, ident: str | None = None) -> str:
    """A download's file name: file_name("plan_pdf", "handleplan")."""
    pattern = FILES[kind]
    return pattern.format(ident) if ident is not None else pattern


def download(kind: str, ident: str | None = None) -> str:
    """A download's path relative to the site root."""
    return f"{DOWNLOADS}/{file_name(kind, ident)}"


def page_url(src: str) -> str:
    """The folder URL MkDocs gives a page at docs-relative path src."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(target_src: str, from_src: str) -> str:
    """Link from page from_src to page target_src (both docs-relative .md paths)."""
    target, _, anchor = target_src.partition("#")
    here = page_url(from_src) or "."
    url = posixpath.relpath(page_url(target) or ".", here)
    url = "./" if url == "." else url + ("" if url.endswith("/") else "/")
    return url + (f"#{anchor}" if anchor else "")


def download_url(path: str, from_src: str) -> str:
    """Link from page from_src to a file at site-relative path (a download)."""
    here = page_url(from_src) or "."
    return posixpath.relpath(path, here)


def absolute_url(site_url: str, src: str) -> str:
    """The page's address under site_url ('' when the site has no address).

    mike appends the version to site_url without a trailing slash."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + page_url(src)


def theme_routes() -> dict[str, str]:
    """The addresses Material's theme overrides link to, relative to the site
    root. They reach the overrides as config.extra.routes, plain data that
    every engine can read (the engine-neutral export writes it out)."""
    return {
        "practical": page_url(page("practical")),
        "accessibility": page_url(page("accessibility")),
        "guide": download("guide"),
    }
