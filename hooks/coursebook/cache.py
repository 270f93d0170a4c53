"""What a build keeps for the next one, under ~/.cache/coursebook/.

Compiled page templates (site/render.py), the snapshot of a build
(snapshot.py), and downloads made from unchanged inputs (content-addressed:
a file's name is the hash of what it was made from and of the package's
code). A cold `mkdocs build` whose plans and dates did not change then
neither imports python-docx or icalendar nor runs them: it copies the bytes
it made last time. Nothing here is needed: a read-only or missing home
folder only means making everything again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

# made files kept per kind (a plan's Word file, a calendar, ...): enough for
# switching between a few editions, without growing for ever
KEEP = 32
PACKAGE = Path(__file__).parent


def cache_dir(name: str) -> Path | None:
    """~/.cache/coursebook/<name>, created; None where it cannot be."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    folder = Path(base) / "coursebook" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def made_once(kind: str, inputs: object, make: Callable[[], bytes]) -> bytes:
    """The bytes make() returns for inputs, made again only when inputs (by
    their repr) or the package's code changed."""
    digest = hashlib.sha256(package_digest().encode())
    digest.update(repr(inputs).encode("utf-8"))
    folder = cache_dir("files")
    path = folder / f"{kind}-{digest.hexdigest()}" if folder else None
    if path is not None and path.is_file():
        return path.read_bytes()
    data = make()
    if path is not None:
        _keep(path, data)
        _prune(path.parent, kind)
    return data


def kept(kind: str, key: str, make: Callable[[], Any]) -> Any:
    """make()'s result for key (a hash of everything it depends on), kept
    pickled between processes; make() runs only for a key not seen before."""
    value = recall(kind, key)
    if value is None:
        value = make()
        keep(kind, key, value)
    return value


def recall(kind: str, key: str) -> Any | None:
    """What keep() kept for key, or None."""
    folder = cache_dir("kept")
    path = folder / f"{kind}-{key}" if folder else None
    if path is not None and path.is_file():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # written by another version: make it again
            path.unlink(missing_ok=True)
    return None


def keep(kind: str, key: str, value: Any) -> None:
    """Keep value (pickled) for key, for a later process's recall()."""
    folder = cache_dir("kept")
    if folder is not None:
        path = folder / f"{kind}-{key}"
        _keep(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(folder, kind)


@cache
def package_digest() -> str:
    """A hash of this package's files (code, templates, message catalogs):
    whatever an older version made is not reused, whichever module changed."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def files_digest(digest: Any, files: list[Path]) -> None:
    """Add files to digest (a hashlib object): the text files' bytes, the
    others' sizes (photos and PDFs are many megabytes, and seldom edited)."""
    for path in files:
        digest.update(str(path).encode())
        if path.is_file():
            if path.suffix in (".yml", ".yaml", ".md"):
                digest.update(path.read_bytes())
            else:
                digest.update(str(path.stat().st_size).encode())


def _keep(path: Path, data: bytes) -> None:
    # written whole under another name first: a parallel build never reads
    # half a file
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)


def _prune(folder: Path, kind: str) -> None:
    try:
        made = sorted(folder.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime)
        for old in made[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
