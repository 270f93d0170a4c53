"""The coordinator's command line: coursebook check | build | schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import CONTENT_ENV, EDITION_ENV, load_content
from .problems import ContentError
from .safebuild import safe_build
from .schemas import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="coursebook", description="Kursushåndbogens værktøj til koordinatorer."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="tjek indholdet i content/")
    check.add_argument("--content", type=Path, default=Path("content"))
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
        return run_check(args.content, strict=args.strict)
    if args.command == "build":
        return run_build(args)
    return 2


def run_check(content_dir: Path, strict: bool = False) -> int:
    try:
        _, warnings = load_content(content_dir)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem)
        errors = sum(p.severity == "error" for p in exc.problems)
        print(f"{errors} fejl. Ret dem, og kør tjekket igen.", file=sys.stderr)
        return 1
    for warning in warnings:
        print(warning)
    if warnings and strict:
        print(
            f"{len(warnings)} advarsler (--strict gør dem til fejl).", file=sys.stderr
        )
        return 1
    print(f"Indholdet i {content_dir} er i orden.", file=sys.stderr)
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
