"""The handbook's settings, read in this one module by the hooks and the CLI.

They live in mkdocs.yml, typed and validated the way Material declares a
plugin's config (a mkdocs Config class), under `extra: coursebook:` because
MkDocs refuses unknown top-level keys under `strict: true`:

    extra:
      coursebook:
        content: content      # the course's YAML folder, relative to mkdocs.yml
        edition: foraar-2027  # optional: another edition than course.yml names
        pdf: true             # false skips the PDF files (a faster preview)

The environment overrides each of them, for one build or one preview:
COURSEBOOK_CONTENT, COURSEBOOK_EDITION and COURSEBOOK_PDF (0/false/nej).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from .i18n import _

BLOCK = "coursebook"
CONTENT_ENV = "COURSEBOOK_CONTENT"
EDITION_ENV = "COURSEBOOK_EDITION"
PDF_ENV = "COURSEBOOK_PDF"
# set by `coursebook archive`: the build leaves out personal data
ARCHIVE_ENV = "COURSEBOOK_ARCHIVE"
_OFF = ("0", "false", "nej", "no")


class CoursebookConfig(base.Config):
    """The `extra.coursebook` block of mkdocs.yml."""

    content = c.Type(str, default="content")
    edition = c.Optional(c.Type(str))
    pdf = c.Type(bool, default=True)


class SettingsError(Exception):
    """mkdocs.yml has a setting of the wrong kind; the message says which."""


@dataclass(frozen=True)
class Settings:
    config_file: Path
    content_dir: Path
    docs_dir: Path
    edition: str | None
    # who asked for that edition ("COURSEBOOK_EDITION", ...), for messages
    edition_source: str | None
    pdf: bool
    archive: bool = False


def from_mkdocs(config: base.Config) -> Settings:
    """The settings of a build, from MkDocs' validated config (the hooks)."""
    extra = config["extra"] or {}
    return _settings(
        Path(config.config_file_path), extra.get(BLOCK), Path(config["docs_dir"])
    )


def read(config_file: Path = Path("mkdocs.yml")) -> Settings:
    """The settings as the build will see them (the command line).

    mkdocs.yml is read as MkDocs reads it (INHERIT, !ENV) without loading the
    theme, the plugins or the hooks; without one, the defaults apply."""
    if not config_file.is_file():
        return _settings(config_file, None, config_file.parent / "docs")
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as stream:
        raw = yaml_load(stream) or {}
    docs_dir = config_file.parent / raw.get("docs_dir", "docs")
    return _settings(config_file, (raw.get("extra") or {}).get(BLOCK), docs_dir)


def project_config(content_dir: Path | None = None) -> Path:
    """The mkdocs.yml of the project a content folder belongs to: the one
    beside it, else the one in the working folder (which may not exist)."""
    if content_dir is not None:
        beside = content_dir.resolve().parent / "mkdocs.yml"
        if beside.is_file():
            return beside
    return Path("mkdocs.yml")


def _settings(config_file: Path, block: object, docs_dir: Path) -> Settings:
    config = _validated(config_file, block)
    root = config_file.parent
    environ = os.environ
    content_dir = root / config.content
    if environ.get(CONTENT_ENV):
        content_dir = Path(environ[CONTENT_ENV])
    edition, source = config.edition, None
    if config.edition:
        source = f"{config_file.name} (extra.{BLOCK}.edition)"
    if environ.get(EDITION_ENV):
        edition, source = environ[EDITION_ENV], EDITION_ENV
    pdf = config.pdf
    if environ.get(PDF_ENV):
        pdf = environ[PDF_ENV].strip().lower() not in _OFF
    archive = environ.get(ARCHIVE_ENV) == "1"
    return Settings(config_file, content_dir, docs_dir, edition, source, pdf, archive)


def _validated(config_file: Path, block: object) -> CoursebookConfig:
    config = CoursebookConfig(config_file_path=str(config_file))
    if block is None:
        block = {}
    if not isinstance(block, dict):
        raise SettingsError(
            _("{file}: error: extra.{block} must be a mapping of settings").format(
                file=config_file, block=BLOCK
            )
        )
    config.load_dict(block)
    errors, warnings = config.validate()
    # an unknown key is a typo here (MkDocs only warns), so it stops the build
    found = [*errors, *warnings]
    if found:
        raise SettingsError(
            "\n".join(
                _("{file}: error: extra.{block}.{key}: {message}").format(
                    file=config_file, block=BLOCK, key=key, message=message
                )
                for key, message in found
            )
        )
    return config
