"""What only `mkdocs serve` does: content errors shown in the browser, and the
PDFs made in a background process. State here outlives one rebuild: MkDocs
loads the hook file anew for every rebuild, but this package only once."""

from __future__ import annotations

_serving = False


def start(command: str) -> None:
    """Called once, from the hook's on_startup."""
    global _serving
    _serving = command == "serve"


def serving() -> bool:
    return _serving
