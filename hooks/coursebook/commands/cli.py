"""The coordinator's command line: check, build, new-edition, publish, schema,
export.

Every text is Danish (argparse's own too, see i18n.translate_argparse);
COURSEBOOK_LANG=en shows English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..content.problems import Problem, Report, display_path
from ..content.schemas import write_schemas
from ..content.validation import validate
from ..danish import long_date, weekday
from ..i18n import _, translate_argparse
from ..settings import CONTENT_ENV, EDITION_ENV, SettingsError, project_config
from ..settings import read as read_settings
from .new_edition import NewEdition, NewEditionError, create_edition
from .publish_command import run_archive, run_publish, run_unpublish
from .safebuild import safe_build

# options that take a value: a value that looks like an option is refused
_VALUED = {
    "--content",
    "--edition",
    "--from",
    "--start",
    "--name",
    "--site-dir",
    "--config-file",
    "--branch",
    "--remote",
    "--to",
    "--site-url",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(
            2, _("{prog}: error: {message}\n").format(prog=self.prog, message=message)
        )


def _parser() -> argparse.ArgumentParser:
    translate_argparse()
    parser = _Parser(
        prog="coursebook",
        description=_("The course handbook's tool for coordinators."),
    )
    commands = parser.add_subparsers(
        dest="command", required=True, title=_("commands"), metavar=_("COMMAND")
    )

    check = commands.add_parser(
        "check",
        help=_("check the content in content/"),
        description=_("Check the content and report every problem as FILE:LINE."),
    )
    _content_option(check)
    check.add_argument(
        "--edition",
        metavar=_("EDITION"),
        help=_("check this edition as the one that is built"),
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help=_("warnings count as errors (as when publishing)"),
    )

    _config_option(check)

    build = commands.add_parser(
        "build", help=_("build the site; site/ is replaced only if the build succeeds")
    )
    _content_option(build)
    build.add_argument(
        "--edition",
        metavar=_("EDITION"),
        help=_("build this edition instead of the default"),
    )
    build.add_argument(
        "--site-dir",
        type=Path,
        default=Path("site"),
        metavar=_("FOLDER"),
        help=_("where the site is written (site/)"),
    )
    _config_option(build, Path("mkdocs.yml"))

    new = commands.add_parser(
        "new-edition", help=_("create a new edition (a new cohort) from an earlier one")
    )
    new.add_argument(
        "new", metavar=_("NEW"), help=_("the new edition's id, e.g. efteraar-2027")
    )
    _config_option(new)
    new.add_argument(
        "--from",
        dest="old",
        required=True,
        metavar=_("OLD"),
        help=_("the edition to copy"),
    )
    new.add_argument(
        "--start",
        required=True,
        type=_date,
        metavar=_("YYYY-MM-DD"),
        help=_("the date of the first activity"),
    )
    new.add_argument(
        "--name", metavar=_("NAME"), help=_('the edition\'s name, e.g. "Efterår 2027"')
    )
    _content_option(new)

    pub = commands.add_parser(
        "publish", help=_("publish an edition with mike (the gh-pages branch)")
    )
    pub.add_argument(
        "edition", metavar=_("EDITION"), help=_("the edition's id, e.g. foraar-2027")
    )
    _content_option(pub)
    _config_option(pub, Path("mkdocs.yml"))
    _branch_options(pub, _("push the branch to the server afterwards"))
    pub.add_argument(
        "--to",
        type=Path,
        metavar=_("FOLDER"),
        help=_("publish into this folder instead of the git branch"),
    )
    pub.add_argument(
        "--site-url",
        metavar="URL",
        help=_("the folder's address on the web (default: site_url in mkdocs.yml)"),
    )
    pub.add_argument(
        "--commit",
        action="store_true",
        help=_("save uncommitted changes in git first, naming the edition"),
    )

    unpub = commands.add_parser(
        "unpublish", help=_("remove a published edition and its place in the list")
    )
    unpub.add_argument("edition", metavar=_("EDITION"), help=_("the edition's id"))
    unpub.add_argument("--to", type=Path, metavar=_("FOLDER"), help=_("the folder"))
    _content_option(unpub)
    _config_option(unpub, Path("mkdocs.yml"))
    _branch_options(unpub, _("push the branch too"))

    archive = commands.add_parser(
        "archive",
        help=_("republish a finished edition without the instructors' names"),
        description=_(
            "Republish an edition that is over, without the instructors' names "
            "and photos (each is shown by their role), where it is already "
            "published: in a folder (--to) or on the git branch (gh-pages; "
            "--push sends it to the server too)."
        ),
    )
    archive.add_argument("edition", metavar=_("EDITION"), help=_("the edition's id"))
    archive.add_argument(
        "--to",
        type=Path,
        metavar=_("FOLDER"),
        help=_("the folder it is published in (else the git branch)"),
    )
    archive.add_argument(
        "--site-url", metavar="URL", help=_("the folder's address on the web")
    )
    _branch_options(archive, _("push the branch too"))
    archive.add_argument(
        "--commit",
        action="store_true",
        help=_("save uncommitted changes in git first, naming the edition"),
    )
    _content_option(archive)
    _config_option(archive, Path("mkdocs.yml"))

    schema = commands.add_parser(
        "schema", help=_("write the JSON Schema files in content/schemas")
    )
    _config_option(schema)
    _content_option(schema)

    export = commands.add_parser(
        "export",
        help=_("write the handbook as plain Markdown and a mkdocs.yml without hooks"),
    )
    export.add_argument(
        "target",
        metavar=_("FOLDER"),
        type=Path,
        help=_("the folder to write (replaced)"),
    )
    _config_option(export)
    export.add_argument(
        "--no-downloads",
        action="store_true",
        help=_("leave out the downloads (PDFs, Word files, calendars)"),
    )
    return parser


def _content_option(command: argparse.ArgumentParser) -> None:
    """--content; unset, the settings say (mkdocs.yml, COURSEBOOK_CONTENT)."""
    command.add_argument(
        "--content",
        type=Path,
        metavar=_("FOLDER"),
        help=_("the content folder (content/)"),
    )


def _branch_options(command: argparse.ArgumentParser, push_help: str) -> None:
    """--branch, --push and --remote: where mike keeps the published site."""
    command.add_argument(
        "--branch",
        default="gh-pages",
        metavar=_("BRANCH"),
        help=_("git branch (gh-pages)"),
    )
    command.add_argument("--push", action="store_true", help=push_help)
    command.add_argument(
        "--remote", default="origin", metavar=_("REMOTE"), help=_("git remote (origin)")
    )


def _config_option(
    command: argparse.ArgumentParser, default: Path | None = None
) -> None:
    """--config-file; unset and without a default, the mkdocs.yml beside the
    content folder, else the working folder's (settings.project_config)."""
    command.add_argument(
        "--config-file",
        type=Path,
        default=default,
        metavar=_("FILE"),
        help=_("the site configuration (mkdocs.yml)"),
    )


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    for option, value in zip(argv, argv[1:], strict=False):
        if option in _VALUED and value.startswith("-"):
            parser.error(
                _(
                    "{option} must be followed by a value, but '{value}' looks like "
                    "an option; write {option}=VALUE if the value really starts "
                    "with '-'"
                ).format(option=option, value=value)
            )
    args = parser.parse_args(argv)
    try:
        # every command reads the settings the build reads (settings.py)
        if args.config_file is None:
            args.config_file = project_config(getattr(args, "content", None))
        args.settings = read_settings(args.config_file)
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command not in ("build", "export"):
        args.content = args.content or args.settings.content_dir
    if args.command == "schema":
        for path in write_schemas(args.content):
            print(path)
        return 0
    if args.command == "check":
        return run_check(args)
    if args.command == "build":
        return run_build(args)
    if args.command == "new-edition":
        return run_new_edition(args)
    if args.command == "publish":
        return run_publish(args, report)
    if args.command == "unpublish":
        return run_unpublish(args)
    if args.command == "archive":
        return run_archive(args, report)
    if args.command == "export":
        return run_export(args)
    return 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-09-14").format(
                text=text
            )
        ) from None


# --- check ---------------------------------------------------------------


def report(found: Report | list[Problem], strict: bool) -> bool:
    """Print problems and a summary; True when they stop the coordinator
    (errors, or any problem under --strict)."""
    result = found if isinstance(found, Report) else Report(None, sorted(found))
    for problem in result.problems:
        print(problem)
    if result.errors:
        print(
            _("{summary}. Fix them and run the check again.").format(
                summary=result.summary()
            ),
            file=sys.stderr,
        )
        return True
    if result.warnings and strict:
        print(
            _("{summary} (--strict makes them errors).").format(
                summary=result.summary()
            ),
            file=sys.stderr,
        )
        return True
    if result.warnings:
        print(result.summary() + ".", file=sys.stderr)
    return False


def run_check(args: argparse.Namespace) -> int:
    settings = args.settings
    # the edition asked for, else the one the build would pick
    edition, source = args.edition, "--edition"
    if edition is None:
        edition, source = settings.edition, settings.edition_source or ""
    found = validate(
        args.content,
        edition,
        "check",
        edition_source=source,
        config_file=settings.config_file,
    )
    if report(found, args.strict) or found.content is None:
        return 1
    print(
        _("The content in {folder} is in order.").format(folder=args.content),
        file=sys.stderr,
    )
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
    # what the copy needs is content that builds; the old edition's own
    # publish problems (a sample, past dates) are not the new one's
    found = validate(
        args.content,
        args.old,
        "build",
        edition_source="--from",
        config_file=args.settings.config_file,
    )
    if found.content is None or found.errors:
        report(found, strict=False)
        print(
            _("The edition '{id}' cannot be copied until the errors are fixed.").format(
                id=args.old
            ),
            file=sys.stderr,
        )
        return 1
    try:
        made = create_edition(found.content, args.new, args.old, args.start, args.name)
    except NewEditionError as exc:
        print(exc, file=sys.stderr)
        return 1
    _explain_new_edition(made, args)
    checked = validate(
        args.content,
        args.new,
        "new-edition",
        edition_source="NY",
        config_file=args.settings.config_file,
    )
    # only the new file: what is wrong elsewhere was there before
    problems = [p for p in checked.problems if p.file == display_path(made.path)]
    if problems:
        print(_("\nCheck of the new edition:"))
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
        "felterne mærket [udfyld: …]: skriv de rigtige oplysninger.",
    ]
    print(f"\nUdfyld nu i {made.path}:")
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
    me = command_as_typed()
    print("\nDerefter:")
    print(f"  {me} check --edition {new}      tjek udgaven")
    print(f"  {me} build --edition {new}      byg den til site/ og se den")
    print(
        f"  sæt status: offentliggjort og edition: {new} i course.yml, "
        f"og kør {me} publish {new}"
    )


def command_as_typed() -> str:
    """How to run coursebook again from here: the program as it was started
    (.venv/bin/coursebook), or through this Python when run with -m."""
    program = Path(sys.argv[0])
    if program.name == "coursebook":
        shown = display_path(program)
        return str(shown) if shown.parent != Path(".") else f"./{shown}"
    python = display_path(Path(sys.executable))
    return f"{python} -m coursebook.commands.cli"


# --- export --------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .export import export

    try:
        config = export(args.target, args.config_file, not args.no_downloads)
    except MkDocsException as exc:
        print(exc, file=sys.stderr)
        print(_("Nothing was exported."), file=sys.stderr)
        return 1
    print(
        _(
            "Exported to {folder}. Build it without hooks: mkdocs build -f {config}"
        ).format(folder=args.target, config=config)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
