"""Replace a folder in one step: build beside it, then rename into place.

`build` (site/), `publish --to` (one edition's folder) and `unpublish` all
write folders that someone may be reading. Each writes its new folder under a
temporary name beside the target (same file system, so the rename is atomic)
and swaps it in only when it is complete; a failure leaves the old folder as
it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A fresh temporary folder beside target, removed again unless it was
    swapped in with replace_folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the site from the web server
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_folder(staging: Path, target: Path) -> None:
    """Put staging where target is (target may not exist yet).

    Two renames: target out of the way, staging in. Between them the name is
    missing for a moment, never half-written."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def remove_folder(target: Path) -> None:
    """Remove target by renaming it away first, so no reader sees it half-deleted."""
    if not target.exists():
        return
    gone = target.with_name(f".{target.name}-removed")
    shutil.rmtree(gone, ignore_errors=True)
    target.rename(gone)
    shutil.rmtree(gone, ignore_errors=True)
