"""The coordinator's command line: check | build | new-edition | publish | schema."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..content.bundle import Content
from ..content.editions import long_date, weekday
from ..content.lint import lint, lint_texts
from ..content.loader import CONTENT_ENV, EDITION_ENV, load_content
from ..content.problems import ContentError, Problem, display_path
from ..content.schemas import write_schemas
from ..content.spelling import DictionaryMissing, spelling_problems
from ..content.terms import term_problems
from .new_edition import NewEdition, NewEditionError, create_edition
from .publish import CURRENT_ALIAS, PublishError, publish
from .safebuild import safe_build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="coursebook", description="Kursushåndbogens værktøj til koordinatorer."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="tjek indholdet i content/")
    check.add_argument("--content", type=Path, default=Path("content"))
    check.add_argument("--edition", help="tjek denne udgave som den, der bygges")
    check.add_argument(
        "--strict", action="store_true", help="advarsler tæller som fejl"
    )

    build = commands.add_parser(
        "build", help="byg sitet; site/ erstattes kun, hvis bygningen lykkes"
    )
    build.add_argument("--content", type=Path, help="mappe med indhold (content/)")
    build.add_argument("--edition", help="byg denne udgave i stedet for standarden")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))

    new = commands.add_parser(
        "new-edition", help="opret en ny udgave (et nyt hold) ud fra en tidligere"
    )
    new.add_argument("new", metavar="NY", help="den nye udgaves id, fx efteraar-2027")
    new.add_argument(
        "--from", dest="old", required=True, metavar="GAMMEL", help="kopiér denne"
    )
    new.add_argument(
        "--start",
        required=True,
        type=_date,
        metavar="ÅÅÅÅ-MM-DD",
        help="dato for første aktivitet",
    )
    new.add_argument("--name", help='udgavens navn, fx "Efterår 2027"')
    new.add_argument("--content", type=Path, default=Path("content"))

    pub = commands.add_parser(
        "publish", help="udgiv en udgave med mike (grenen gh-pages)"
    )
    pub.add_argument("edition", metavar="UDGAVE", help="udgavens id, fx foraar-2027")
    pub.add_argument("--content", type=Path, default=Path("content"))
    pub.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    pub.add_argument("--branch", default="gh-pages", help="git-gren (gh-pages)")
    pub.add_argument(
        "--push", action="store_true", help="skub grenen til serveren bagefter"
    )
    pub.add_argument("--remote", default="origin", help="git-remote (origin)")

    schema = commands.add_parser(
        "schema", help="skriv JSON Schema-filerne i content/schemas"
    )
    schema.add_argument("--content", type=Path, default=Path("content"))

    args = parser.parse_args(argv)
    if args.command == "schema":
        for path in write_schemas(args.content):
            print(path)
        return 0
    if args.command == "check":
        return run_check(args.content, strict=args.strict, edition=args.edition)
    if args.command == "build":
        return run_build(args)
    if args.command == "new-edition":
        return run_new_edition(args)
    if args.command == "publish":
        return run_publish(args)
    return 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2027-09-14"
        ) from None


# --- check ---------------------------------------------------------------


def checked(
    content_dir: Path, edition: str | None = None
) -> tuple[Content | None, list[Problem]]:
    """Load and lint content: the content (None if it did not load) and every
    problem found, errors and warnings, sorted by file and line."""
    try:
        content, warnings = load_content(content_dir, edition)
    except ContentError as exc:
        found = set(exc.problems)
        if content_dir.is_dir():
            found |= set(lint_texts(content_dir))
        return None, sorted(found)
    docs_dir = content_dir.resolve().parent / "docs"
    return content, sorted(set(warnings) | set(lint(content, docs_dir=docs_dir)))


def language_problems(content_dir: Path) -> list[Problem]:
    """Spelling and one-name-per-thing warnings: for check and publish, never
    for the build (a preview must not wait for, or need, the dictionary)."""
    if not content_dir.is_dir():
        return []
    problems = term_problems(content_dir)
    try:
        problems += spelling_problems(content_dir)
    except DictionaryMissing as exc:
        print(exc, file=sys.stderr)
    return problems


def report(problems: list[Problem], strict: bool) -> bool:
    """Print problems; True when they stop the coordinator (errors, or any
    problem under --strict)."""
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{errors} fejl. Ret dem, og kør tjekket igen.", file=sys.stderr)
        return True
    if warnings and strict:
        print(f"{warnings} advarsler (--strict gør dem til fejl).", file=sys.stderr)
        return True
    return False


def run_check(
    content_dir: Path, strict: bool = False, edition: str | None = None
) -> int:
    _, problems = checked(content_dir, edition)
    problems = sorted(set(problems) | set(language_problems(content_dir)))
    if report(problems, strict):
        return 1
    print(f"Indholdet i {content_dir} er i orden.", file=sys.stderr)
    return 0


# --- build ---------------------------------------------------------------


def run_build(args: argparse.Namespace) -> int:
    env = {}
    if args.content:
        env[CONTENT_ENV] = str(args.content.resolve())
    if args.edition:
        env[EDITION_ENV] = args.edition
    code = safe_build(args.site_dir, args.config_file, env)
    if code != 0:
        print(
            f"Bygningen mislykkedes; {args.site_dir} er ikke ændret.", file=sys.stderr
        )
    return code


# --- new-edition ---------------------------------------------------------


def run_new_edition(args: argparse.Namespace) -> int:
    content, problems = checked(args.content, args.old)
    if content is None:
        report(problems, strict=False)
        print(
            f"Udgaven '{args.old}' kan ikke kopieres, før fejlene er rettet.",
            file=sys.stderr,
        )
        return 1
    try:
        made = create_edition(content, args.new, args.old, args.start, args.name)
    except NewEditionError as exc:
        print(exc, file=sys.stderr)
        return 1
    _explain_new_edition(made, args)
    _, problems = checked(args.content, args.new)
    # only the new file: what is wrong elsewhere was there before
    problems = [p for p in problems if p.file == display_path(made.path)]
    if problems:
        print("\nTjek af den nye udgave:")
    return 1 if report(problems, strict=False) else 0


def _explain_new_edition(made: NewEdition, args: argparse.Namespace) -> None:
    new, old = args.new, args.old
    days = made.shift.days
    moved = (
        f"flyttet {abs(days)} dage {'frem' if days >= 0 else 'tilbage'}"
        if days
        else "ikke flyttet"
    )
    print(f"Oprettet {made.path} ud fra {old} (status: udkast).")
    print(f"\nDatoerne er {moved}; mellemrummene mellem aktiviteterne er de samme:")
    weekend = []
    for slot in made.old.dated:
        date = made.edition.sessions[slot.ident].date
        print(f"  {slot.activity.label:<18} {long_date(date)}, kl. {slot.hours}")
        if date.weekday() >= 5:
            weekend.append(f"{slot.activity.label} ({weekday(date)})")
    if weekend:
        print("\nBemærk: disse falder nu i en weekend: " + ", ".join(weekend))
    name = made.edition.name
    steps = [
        f'name: "{name}"'
        + (
            " er gættet ud fra id'et; ret det, hvis det ikke passer."
            if made.name_guessed
            else "."
        ),
        "sessions: tjek hver dato og tid (helligdage, ferier) og stedet (venue).",
        "before: hvornår TRIO'en mødes, og læsestof før hvert modul.",
        "instructors og contact: hvem der underviser, og hvem deltagerne skriver til.",
        "changes: skriv, hvad der er nyt i denne udgave.",
    ]
    if made.edition.sample:
        steps.append(
            "sample: true betyder eksempeldata; sæt sample: false, når datoer og "
            "steder er de rigtige."
        )
    print(f"\nUdfyld nu i {made.path}:")
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
    print("\nDerefter:")
    print(f"  coursebook check --edition {new}      tjek udgaven")
    print(f"  coursebook build --edition {new}      byg den til site/ og se den")
    print(
        f"  sæt status: offentliggjort og edition: {new} i course.yml, "
        f"og kør coursebook publish {new}"
    )


# --- publish -------------------------------------------------------------


def run_publish(args: argparse.Namespace) -> int:
    content, problems = checked(args.content, args.edition)
    problems = sorted(set(problems) | set(language_problems(args.content)))
    if content is None or report(problems, strict=True):
        print(
            f"Udgaven '{args.edition}' er ikke udgivet. Ret ovenstående, og prøv igen.",
            file=sys.stderr,
        )
        return 1
    edition = content.editions[args.edition]
    if edition.status == "udkast":
        print(
            f"Bemærk: {edition.name} har status: udkast; deltagerne ser, at "
            "datoerne er foreløbige.",
            file=sys.stderr,
        )
    print(f"Bygger og udgiver {edition.name} ({args.edition}) ...", file=sys.stderr)
    try:
        done = publish(
            content,
            args.edition,
            args.config_file,
            branch=args.branch,
            push=args.push,
            remote=args.remote,
        )
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    where = f"grenen {args.branch}" + (
        f" (skubbet til {args.remote})" if args.push else ""
    )
    role = (
        f"Den er nu den aktuelle udgave ({CURRENT_ALIAS})."
        if done.is_current
        else "En nyere udgave er stadig den aktuelle; denne vises som tidligere hold."
    )
    print(f"Udgivet: {edition.name} ({args.edition}) på {where}. {role}")
    print("\nUdgivne udgaver:")
    for version in done.versions:
        aliases = ", ".join(version.get("aliases", []))
        print(
            f"  {version['title']:<16} {version['version']}"
            + (f"  [{aliases}]" if aliases else "")
        )
    if not args.push:
        print(
            f"\nSe det lokalt med: mike serve --branch {args.branch}\n"
            f"Læg det på serveren med: coursebook publish {args.edition} --push"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
