"""The bad-input corpus (tests/corpus.py) through the real `coursebook check`:
each case exits 1 with a Danish FILE:LINE line naming the right file and line,
without a traceback; the valid variants pass; injected HTML never goes live."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site, replace
from corpus import CASES, VALID, Case
from coursebook.commands.cli import main

# English a coordinator must never read (quoted values are theirs, not ours)
ENGLISH = re.compile(
    r"\b(expected|found|unknown|field|usage|options|error|warning|missing|"
    r"required|invalid|did you mean|allowed|must|line)\b",
    re.IGNORECASE,
)


def apply(content: Path, edits: list[tuple]) -> None:
    for kind, name, *rest in edits:
        path = content / name
        if kind == "replace":
            replace(path, rest[0], rest[1])
        elif kind == "write":
            path.parent.mkdir(parents=True, exist_ok=True)
            if name == "plans/handleplan.yml" and "\xe6" in rest[0]:
                path.write_bytes(rest[0].encode("latin-1"))
            else:
                path.write_text(rest[0], encoding="utf-8")
        elif kind == "rename":
            path.rename(path.with_name(rest[0]))
        else:
            path.write_text(path.read_text(encoding="utf-8") + rest[0], "utf-8")


def line_number(path: Path, where: str | int) -> int:
    if isinstance(where, int):
        return where
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert where in text, (where, path)
    return text[: text.index(where)].count("\n") + 1


def check(content: Path, capsys, *extra: str) -> tuple[int, list[str], str]:
    try:
        code = main(["check", "--content", str(content), *extra])
    except SystemExit as exit:
        code = exit.code
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.out + out.err


def english_in(output: str, content: Path) -> list[str]:
    text = output.replace(str(content), "")
    text = re.sub(r"'[^'\n]*'", "", text)
    return ENGLISH.findall(text)


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 90
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_named_in_danish(content_copy: Path, capsys, case: Case) -> None:
    apply(content_copy, case.edits)
    code, lines, output = check(
        content_copy, capsys, *(["--strict"] if case.strict else [])
    )
    assert code == 1, output
    assert "Traceback" not in output
    path = content_copy / case.file
    prefix = f"{path}:{line_number(path, case.line)}: {case.severity}: "
    assert any(line.startswith(prefix) and case.fragment in line for line in lines), (
        f"{prefix}…{case.fragment}\n{output}"
    )
    assert all(re.match(r"^.+:\d+: (fejl|advarsel): ", line) for line in lines), lines
    assert not english_in(output, content_copy), output


@pytest.mark.parametrize(("name", "edits"), VALID, ids=[name for name, _edits in VALID])
def test_valid_variants_pass(content_copy: Path, capsys, name: str, edits) -> None:
    apply(content_copy, edits)
    code, lines, output = check(content_copy, capsys, "--strict")
    assert (code, lines) == (0, []), output


def test_a_value_that_looks_like_an_option_is_refused_in_danish(
    content_copy: Path, capsys
) -> None:
    code, _lines, output = check(content_copy, capsys, "--edition", "--push")
    assert code == 2
    assert "--edition skal efterfølges af en værdi" in output
    assert not english_in(output, content_copy), output
    code, lines, output = check(content_copy, capsys, "--edition=--push")
    assert code == 1
    course = content_copy / "course.yml"
    assert lines == [
        f"{course}:4: fejl: udgave-id'et '--push' fra --edition er ikke et gyldigt "
        "id (små bogstaver, tal og bindestreger, fx foraar-2027)"
    ], output


def test_an_edition_from_the_environment_is_named(
    content_copy: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COURSEBOOK_EDITION", "Forår 2028")
    code, lines, _output = check(content_copy, capsys)
    assert code == 1
    assert "fra COURSEBOOK_EDITION er ikke et gyldigt id" in lines[0]


def test_three_mistakes_in_one_file_are_reported_in_one_run(
    content_copy: Path, capsys
) -> None:
    edition = content_copy / "editions" / "efteraar-2027.yml"
    replace(edition, "date: 2027-09-14", "date: 1/2/2028")
    replace(edition, "  modul-3:\n    date:", "  modul3:\n    date:")
    replace(edition, "sample: true", "sample: ja")
    code, lines, output = check(content_copy, capsys)
    assert code == 1
    mine = [line for line in lines if line.startswith(f"{edition}:")]
    for fragment in ("mente du 2028-02-01?", "ingen aktivitet 'modul3'", "'ja'"):
        assert any(fragment in line and ": fejl: " in line for line in mine), output


def test_english_is_there_for_developers(
    content_copy: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace(content_copy / "activities" / "modul-1.yml", "order: 2", "order: to")
    monkeypatch.setenv("COURSEBOOK_LANG", "en")
    code, lines, output = check(content_copy, capsys)
    assert code == 1
    assert ": error: order: expected a whole number, found 'to'" in lines[0]
    assert "1 error. Fix them" in output


def test_injected_html_and_links_never_go_live(
    content_copy: Path, tmp_path: Path, capsys
) -> None:
    course = content_copy / "course.yml"
    replace(
        course,
        "title: Ledelse af psykisk arbejdsmiljø",
        'title: "Ledelse <script>alert(1)</script><b>fed</b> {{ 7*7 }}"',
    )
    modul = content_copy / "activities" / "modul-1.yml"
    replace(modul, "label: Modul 1", 'label: "Modul 1 <img src=x onerror=alert(2)>"')
    # check refuses the javascript: link; the build must still never render it
    code, _lines, _output = check(content_copy, capsys)
    assert code == 0
    replace(modul, "[handleplan](handleplan.md)", "[mere her](javascript:alert(3))")
    assert check(content_copy, capsys)[0] == 1
    site = tmp_path / "site"
    from coursebook.content import rules

    link_rules = [r for r in rules.RULES if r.name == "link-schemes"]
    rules.RULES.remove(link_rules[0])
    try:  # the renderer's own guard, with the check out of the way
        from coursebook.site.render import environment

        template = environment().from_string("{{ text }}")
        rendered = template.render(text="[mere her](javascript:alert(3))")
        assert "](javascript:" not in rendered
    finally:
        rules.RULES.insert(0, link_rules[0])
    replace(modul, "[mere her](javascript:alert(3))", "[handleplan](handleplan.md)")
    build_site(site, content_copy, COURSEBOOK_PDF="0")
    for page in site.rglob("*.html"):
        # text inside <title> is never parsed as HTML (RCDATA); all else is
        html = re.sub(r"<title>.*?</title>", "", page.read_text(encoding="utf-8"))
        assert "<script>alert(1)" not in html, page
        assert "<b>fed</b>" not in html, page
        assert "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in front
    assert "{{ 7*7 }}" in front and "49" not in re.findall(r"Ledelse[^<]*", front)[0]
