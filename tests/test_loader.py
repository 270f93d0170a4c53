"""The loader: shipped content loads; bad content gets FILE:LINE errors, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, line_of, replace
from coursebook.content.problems import ContentError
from coursebook.content.validation import load_content, validate
from coursebook.settings import read as read_settings


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_shipped_content_loads_without_problems(content_copy: Path) -> None:
    content, warnings = load_content(content_copy)
    assert warnings == []
    assert list(content.activities) == ["workshop", "modul-1", "modul-2", "modul-3"]
    assert len(content.tools) >= 10
    assert {"udviklingsplan", "handleplan"} <= set(content.plans)
    points = [p for g in content.course.key_points.groups for p in g.points]
    assert len(points) == 10


def test_bom_and_crlf_are_accepted(content_copy: Path) -> None:
    path = content_copy / "activities" / "modul-2.yml"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    content, _ = load_content(content_copy)
    assert content.activities["modul-2"].label == "Modul 2"


# (file, old text, new text, text on the reported line, message fragment)
# fmt: off
BAD = [
    # (file, old text, new text, text on the reported line, message fragment)
    ("course.yml", "organiser: Nyborg Kommune", "organiser: Nyborg: Kommune",
     "organiser:", "skal stå i anførselstegn"),
    ("activities/modul-1.yml", "label: Modul 1", "label: Modul 1\ntitel: x",
     "titel: x", "'titel' er ikke et felt her; mente du 'title'?"),
    ("activities/modul-1.yml", "label: Modul 1", "label: Modul 1\nlabel: Modul 9",
     "label: Modul 9", "feltet 'label' står to gange (første gang i linje"),
    ("activities/modul-1.yml", "label: Modul 1\n", "",
     "order:", "label: feltet skal udfyldes, men mangler"),
    ("activities/modul-1.yml", "order: 2", "order: to",
     "order: to", "order: skal være et helt tal, men er 'to'"),
    ("activities/modul-1.yml", "  - iglo", "  - igloo",
     "  - igloo", "tools[0]: ukendt værktøj 'igloo'; mente du 'iglo'?"),
    ("activities/modul-1.yml", "kind: modul", "kind: module",
     "kind: module", "kind: skal være en af workshop / modul, men er 'module'"),
    ("activities/modul-1.yml", "  - iglo", "  - IGLO",
     "  - IGLO", "tools[0]: skal være et id af små bogstaver"),
    ("activities/modul-1.yml", "  - handleplan", "  - handlingsplan",
     "handlingsplan",
     "plans[1]: ukendt plan 'handlingsplan'; mente du 'handleplan'?"),
    ("activities/modul-1.yml", "  - viden-og-vaerktoejer", "  - viden",
     "  - viden", "goals[0]: ukendt læringsmål 'viden'"),
    ("activities/modul-2.yml", "order: 3", "order: 2",
     "order: 2", "order: 2 bruges også af 'modul-1'"),
    ("activities/modul-1.yml", "title: Lederens", "title:\n  - Lederens",
     "title:", "title: skal være tekst, men er en liste"),
    ("activities/modul-1.yml", "participants: leder", "participants:",
     "participants:",
     "participants: skal være en af trio / leder, men er ingenting"),
    ("course.yml", "edition: foraar-2027", "edition: efteraar-2030",
     "edition:", "der findes ingen udgave 'efteraar-2030' i editions/"),
    ("tools/iglo.yml", "name: IGLO-modellen",
     "name: IGLO-modellen\nrelated: [scarff]",
     "related: [scarff]", "related[0]: ukendt værktøj 'scarff'; mente du 'scarf'?"),
    ("activities/modul-1.yml", "  - iglo", "  - [iglo",
     "  - [iglo", "en parentes, der begynder på denne linje, bliver aldrig lukket"),
    ("activities/modul-2.yml", "order: 3", "order: 3\n---\norder: 3",
     "---", "kun '---' starter et nyt dokument"),
    ("plans/handleplan.yml", "  - modul-1", "  - modul-9",
     "  - modul-9", "repeat_for[0]: ukendt aktivitet 'modul-9'"),
]
# fmt: on


@pytest.mark.parametrize(("name", "old", "new", "on_line", "message"), BAD)
def test_bad_content_is_reported_with_file_and_line(
    content_copy: Path, name: str, old: str, new: str, on_line: str, message: str
) -> None:
    path = content_copy / name
    replace(path, old, new)
    errors = errors_of(content_copy)
    expected_line = line_of(path, on_line)
    assert any(
        e.startswith(f"{path}:{expected_line}: fejl: ") and message in e for e in errors
    ), errors


def test_tab_indentation_is_named(content_copy: Path) -> None:
    path = content_copy / "activities" / "modul-3.yml"
    replace(path, "  lead:", "\tlead:")
    errors = errors_of(content_copy)
    line = line_of(path, "\tlead:")
    assert (
        f"{path}:{line}: fejl: der er rykket ind med tabulator; YAML kræver mellemrum"
        in errors
    )


def test_empty_file(content_copy: Path) -> None:
    path = content_copy / "tools" / "scarf.yml"
    path.write_text("# nothing here yet\n", encoding="utf-8")
    assert f"{path}:1: fejl: filen er tom; her skal stå felter som 'name: …'" in (
        errors_of(content_copy)
    )


def test_non_utf8_file(content_copy: Path) -> None:
    path = content_copy / "plans" / "handleplan.yml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    errors = errors_of(content_copy)
    first_non_ascii = next(
        n for n, line in enumerate(text.splitlines(), 1) if not line.isascii()
    )
    assert any(
        e.startswith(f"{path}:{first_non_ascii}: fejl: filen er ikke UTF-8-tekst")
        for e in errors
    ), errors


def test_list_instead_of_mapping(content_copy: Path) -> None:
    path = content_copy / "editions" / "foraar-2027.yml"
    path.write_text("- name: Forår 2027\n", encoding="utf-8")
    assert (
        f"{path}:1: fejl: her skal stå felter som 'name: …', men der står en liste"
        in errors_of(content_copy)
    )


def test_every_problem_is_reported_in_one_run(content_copy: Path) -> None:
    replace(content_copy / "activities" / "modul-1.yml", "kind: modul", "kind: module")
    replace(content_copy / "activities" / "modul-2.yml", "label: Modul 2", "lable: x")
    replace(content_copy / "course.yml", "organiser: Nyborg Kommune", "organiser: [")
    errors = errors_of(content_copy)
    assert len(errors) >= 3
    assert {Path(e.split(":")[0]).name for e in errors} >= {
        "modul-1.yml",
        "modul-2.yml",
        "course.yml",
    }


def test_unused_tool_is_a_warning(content_copy: Path) -> None:
    path = content_copy / "tools" / "ekstra.yml"
    path.write_text(
        "name: Ekstra\npronoun: det\nshort: Et ekstra værktøj\n"
        "guide_text:\n  - Tekst.\n",
        encoding="utf-8",
    )
    warnings = validate(content_copy, purpose="check").warnings
    assert [str(w) for w in warnings] == [
        f"{path}:1: advarsel: ingen aktivitet bruger værktøjet 'ekstra'; tilføj det "
        "til en aktivitets 'tools'-liste, eller slet filen"
    ]


def test_edition_can_be_overridden(content_copy: Path, monkeypatch) -> None:
    source = content_copy / "editions" / "foraar-2027.yml"
    (content_copy / "editions" / "efteraar-2027.yml").write_text(
        source.read_text(encoding="utf-8").replace("Forår 2027", "Efterår 2027"),
        encoding="utf-8",
    )
    monkeypatch.setenv("COURSEBOOK_EDITION", "efteraar-2027")
    settings = read_settings(ROOT / "mkdocs.yml")
    content, _ = load_content(content_copy, settings.edition)
    assert content.edition.name == "Efterår 2027"


def test_impossible_date_and_unknown_tag_are_named(content_copy: Path) -> None:
    path = content_copy / "editions" / "foraar-2027.yml"
    replace(path, "date: 2027-03-09", "date: 2027-02-30")
    replace(path, "name: Forår 2027", "name: !ukendt Forår 2027")
    errors = errors_of(content_copy)
    date_line = line_of(path, "date: 2027-02-30")
    assert (
        f"{path}:{date_line}: fejl: '2027-02-30' er ikke en rigtig dato "
        "(måneden har ikke den dag); skriv den som ÅÅÅÅ-MM-DD"
    ) in errors
    name_line = line_of(path, "name: !ukendt")
    assert any(
        e.startswith(f"{path}:{name_line}: fejl: 'Forår 2027' kan ikke læses")
        for e in errors
    )
