"""Build the site into a fresh folder and swap it in only when the build succeeds.

A coordinator's typo must never leave participants with a half-written site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def safe_build(
    site_dir: Path,
    config_file: Path = Path("mkdocs.yml"),
    env: dict[str, str] | None = None,
) -> int:
    """Run `mkdocs build --strict` into a temporary folder beside site_dir.

    Returns MkDocs' exit code; site_dir is replaced only when it is 0.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(staging),
    ]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    try:
        result = subprocess.run(command, env=environment, check=False)
        if result.returncode != 0:
            return result.returncode
        old = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
