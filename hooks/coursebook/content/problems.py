"""Problems found in content, reported to coordinators as FILE:LINE lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..i18n import _, ngettext

if TYPE_CHECKING:
    from .bundle import Content

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: Path
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        word = _("error") if self.severity == "error" else _("warning")
        return f"{self.file}:{self.line}: {word}: {self.message}"


@dataclass
class Report:
    """What one validation found: the content (None when it could not be
    built) and every problem, sorted by file and line."""

    content: Content | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def stops(self, strict: bool = False) -> bool:
        """True when the content may not be used: errors, or any problem
        when warnings count as errors (check --strict, publish)."""
        return self.content is None or bool(self.errors or (strict and self.problems))

    def summary(self) -> str:
        """'2 fejl, 1 advarsel' (empty when nothing was found)."""
        parts = []
        if self.errors:
            count = len(self.errors)
            parts.append(ngettext("{count} error", "{count} errors", count))
            parts[-1] = parts[-1].format(count=count)
        if self.warnings:
            count = len(self.warnings)
            parts.append(ngettext("{count} warning", "{count} warnings", count))
            parts[-1] = parts[-1].format(count=count)
        return ", ".join(parts)


class ContentError(Exception):
    """Raised when content has errors; carries every problem found in the run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        count = ngettext("{count} error", "{count} errors", len(errors)).format(
            count=len(errors)
        )
        heading = _("{count} in the content:").format(count=count)
        super().__init__(heading + "\n" + "\n".join(map(str, self.problems)))


def display_path(path: Path) -> Path:
    """The path as a coordinator typed it: relative to the working folder if inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def suggest(word: str, candidates: list[str], known: str | None = None) -> str:
    """'; did you mean …?' or the list of known ids (when short)."""
    import difflib  # only when a problem is found: a clean build never needs it

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if close:
        return _("; did you mean '{candidate}'?").format(candidate=close[0])
    if known and candidates and len(candidates) <= 12:
        return f"; {known}: " + ", ".join(sorted(candidates))
    return ""
