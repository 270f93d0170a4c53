"""Every rule the content is checked against, in one table: RULES at the end.

`validation.validate()` reads the files (yamlfile, loader) and then runs each
rule of the table whose `purposes` include the command asking:

- "check": `coursebook check` (with --strict, warnings count as errors),
- "build": the MkDocs build (mkdocs build/serve, `coursebook build`),
- "publish": `coursebook publish` (warnings count as errors),
- "new-edition": `coursebook new-edition` (the file it just wrote).

A rule is a function from the `Inputs` (the files as read, their models, the
assembled content, mkdocs.yml's values) to the problems it finds, each made
with `doc.problem(loc, message)` so it names FILE:LINE. `severity` overrides
what the function says ("warning" problems of a rule may become "error" under
`on_publish`). The build runs a subset of what check runs, so content that
passes `coursebook check` builds.

To add a rule (e.g. a Danish spelling check that runs in check and publish but
never in the build):

    def _spelling(inputs: Inputs) -> Iterable[Problem]:
        for doc in inputs.read.docs.values():
            for loc, text in texts(doc): ...
                yield doc.problem(loc, _("'{word}' looks misspelt").format(...))

    RULES.append(Rule("spelling", "Danish spelling in every text",
                      _spelling, "warning", purposes=CHECK_AND_PUBLISH))

Messages are English gettext ids wrapped in `_()`, with Danish in
locale/da/LC_MESSAGES/coursebook.po (`make messages` compiles it).
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..i18n import _
from . import lint
from .bundle import Content
from .editions import check_edition
from .loader import FOLDERS, ID, Read, as_id, field_name, suggest
from .problems import Problem, Severity, display_path
from .prose import Text, texts_in
from .spelling import DictionaryMissing, spelling_problems
from .terms import term_problems
from .yamlfile import DataPath, YamlDoc

ALL = frozenset({"check", "build", "publish", "new-edition"})
CHECK_AND_PUBLISH = frozenset({"check", "publish", "new-edition"})

# link schemes that may become links; everything else is shown as text
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# RFC 2606/6761 names that never reach a real reader
EXAMPLE_HOST = re.compile(
    r"(^|\.)(example\.(com|org|net)|[^.]+\.(invalid|example|test|localhost))$|"
    r"(^|\.)(invalid|example|test)$",
    re.IGNORECASE,
)
GENERIC_STATEMENT = "https://www.was.digst.dk/"
# pages the build adds besides those planned from content (print-site)
RESERVED_PAGES = ("hele-guiden.md", "print_page.md")
FIXED_PAGES = (
    "index.md", "laeringsmaal.md", "hovedpointer.md", "overblik.md",
    "forankring.md", "laeringsmaal-kort.md", "vaerktoejer/index.md",
    "ordliste.md", "praktisk-information.md", "undervisere.md",
)  # fmt: skip


@dataclass
class SiteConfig:
    """The values of mkdocs.yml that publish readiness looks at."""

    path: Path | None = None
    doc: YamlDoc | None = None
    site_url: str | None = None
    statement: str | None = None
    docs_dir: str | None = None


@dataclass
class Inputs:
    """What the rules look at."""

    root: Path
    purpose: str
    read: Read
    content: Content | None
    edition_id: str | None
    edition_source: str | None  # "--edition", "COURSEBOOK_EDITION" or None
    site: SiteConfig = field(default_factory=SiteConfig)
    docs_dir: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    _pages: dict[str, str] | None = None
    _anchors: dict[str, set[str]] = field(default_factory=dict)

    def doc(self, kind: str, ident: str) -> YamlDoc | None:
        return self.read.docs.get((kind, ident))

    def pages(self) -> dict[str, str]:
        """docs-relative .md path → where it comes from, for every page built."""
        if self._pages is None:
            self._pages = _pages_of(self)
        return self._pages

    def anchors(self, page: str) -> set[str]:
        if page not in self._anchors:
            self._anchors[page] = _anchors_of(self, page)
        return self._anchors[page]


@dataclass(frozen=True)
class Rule:
    name: str
    what: str  # what the rule checks, for maintainers reading the table
    check: Callable[[Inputs], Iterable[Problem]]
    severity: Severity | None = None  # None: as the check function says
    purposes: frozenset[str] = ALL
    on_publish: Severity | None = None  # severity when publishing
    needs_content: bool = False

    def run(self, inputs: Inputs) -> list[Problem]:
        if inputs.purpose not in self.purposes:
            return []
        if self.needs_content and inputs.content is None:
            return []
        severity = self.severity
        if inputs.purpose == "publish" and self.on_publish:
            severity = self.on_publish
        found = list(self.check(inputs))
        if severity is None:
            return found
        return [
            Problem(p.file, p.line, severity, p.message)
            if p.severity != severity
            else p
            for p in found
        ]


# --- helpers ------------------------------------------------------------------


def strings(data: Any, loc: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every text value in a file's data, with its path."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*loc, index))


def _docs(inputs: Inputs, kind: str | None = None) -> Iterator[tuple[str, YamlDoc]]:
    for (k, ident), doc in inputs.read.docs.items():
        if doc.data is not None and (kind is None or k == kind):
            yield ident, doc


def _items(data: Any, *path: str) -> list[Any]:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data if isinstance(data, list) else []


# --- reading and fields -----------------------------------------------------------


def _read_problems(inputs: Inputs) -> list[Problem]:
    return inputs.read.problems


def _file_names(inputs: Inputs) -> Iterator[Problem]:
    """A file in a folder is named by its id: lowercase letters, digits, hyphens."""
    for (kind, ident), paths in inputs.read.paths.items():
        if kind in FOLDERS and not ID.match(ident):
            suggestion = as_id(ident) or "ny-fil"
            message = _(
                "the file name '{name}' cannot be used as an id; rename the file "
                "to {id}{suffix} (lowercase letters, digits and hyphens)"
            ).format(name=paths[0].name, id=suggestion, suffix=paths[0].suffix)
            yield Problem(display_path(paths[0]), 1, "error", message)


def _same_id_twice(inputs: Inputs) -> Iterator[Problem]:
    for (_kind, ident), paths in inputs.read.paths.items():
        for other in paths[1:]:
            message = _(
                "'{id}' is also defined in {first}; each id may have only one "
                "file (.yml or .yaml); remove one of them"
            ).format(id=ident, first=paths[0].name)
            yield Problem(display_path(other), 1, "error", message)


def _page_collisions(inputs: Inputs) -> Iterator[Problem]:
    """A page generated from a file may not take the address of another page."""
    from ..site.pages import plan_src, tool_src

    fixed = set(_fixed_pages(inputs)) | set(RESERVED_PAGES)
    handwritten = set(_handwritten(inputs))
    for kind, src_of in (("plans", plan_src), ("tools", tool_src)):
        for ident in inputs.read.present(kind):
            src = src_of(ident)
            if src in fixed or src in handwritten:
                path = inputs.read.paths[(kind, ident)][0]
                message = _(
                    "the page for '{id}' would get the same address as another "
                    "page ({page}); give the file another name"
                ).format(id=ident, page=src.removesuffix(".md") + "/")
                yield Problem(display_path(path), 1, "error", message)


def _fixed_pages(inputs: Inputs) -> list[str]:
    """The pages the build makes whatever the files are called (site/pages.py;
    test_rules checks that the two agree)."""
    has_glossary = ("glossary", "glossary") in inputs.read.paths
    return [p for p in FIXED_PAGES if has_glossary or p != "ordliste.md"]


# --- uniqueness ---------------------------------------------------------------


def _unique(
    doc: YamlDoc, items: list[Any], path: tuple[str, ...], key: str, what: str
) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        normal = " ".join(value.split()).casefold()
        if normal in seen:
            first = doc.line_of((*path, seen[normal], key))
            message = _(
                "{name}: {what} '{value}' is also used at line {line}; "
                "each must be different"
            ).format(
                name=field_name((*path, index, key)), what=what, value=value, line=first
            )
            yield doc.problem((*path, index, key), message)
        seen.setdefault(normal, index)


def _unique_ids(inputs: Inputs) -> Iterator[Problem]:
    from ..site.glossary import term_id
    from .model import Term

    for _ident, doc in _docs(inputs, "course"):
        goals = _items(doc.data, "outcomes", "goals")
        yield from _unique(doc, goals, ("outcomes", "goals"), "id", _("the id"))
    for _ident, doc in _docs(inputs, "plans"):
        questions = _items(doc.data, "questions")
        yield from _unique(doc, questions, ("questions",), "id", _("the id"))
        repeats = _items(doc.data, "repeat_for")
        seen: dict[str, int] = {}
        for index, ident in enumerate(repeats):
            if isinstance(ident, str) and ident in seen:
                message = _(
                    "repeat_for[{index}]: '{id}' is already listed at line {line}; "
                    "each activity gets its copy of the questions once"
                ).format(
                    index=index, id=ident, line=doc.line_of(("repeat_for", seen[ident]))
                )
                yield doc.problem(("repeat_for", index), message)
            seen.setdefault(ident, index)
        from .plan_form import PERSON_FIELDS

        reserved = [name for name, _label, _auto in PERSON_FIELDS]
        for index, item in enumerate(questions):
            if isinstance(item, dict) and item.get("id") in reserved:
                message = _(
                    "questions[{index}].id: '{id}' is reserved for the form's own "
                    "fields ({reserved}); choose another id"
                ).format(index=index, id=item["id"], reserved=", ".join(reserved))
                yield doc.problem(("questions", index, "id"), message)
    for _ident, doc in _docs(inputs, "glossary"):
        terms = _items(doc.data, "terms")
        yield from _unique(doc, terms, ("terms",), "term", _("the term"))
        yield from _unique(doc, terms, ("terms",), "abbr", _("the abbreviation"))
        anchors: dict[str, int] = {}
        for index, item in enumerate(terms):
            if not (isinstance(item, dict) and isinstance(item.get("term"), str)):
                continue
            anchor = term_id(Term.model_construct(term=item["term"]))
            if anchor in anchors and terms[anchors[anchor]]["term"].casefold() != (
                item["term"].casefold()
            ):
                message = _(
                    "terms[{index}].term: '{term}' gets the same address on the "
                    "glossary page as '{other}'; write them differently"
                ).format(
                    index=index, term=item["term"], other=terms[anchors[anchor]]["term"]
                )
                yield doc.problem(("terms", index, "term"), message)
            anchors.setdefault(anchor, index)


def _abbreviations(spaces: bool) -> Callable[[Inputs], Iterator[Problem]]:
    def check(inputs: Inputs) -> Iterator[Problem]:
        for _ident, doc in _docs(inputs, "glossary"):
            for index, item in enumerate(_items(doc.data, "terms")):
                abbr = item.get("abbr") if isinstance(item, dict) else None
                if not isinstance(abbr, str) or not abbr.strip():
                    continue
                loc = ("terms", index, "abbr")
                if spaces and re.search(r"\s", abbr.strip()):
                    message = _(
                        "terms[{index}].abbr: '{abbr}' contains a space; an "
                        "abbreviation is one word, e.g. AMR"
                    ).format(index=index, abbr=abbr)
                    yield doc.problem(loc, message)
                elif not spaces and abbr == abbr.lower() and abbr != abbr.upper():
                    message = _(
                        "terms[{index}].abbr: '{abbr}' is in lower case; it would "
                        "be explained wherever the word appears; write it as it "
                        "is written in the text, e.g. {upper}"
                    ).format(index=index, abbr=abbr, upper=abbr.upper())
                    yield doc.problem(loc, message, "warning")

    return check


def _activity_order(inputs: Inputs) -> Iterator[Problem]:
    seen: dict[int, str] = {}
    for ident, activity in sorted(
        inputs.read.loaded("activities").items(), key=lambda item: item[0]
    ):
        if activity.order in seen:
            message = _(
                "order: {order} is also used by '{other}'; each activity needs its own"
            ).format(order=activity.order, other=seen[activity.order])
            yield inputs.read.docs[("activities", ident)].problem(("order",), message)
        seen.setdefault(activity.order, ident)


# --- references -----------------------------------------------------------------


def _references(inputs: Inputs) -> Iterator[Problem]:
    """Every id a file names exists, read from the raw data so that references
    are checked even when another field of the file is wrong."""
    read = inputs.read
    known: dict[str, tuple[list[str], str]] = {
        "tools": (read.present("tools"), _("tool")),
        "plans": (read.present("plans"), _("plan")),
    }
    course = inputs.doc("course", "course")
    if course is not None and course.data is not None:
        goals = [
            g["id"]
            for g in _items(course.data, "outcomes", "goals")
            if isinstance(g, dict) and isinstance(g.get("id"), str)
        ]
        known["goals"] = (goals, _("learning goal"))
    checks = {
        "activities": known,
        "tools": {"related": known["tools"]},
        "plans": {"repeat_for": (read.present("activities"), _("activity"))},
    }
    for (kind, _ident), doc in read.docs.items():
        for name, (ids, what) in checks.get(kind, {}).items():
            for index, ref in enumerate(_items(doc.data, name)):
                if isinstance(ref, str) and ref not in ids:
                    message = _("{field}[{index}]: unknown {what} '{id}'").format(
                        field=name, index=index, what=what, id=ref
                    ) + suggest(ref, ids, _("known"))
                    yield doc.problem((name, index), message)


def _unused(inputs: Inputs) -> Iterator[Problem]:
    read = inputs.read
    if not read.all_loaded("activities"):
        return
    activities = read.loaded("activities").values()
    used = {ref for activity in activities for ref in activity.tools}
    for ident in read.loaded("tools"):
        if ident not in used:
            message = _(
                "no activity uses the tool '{id}'; add it to an activity's 'tools' "
                "list or remove the file"
            ).format(id=ident)
            yield read.docs[("tools", ident)].problem((), message, "warning")
    course = read.models.get(("course", "course"))
    if course is None:
        return
    served = {goal for activity in activities for goal in activity.goals}
    for index, goal in enumerate(course.outcomes.goals):
        if goal.id not in served:
            message = _("no activity lists the learning goal '{id}' in 'goals'").format(
                id=goal.id
            )
            doc = read.docs[("course", "course")]
            yield doc.problem(("outcomes", "goals", index), message, "warning")


# --- editions -----------------------------------------------------------------


def _chosen_edition(inputs: Inputs) -> Iterator[Problem]:
    """The edition to build: a valid id (wherever it came from) that has a file."""
    ident = inputs.edition_id
    course = inputs.doc("course", "course")
    if ident is None or course is None:
        return
    source = inputs.edition_source
    if source and not ID.match(ident):
        message = _(
            "the edition id '{id}' given by {source} is not a valid id "
            "(lowercase letters, digits and hyphens, e.g. foraar-2027)"
        ).format(id=ident, source=source)
        yield course.problem(("edition",), message)
        return
    editions = inputs.read.present("editions")
    if ident not in editions:
        message = _("there is no edition '{id}' in editions/").format(
            id=ident
        ) + suggest(ident, editions, _("known editions"))
        if source:
            message += _(" (asked for by {source})").format(source=source)
        yield course.problem(("edition",), message)


def _edition_files(inputs: Inputs) -> Iterator[Problem]:
    activities = inputs.read.present("activities")
    for ident, doc in _docs(inputs, "editions"):
        edition = inputs.read.models.get(("editions", ident))
        yield from check_edition(doc, edition, activities)


def _years(inputs: Inputs) -> Iterator[Problem]:
    """A date before 2000 in an edition is a typing slip (1027 for 2027)."""
    for _ident, doc in _docs(inputs, "editions"):
        for loc, value in _dates(doc.data):
            if value.year < 2000:
                fix = value.replace(year=2000 + value.year % 100)
                message = _(
                    "{name}: the year {year} is before 2000; did you mean {fix}?"
                ).format(name=field_name(loc), year=value.year, fix=fix.isoformat())
                yield doc.problem(loc, message)


def _dates(data: Any, loc: DataPath = ()) -> Iterator[tuple[DataPath, dt.date]]:
    if isinstance(data, dt.date):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _dates(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _dates(value, (*loc, index))


def _edition_lint(inputs: Inputs) -> list[Problem]:
    assert inputs.content is not None
    return lint.lint_editions(
        inputs.content, inputs.read.docs, inputs.today, inputs.docs_dir
    )


def _text_lint(inputs: Inputs) -> list[Problem]:
    return lint.lint_texts(inputs.read.docs.values())


# --- links ---------------------------------------------------------------------

# [text](target "title"), ![alt](target), [ref]: target, <scheme:…>
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def links(text: str) -> list[str]:
    return (
        _INLINE.findall(text)
        + [m[0] for m in _DEFINITION.findall(text)]
        + _AUTOLINK.findall(text)
    )


def at_text(doc: YamlDoc, loc: DataPath, needle: str, message: str) -> Problem:
    """A problem on the line where needle is written in the value at loc (a
    long text spans many lines), else on the value's first line."""
    problem = doc.problem(loc, message)
    lines = doc.text.splitlines()
    for number in range(problem.line, min(len(lines), problem.line + 300) + 1):
        if needle in lines[number - 1]:
            return Problem(problem.file, number, problem.severity, message)
    return problem


def _link_schemes(inputs: Inputs) -> Iterator[Problem]:
    for _ident, doc in _docs(inputs):
        for loc, text in strings(doc.data):
            for target in links(text):
                scheme = _SCHEME.match(target.strip())
                if scheme and scheme[1].lower() not in SAFE_SCHEMES:
                    message = _(
                        "{name}: the link '{target}' is not allowed; links may "
                        "go to https://, http://, mailto:, tel: or a page of the "
                        "handbook"
                    ).format(name=field_name(loc), target=_short(target))
                    yield at_text(doc, loc, target, message)


def _link_targets(inputs: Inputs) -> Iterator[Problem]:
    """Links to pages (and anchors on them) lead somewhere in this build."""
    pages = inputs.pages()
    for _ident, doc in _docs(inputs):
        for loc, text in strings(doc.data):
            for target in links(text):
                target = target.strip()
                if not target or _SCHEME.match(target) or target.startswith("#"):
                    continue
                problem = _check_target(inputs, pages, target)
                if problem:
                    message = f"{field_name(loc)}: " + problem
                    yield at_text(doc, loc, target, message)


def _check_target(inputs: Inputs, pages: dict[str, str], target: str) -> str | None:
    parts = urlsplit(target)
    path = posixpath.normpath(unquote(parts.path).lstrip("/")) if parts.path else ""
    if path in ("", "."):
        return None
    page = _as_page(path, pages)
    if page is None:
        if inputs.docs_dir is not None and (inputs.docs_dir / path).is_file():
            return None
        candidates = [p for p in pages if not p.startswith(("assets/",))]
        close = difflib.get_close_matches(path, candidates, n=1, cutoff=0.6)
        hint = (
            _("; did you mean '{page}'?").format(page=close[0])
            if close
            else _("; link to a page as e.g. handleplan.md")
        )
        return (
            _("the link '{target}' leads to no page of the handbook").format(
                target=_short(target)
            )
            + hint
        )
    if parts.fragment:
        anchors = inputs.anchors(page)
        if anchors and parts.fragment not in anchors:
            close = difflib.get_close_matches(parts.fragment, sorted(anchors), n=1)
            hint = (
                _("; did you mean '#{anchor}'?").format(anchor=close[0])
                if close
                else ""
            )
            return (
                _(
                    "the link '{target}' goes to a section '#{anchor}' that is not on "
                    "the page {page}"
                ).format(target=_short(target), anchor=parts.fragment, page=page)
                + hint
            )
    return None


def _as_page(path: str, pages: dict[str, str]) -> str | None:
    """The page a docs-relative link path names (x.md, x/, x/index.md)."""
    for candidate in (
        path,
        path + ".md",
        path.rstrip("/") + ".md",
        path + "/index.md",
        path.rstrip("/") + "/index.md",
    ):
        if candidate in pages:
            return candidate
    return None


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _handwritten(inputs: Inputs) -> list[str]:
    if inputs.docs_dir is None or not inputs.docs_dir.is_dir():
        return []
    return [
        p.relative_to(inputs.docs_dir).as_posix()
        for p in sorted(inputs.docs_dir.rglob("*.md"))
    ]


def _pages_of(inputs: Inputs) -> dict[str, str]:
    from ..site.pages import activity_src, plan_src, tool_src

    pages = {src: "docs" for src in _handwritten(inputs)}
    pages.update({src: "generated" for src in _fixed_pages(inputs)})
    for ident in inputs.read.present("activities"):
        pages[activity_src(ident)] = "generated"
    for ident in inputs.read.present("plans"):
        pages[plan_src(ident)] = "generated"
    for ident in inputs.read.present("tools"):
        pages[tool_src(ident)] = "generated"
    for src in RESERVED_PAGES:
        pages.setdefault(src, "plugin")
    return pages


_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$", re.M)
_ID_ATTR = re.compile(r"""(?:\bid=["']|\{[^}\n]*#)([\w-]+)""")


def _anchors_of(inputs: Inputs, page: str) -> set[str]:
    """The section anchors of a page ({} when they cannot be known)."""
    source = pages_markdown(inputs, page)
    if source is None:
        return set()
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    found = set(_ID_ATTR.findall(source))
    for title, explicit in _HEADING.findall(source):
        if explicit:
            continue
        plain = re.sub(r"<[^>]+>|[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", title)
        found.add(slug(plain, "-"))
    return found


def pages_markdown(inputs: Inputs, page: str) -> str | None:
    origin = inputs.pages().get(page)
    if origin == "docs" and inputs.docs_dir is not None:
        return (inputs.docs_dir / page).read_text(encoding="utf-8")
    if origin == "generated" and inputs.content is not None:
        from ..site.pages import plan_pages, render_spec

        try:
            spec = next(p for p in plan_pages(inputs.content) if p.src == page)
            return render_spec(spec, inputs.content)
        except Exception:  # noqa: BLE001 - the build reports what cannot render
            return None
    return None


# --- publish readiness ----------------------------------------------------------


def _ready_editions(inputs: Inputs) -> Iterator[tuple[str, YamlDoc]]:
    """Editions that claim to be real: sample: false, or published."""
    for ident, doc in _docs(inputs, "editions"):
        data = doc.data
        if data.get("sample") is not True or data.get("status") == "offentliggjort":
            yield ident, doc


_SAMPLE_TEXT = re.compile(r"eksempeludgave|\(eksempel\)", re.IGNORECASE)
_EMAIL_HOST = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_URL_HOST = re.compile(r"https?://([^/\s)>\"']+)", re.IGNORECASE)


def _sample_leftovers(inputs: Inputs) -> Iterator[Problem]:
    for _ident, doc in _ready_editions(inputs):
        real = _("the edition is not a sample (sample: false) or is published")
        for loc, text in strings(doc.data):
            name = field_name(loc)
            match = _SAMPLE_TEXT.search(text)
            if match:
                message = _(
                    "{name}: '{text}' is left over from the sample edition, but "
                    "{real}; write the real text"
                ).format(name=name, text=match[0], real=real)
                yield doc.problem(loc, message, "warning")
            hosts = _EMAIL_HOST.findall(text) + _URL_HOST.findall(text)
            for host in hosts:
                if EXAMPLE_HOST.search(host.split(":")[0]):
                    message = _(
                        "{name}: '{host}' is an example address that reaches "
                        "nobody, but {real}; write the real address"
                    ).format(name=name, host=host, real=real)
                    yield doc.problem(loc, message, "warning")
        instructors = _items(doc.data, "instructors")
        for field_key in ("instructors_note", "notice"):
            text = doc.data.get(field_key)
            if instructors and isinstance(text, str) and "bekendtgøres senere" in text:
                message = _(
                    "{name}: says the instructors will be announced later, but "
                    "instructors lists {count}; remove or rewrite the sentence"
                ).format(name=field_key, count=len(instructors))
                yield doc.problem((field_key,), message, "warning")


def _site_leftovers(inputs: Inputs) -> Iterator[Problem]:
    site = inputs.site
    if site.doc is None:
        return
    if site.statement and site.statement.strip().rstrip(
        "/"
    ) == GENERIC_STATEMENT.rstrip("/"):
        message = _(
            "extra.accessibility_statement: {url} is the general WAS tool, not "
            "your organisation's accessibility statement; write the address of "
            "your own statement"
        ).format(url=site.statement)
        yield site.doc.problem(("extra", "accessibility_statement"), message, "warning")
    host = urlsplit(site.site_url or "").hostname or ""
    if host and EXAMPLE_HOST.search(host):
        message = _(
            "site_url: {url} is an example address; write the address the "
            "handbook will be published at"
        ).format(url=site.site_url)
        yield site.doc.problem(("site_url",), message, "warning")


def _lorem(inputs: Inputs) -> Iterator[Problem]:
    for _ident, doc in _docs(inputs):
        for loc, text in strings(doc.data):
            if re.search(r"\blorem\s+ipsum\b", text, re.IGNORECASE):
                message = _(
                    "{name}: 'Lorem ipsum' is filler text; write the real text"
                ).format(name=field_name(loc))
                yield doc.problem(loc, message, "warning")


def _prose(inputs: Inputs) -> list[Text]:
    return [text for _ident, doc in _docs(inputs) for text in texts_in(doc)]


def _spelling(inputs: Inputs) -> list[Problem]:
    """Danish spelling (spelling.py); without a dictionary, one line says so."""
    try:
        return spelling_problems(inputs.root, _prose(inputs))
    except DictionaryMissing as missing:
        print(missing, file=sys.stderr)
        return []


def _one_name_per_thing(inputs: Inputs) -> list[Problem]:
    return term_problems(inputs.root, _prose(inputs))


# --- the table ------------------------------------------------------------------

RULES: list[Rule] = [
    Rule(
        "yaml-and-fields",
        "each file is safe YAML and matches its model "
        "(model.py): known fields, types, ids, dates, times",
        _read_problems,
    ),
    Rule("file-names", "file names in folders are valid ids", _file_names, "error"),
    Rule(
        "same-id-twice",
        "one file per id (not both x.yml and x.yaml)",
        _same_id_twice,
        "error",
    ),
    Rule(
        "page-addresses",
        "plan and tool pages do not take another page's address",
        _page_collisions,
        "error",
    ),
    Rule(
        "unique-ids",
        "goal ids, plan question ids, glossary terms and abbreviations are unique",
        _unique_ids,
        "error",
    ),
    Rule(
        "abbreviation-spaces",
        "a glossary abbreviation is one word",
        _abbreviations(spaces=True),
        "error",
    ),
    Rule(
        "abbreviation-case",
        "a glossary abbreviation is not all lower case",
        _abbreviations(spaces=False),
        "warning",
    ),
    Rule("activity-order", "each activity has its own order", _activity_order, "error"),
    Rule(
        "references",
        "tools, plans, goals, related and repeat_for name ids that exist",
        _references,
        "error",
    ),
    Rule(
        "unused",
        "every tool and learning goal is used by an activity",
        _unused,
        "warning",
        purposes=CHECK_AND_PUBLISH,
    ),
    Rule(
        "edition-chosen",
        "the edition to build is a valid id with a file",
        _chosen_edition,
        "error",
    ),
    Rule(
        "edition-files",
        "sessions name known activities and end after they "
        "start; readings have one source; paths stay in docs/",
        _edition_files,
        "error",
    ),
    Rule("years", "edition dates are not before 2000", _years, "error"),
    Rule(
        "link-schemes",
        "links use https, http, mailto, tel or a page",
        _link_schemes,
        "error",
    ),
    Rule(
        "link-targets",
        "links to pages and sections lead somewhere in this build",
        _link_targets,
        "error",
    ),
    Rule(
        "texts",
        "placeholders, repeated items, empty sections",
        _text_lint,
        "warning",
        purposes=CHECK_AND_PUBLISH,
    ),
    Rule(
        "lorem-ipsum", "no filler text", _lorem, "warning", purposes=CHECK_AND_PUBLISH
    ),
    Rule(
        "edition-lint",
        "dates in course order, a published edition complete "
        "and ahead, named files exist",
        _edition_lint,
        purposes=CHECK_AND_PUBLISH,
        needs_content=True,
    ),
    Rule(
        "sample-leftovers",
        "a real edition carries no sample text, example "
        "addresses or 'bekendtgøres senere' beside named instructors",
        _sample_leftovers,
        "warning",
        purposes=CHECK_AND_PUBLISH,
        on_publish="error",
    ),
    Rule(
        "spelling",
        "Danish spelling of the prose (hunspell-da and "
        "content/ordliste-stavekontrol.txt); never in the build",
        _spelling,
        "warning",
        purposes=frozenset({"check", "publish"}),
    ),
    Rule(
        "one-name-per-thing",
        "no name a glossary term lists under avoid",
        _one_name_per_thing,
        "warning",
        purposes=frozenset({"check", "publish"}),
    ),
    Rule(
        "site-leftovers",
        "mkdocs.yml has a real site_url and the "
        "organisation's own accessibility statement",
        _site_leftovers,
        "warning",
        purposes=frozenset({"check", "publish"}),
        on_publish="error",
    ),
]
