# ruff: noqa: E501
"""A corpus of bad content: ordinary coordinator mistakes and hostile input.

Each case edits a fresh copy of the shipped content and names the file and
line `coursebook check` must blame, and a fragment of the Danish message.
Mutations: ("replace", file, old, new) replaces the first `old`; ("write",
file, text) writes a file; ("rename", file, new name); ("append", file, text).
The expected line is given by a text that is on it (first match), or as a
number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

E = "editions/foraar-2027.yml"
M1 = "activities/modul-1.yml"
G = "glossary.yml"
H = "plans/handleplan.yml"
C = "course.yml"
T = "tools/iglo.yml"

# the sample edition made real: what a coordinator has when about to publish
REAL = [
    ("replace", E, "sample: true", "sample: false"),
    ("replace", E, "Dette er en eksempeludgave af kursusguiden.", "Se datoerne."),
]


@dataclass(frozen=True)
class Case:
    name: str
    edits: list[tuple[Any, ...]]
    file: str
    line: str | int
    fragment: str
    severity: str = "fejl"
    strict: bool = False


def case(name, edits, file, line, fragment, severity="fejl", strict=False) -> Case:
    if edits and isinstance(edits[0], str):
        edits = [edits]
    return Case(name, list(edits), file, line, fragment, severity, strict)


BIG = "x: " + "a" * 80 + "\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
    for i in range(8)
)
DEEP = "name: " + "[" * 300 + "]" * 300 + "\n"

# fmt: off
CASES: list[Case] = [
    # --- YAML syntax: the line that was broken, in plain words --------------------
    case("colon in text", ("replace", C, "organiser: Nyborg Kommune", "organiser: Nyborg: Kommune"),
         C, "organiser:", "skal stå i anførselstegn"),
    case("unclosed double quote", ("replace", E, 'start: "09:00"', 'start: "9:00'),
         E, 'start: "9:00', "anførselstegnet, som værdien på denne linje begynder med, er ikke lukket"),
    case("unclosed single quote", ("replace", M1, 'lead: "Som leder får du:"', "lead: 'Som leder får du:"),
         M1, "lead: 'Som", "bliver aldrig lukket"),
    case("unclosed bracket", ("replace", M1, "  - iglo", "  - [iglo"),
         M1, "  - [iglo", "bliver aldrig lukket"),
    case("unclosed brace", ("replace", M1, "label: Modul 1", "label: {Modul 1"),
         M1, "label: {Modul", "bliver aldrig lukket"),
    case("tab indentation", ("replace", M1, "  lead:", "\tlead:"),
         M1, "\tlead:", "tabulator"),
    case("second document", ("replace", M1, "label: Modul 1", "label: Modul 1\n---\nx: 1"),
         M1, "---", "starter et nyt dokument"),
    case("bad indentation", ("replace", M1, "label: Modul 1", "label: Modul 1\n   title2: x"),
         M1, "title2", "kan ikke læses"),
    case("star at start", ("replace", M1, "label: Modul 1", "label: *Modul 1"),
         M1, "label: *Modul", "kan ikke læses"),
    case("at sign at start", ("replace", M1, "label: Modul 1", "label: @Modul"),
         M1, "label: @Modul", "kan ikke læses"),
    case("backtick at start", ("replace", M1, "label: Modul 1", "label: `Modul`"),
         M1, "label: `Modul`", "kan ikke læses"),
    case("not utf-8", ("write", H, "title: Handlepl\xe6n\n"), H, 1, "ikke UTF-8"),
    case("empty file", ("write", "tools/scarf.yml", "# intet endnu\n"),
         "tools/scarf.yml", 1, "filen er tom"),
    case("list instead of fields", ("write", E, "- name: Forår 2027\n"),
         E, 1, "her skal stå felter som"),
    case("plain text file", ("write", "tools/scarf.yml", "bare noget tekst\n"),
         "tools/scarf.yml", 1, "her skal stå felter som"),
    case("duplicate key", ("replace", M1, "label: Modul 1", "label: Modul 1\nlabel: Modul 9"),
         M1, "label: Modul 9", "står to gange"),
    case("impossible date", ("replace", E, "date: 2027-03-09", "date: 2027-02-30"),
         E, "date: 2027-02-30", "ikke en rigtig dato"),
    case("impossible month", ("replace", E, "date: 2027-03-09", "date: 2027-13-09"),
         E, "date: 2027-13-09", "skal være en dato"),
    case("unknown tag", ("replace", E, "name: Forår 2027", "name: !ukendt Forår 2027"),
         E, "name: !ukendt", "kan ikke læses"),
    case("python tag", ("replace", E, "name: Forår 2027", "name: !!python/object:os.system x"),
         E, "name: !!python", "kan ikke læses"),
    # --- hostile YAML --------------------------------------------------------------
    case("recursive alias", ("write", H, "title: &a [x, *a]\n"), H, 1, "henviser til sig selv"),
    case("billion laughs", ("write", H, BOMB), H, 4, "gentager mere end"),
    case("deep nesting", ("write", H, DEEP), H, 1, "niveauer"),
    case("too big", ("write", H, BIG * 140_000), H, 1, "højst 10 MB"),
    # --- fields ---------------------------------------------------------------------
    case("unknown field", ("replace", M1, "label: Modul 1", "label: Modul 1\ntitel: x"),
         M1, "titel: x", "'titel' er ikke et felt her; mente du 'title'?"),
    case("missing field", ("replace", M1, "label: Modul 1\n", ""),
         M1, 2, "label: feltet skal udfyldes"),
    case("not a number", ("replace", M1, "order: 2", "order: to"),
         M1, "order: to", "skal være et helt tal"),
    case("order zero", ("replace", M1, "order: 2", "order: 0"),
         M1, "order: 0", "skal være mindst 1"),
    case("wrong choice", ("replace", M1, "kind: modul", "kind: module"),
         M1, "kind: module", "skal være en af workshop / modul"),
    case("empty choice", ("replace", M1, "participants: leder", "participants:"),
         M1, "participants:", "men er ingenting"),
    case("list for text", ("replace", M1, "title: Lederens", "title:\n  - Lederens"),
         M1, "title:", "skal være tekst, men er en liste"),
    case("text for list", ("replace", M1, "overview_themes:\n", "overview_themes: tekst\nx_themes:\n"),
         M1, "overview_themes: tekst", "skal være en liste"),
    case("empty text", ("replace", M1, "label: Modul 1", 'label: ""'),
         M1, 'label: ""', "må ikke være tom"),
    case("bool for text", ("replace", M1, "label: Modul 1", "label: yes"),
         M1, "label: yes", "skal være tekst"),
    case("number for sample", ("replace", E, "sample: true", "sample: måske"),
         E, "sample: måske", "skal være true eller false"),
    case("status typo", ("replace", E, "status: udkast", "status: offentlig"),
         E, "status: offentlig", "skal være en af udkast / offentliggjort"),
    case("id with capitals", ("replace", M1, "  - iglo", "  - IGLO"),
         M1, "  - IGLO", "skal være et id af små bogstaver"),
    case("http url in reference", ("replace", T, "name: IGLO-modellen",
         "name: IGLO-modellen\nreferences:\n  - author: A\n    title: B\n    url: www.x.dk"),
         T, "url: www.x.dk", "skal være en webadresse"),
    case("bad email", ("replace", E, "email: kursus@example.com", "email: kursus-at-nyborg"),
         E, "email: kursus-at-nyborg", "skal være en e-mailadresse"),
    case("mapping for venue", ("replace", E, "    venue:\n      name: Nyborg Rådhus (eksempel)\n      address: 5800 Nyborg\n  modul-1:",
         "    venue: Rådhuset\n  modul-1:"), E, "venue: Rådhuset", "her skal stå felter som"),
    case("goals typo in course", ("replace", C, "  goals:\n", "  goal:\n"),
         C, "  goal:", "'goal' er ikke et felt her"),
    # --- three mistakes in one file: all reported --------------------------------------
    case("danish date", ("replace", E, "date: 2027-03-09", "date: 9/3/2027"),
         E, "date: 9/3/2027", "mente du 2027-03-09?"),
    case("session for unknown activity", ("replace", E, "  modul-3:\n    date:", "  modul3:\n    date:"),
         E, "  modul3:", "der findes ingen aktivitet 'modul3'; mente du 'modul-3'?"),
    case("unknown activity after a type error", [
        ("replace", E, "date: 2027-03-09", "date: 9/3/2027"),
        ("replace", E, "  modul-3:\n    date:", "  modul3:\n    date:")],
         E, "  modul3:", "der findes ingen aktivitet 'modul3'"),
    case("type error after unknown activity", [
        ("replace", E, "date: 2027-03-09", "date: 9/3/2027"),
        ("replace", E, "  modul-3:\n    date:", "  modul3:\n    date:")],
         E, "date: 9/3/2027", "skal være en dato"),
    case("before for unknown activity", ("replace", E, "before:\n  modul-1:", "before:\n  modul-7:"),
         E, "  modul-7:", "der findes ingen aktivitet 'modul-7'"),
    # --- times ----------------------------------------------------------------------------
    case("time without colon", ("replace", E, 'end: "12:30"', "end: 1230"),
         E, "end: 1230", "skriv 12:30"),
    case("three-digit time", ("replace", E, 'end: "12:30"', "end: 930"),
         E, "end: 930", "skriv 09:30"),
    case("hour 25", ("replace", E, 'end: "12:30"', 'end: "25:00"'),
         E, 'end: "25:00"', "00:00–23:59"),
    case("minute 75", ("replace", E, 'end: "12:30"', 'end: "12:75"'),
         E, 'end: "12:75"', "skal være et klokkeslæt"),
    case("bare hour", ("replace", E, 'end: "12:30"', "end: 12"),
         E, "end: 12", "skriv 12:00"),
    case("text time", ("replace", E, 'end: "12:30"', "end: middag"),
         E, "end: middag", "skal være et klokkeslæt"),
    case("end before start", ("replace", E, 'end: "12:30"', 'end: "08:30"'),
         E, 'end: "08:30"', "er ikke efter start 09:00"),
    case("unquoted end before start", ("replace", E, 'end: "12:30"', "end: 8.30"),
         E, "end: 8.30", "er ikke efter start 09:00"),
    # --- years and dates ------------------------------------------------------------------
    case("year 1027", ("replace", E, "date: 2027-03-09", "date: 1027-03-09"),
         E, "date: 1027-03-09", "mente du 2027-03-09?"),
    case("year 1999 window", ("replace", E, "first_day: 2027-02-22", "first_day: 1999-02-22"),
         E, "first_day: 1999-02-22", "ligger før 2000"),
    case("dates out of order", ("replace", E, "date: 2027-04-06", "date: 2027-03-01"),
         E, "date: 2027-03-01", "skal ligge i kursets rækkefølge"),
    case("meeting after module", ("replace", E, "last_day: 2027-04-30", "last_day: 2027-05-20"),
         E, "last_day: 2027-05-20", "mødet skal holdes før"),
    case("meeting window backwards", ("replace", E, "last_day: 2027-03-05", "last_day: 2027-02-20"),
         E, "last_day: 2027-02-20", "ligger før first_day"),
    # --- references -----------------------------------------------------------------------
    case("unknown tool", ("replace", M1, "  - iglo", "  - igloo"),
         M1, "  - igloo", "ukendt værktøj 'igloo'; mente du 'iglo'?"),
    case("unknown plan", ("replace", M1, "  - handleplan", "  - handlingsplan"),
         M1, "handlingsplan", "ukendt plan 'handlingsplan'"),
    case("unknown goal", ("replace", M1, "  - viden-og-vaerktoejer", "  - viden"),
         M1, "  - viden", "ukendt læringsmål 'viden'"),
    case("unknown related tool", ("replace", T, "name: IGLO-modellen", "name: IGLO-modellen\nrelated: [scarff]"),
         T, "related: [scarff]", "ukendt værktøj 'scarff'; mente du 'scarf'?"),
    case("unknown repeat_for", ("replace", H, "  - modul-1", "  - modul-9"),
         H, "  - modul-9", "ukendt aktivitet 'modul-9'"),
    case("unknown edition in course", ("replace", C, "edition: foraar-2027", "edition: efteraar-2030"),
         C, "edition:", "der findes ingen udgave 'efteraar-2030'"),
    case("same order twice", ("replace", "activities/modul-2.yml", "order: 3", "order: 2"),
         "activities/modul-2.yml", "order: 2", "bruges også af 'modul-1'"),
    # --- uniqueness and identity -------------------------------------------------------------
    case("question id twice", ("replace", H, "  - id: udfoer", "  - id: plan"),
         H, "  - id: plan\n    label: Handling", "id'et 'plan' er også brugt i linje"),
    case("repeat_for twice", ("replace", H, "  - modul-2", "  - modul-1"),
         H, "  - modul-1\n  - modul-3", "'modul-1' står allerede i linje"),
    case("question id reserved", ("replace", H, "  - id: udfoer", "  - id: navn"),
         H, "  - id: navn", "forbeholdt formularens egne felter"),
    case("goal id twice", ("replace", C, "    - id: kultur", "    - id: viden-og-vaerktoejer"),
         C, 53, "id'et 'viden-og-vaerktoejer' er også brugt"),
    case("term twice", ("replace", G, "  - term: Arbejdspladsvurdering", "  - term: Arbejdsmiljørepræsentant"),
         G, "  - term: Arbejdsmiljørepræsentant\n    abbr: APV", "begrebet 'Arbejdsmiljørepræsentant' er også brugt"),
    case("abbreviation twice", ("replace", G, "abbr: APV", "abbr: AMR"),
         G, "abbr: AMR\n    definition: >-\n      En skriftlig", "forkortelsen 'AMR' er også brugt"),
    case("abbreviation with space", ("replace", G, "abbr: APV", "abbr: A PV"),
         G, "abbr: A PV", "indeholder et mellemrum"),
    case("tool as .yml and .yaml", ("write", "tools/iglo.yaml", "name: IGLO\n"),
         "tools/iglo.yaml", 1, "findes også i iglo.yml"),
    case("edition as .yml and .yaml", ("write", "editions/foraar-2027.yaml", "name: X\n"),
         "editions/foraar-2027.yaml", 1, "findes også i foraar-2027.yml"),
    case("plan named like the glossary page", ("rename", "plans/udviklingsplan.yml", "ordliste.yml"),
         "plans/ordliste.yml", 1, "samme adresse som en anden side"),
    case("plan named like the front page", ("rename", "plans/udviklingsplan.yml", "index.yml"),
         "plans/index.yml", 1, "samme adresse"),
    case("tool named index", ("rename", "tools/scarf.yml", "index.yml"),
         "tools/index.yml", 1, "samme adresse"),
    case("edition file with space", ("rename", "editions/efteraar-2027.yml", "Efterår 2027.yml"),
         "editions/Efterår 2027.yml", 1, "omdøb filen til efteraar-2027.yml"),
    case("edition file like an option", ("rename", "editions/efteraar-2027.yml", "--push.yml"),
         "editions/--push.yml", 1, "omdøb filen til push.yml"),
    case("activity file with space", ("rename", "activities/workshop.yml", "Modul 4.yml"),
         "activities/Modul 4.yml", 1, "omdøb filen til modul-4.yml"),
    case("plan file with capital", ("rename", H, "Handleplan.yml"),
         "plans/Handleplan.yml", 1, "omdøb filen til handleplan.yml"),
    # --- links ------------------------------------------------------------------------------
    case("dead page link", ("replace", M1, "[handleplan](handleplan.md)", "[reglerne](nope.md)"),
         M1, "[reglerne](nope.md)", "fører ikke til nogen side"),
    case("misspelt page link", ("replace", M1, "[handleplan](handleplan.md)", "[handleplan](handleplann.md)"),
         M1, "(handleplann.md)", "mente du 'handleplan.md'?"),
    case("dead tool link", ("replace", G, "(vaerktoejer/seks-guldkorn.md)", "(vaerktoejer/seks-guldkorm.md)"),
         G, "seks-guldkorm.md", "mente du 'vaerktoejer/seks-guldkorn.md'?"),
    case("dead anchor", ("replace", M1, "[handleplan](handleplan.md)", "[handleplan](handleplan.md#findes-ikke)"),
         M1, "#findes-ikke", "'#findes-ikke', som ikke findes på siden"),
    case("javascript link", ("replace", M1, "[handleplan](handleplan.md)", "[mere her](javascript:alert(1))"),
         M1, "javascript:", "linket 'javascript:alert(1' er ikke tilladt"),
    case("data link", ("replace", "activities/workshop.yml", "[udviklingsplanen](udviklingsplan.md),", "[x](data:text/html,hej),"),
         "activities/workshop.yml", "data:text", "er ikke tilladt"),
    case("javascript link definition", ("replace", G, "(vaerktoejer/seks-guldkorn.md).", "[x].\n\n      [x]: javascript:alert(1)"),
         G, "[x]: javascript", "er ikke tilladt"),
    case("file link", ("replace", M1, "[handleplan](handleplan.md)", "[fil](file:///etc/passwd)"),
         M1, "file:///", "er ikke tilladt"),
    # --- editions chosen -------------------------------------------------------------------
    case("edition id in course not an id", ("replace", C, "edition: foraar-2027", "edition: Forår 2027"),
         C, "edition:", "skal være et id af små bogstaver"),
    # --- publish readiness (check --strict) -----------------------------------------------
    case("sample notice left", [("replace", E, "sample: true", "sample: false")],
         E, "notice:", "'eksempeludgave' er tilbage fra eksempeludgaven", "advarsel", True),
    case("example venue left", REAL, E, "name: Nyborg Rådhus (eksempel)", "'(eksempel)' er tilbage",
         "advarsel", True),
    case("example.com left", REAL, E, "email: kursus@example.com", "'example.com' er en eksempeladresse",
         "advarsel", True),
    case(".invalid address left", [*REAL, ("replace", E, "kursus@example.com", "kursus@nyborg.invalid")],
         E, "email: kursus@nyborg.invalid", "'nyborg.invalid' er en eksempeladresse", "advarsel", True),
    case("announced later beside instructors", [*REAL,
         ("replace", E, "instructors: []", "instructors:\n  - name: Anne\n    role: Underviser")],
         E, "instructors_note:", "bekendtgøres senere", "advarsel", True),
    case("published sample", ("replace", E, "status: udkast", "status: offentliggjort"),
         E, "sample: true", "sample: true, men udgaven har status: offentliggjort"),
    case("published without instructors", [*REAL, ("replace", E, "status: udkast", "status: offentliggjort")],
         E, "instructors: []", "ingen undervisere er nævnt"),
    # --- lint (check --strict) ---------------------------------------------------------------
    case("placeholder", ("replace", M1, "label: Modul 1", 'label: "Modul 1 TODO"'),
         M1, "label:", "ligner en pladsholder", "advarsel", True),
    case("lorem ipsum", ("replace", M1, "label: Modul 1", "label: Lorem ipsum dolor"),
         M1, "label: Lorem", "fyldtekst", "advarsel", True),
    case("abbreviation in lower case", ("replace", G, "abbr: APV", "abbr: apv"),
         G, "abbr: apv", "skrevet med små bogstaver", "advarsel", True),
    case("repeated item", ("replace", M1, "  - Individuel udviklingsplan", "  - Individuel udviklingsplan\n  - Individuel  udviklingsplan"),
         M1, "  - Individuel  udviklingsplan", "gentager", "advarsel", True),
    case("unused tool", ("write", "tools/ekstra.yml", "name: Ekstra\npronoun: det\nshort: Et ekstra værktøj\nguide_text:\n  - Tekst.\n"),
         "tools/ekstra.yml", 1, "ingen aktivitet bruger værktøjet 'ekstra'", "advarsel", True),
    case("file outside the folders", ("write", "activities/gammelt/modul-1.yml", "order: 1\n"),
         "activities/gammelt/modul-1.yml", 1, "denne fil bliver ikke læst", "advarsel", True),
]
# fmt: on

# valid variants: each must pass `coursebook check --strict`
VALID: list[tuple[str, list[tuple[Any, ...]]]] = [
    ("unquoted time", [("replace", E, 'end: "12:30"', "end: 12:30")]),
    ("time with a full stop", [("replace", E, 'end: "12:30"', 'end: "12.30"')]),
    ("unquoted time with a full stop", [("replace", E, 'end: "12:30"', "end: 12.30")]),
    ("one-digit hour", [("replace", E, 'start: "09:00"', 'start: "9:00"')]),
    (
        "https link",
        [("replace", M1, "[handleplan](handleplan.md)", "[AT](https://at.dk)")],
    ),
    (
        "mailto link",
        [("replace", M1, "[handleplan](handleplan.md)", "[skriv](mailto:a@nyborg.dk)")],
    ),
    ("page link with slash", [("replace", M1, "(handleplan.md)", "(handleplan/)")]),
    (
        "anchor that exists",
        [("replace", M1, "(handleplan.md)", "(handleplan.md#udfyld)")],
    ),
    ("tool as .yaml", [("rename", T, "iglo.yaml")]),
    (
        "edition as .yaml",
        [("rename", "editions/efteraar-2027.yml", "efteraar-2027.yaml")],
    ),
    (
        "text with apostrophe",
        [("replace", M1, "label: Modul 1", "label: TRIO'ens modul")],
    ),
    (
        "text with braces in quotes",
        [("replace", M1, "label: Modul 1", 'label: "{{ 7*7 }}"')],
    ),
]
