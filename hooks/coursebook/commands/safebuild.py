"""Build the site into a fresh folder and swap it in only when the build succeeds.

A coordinator's typo must never leave participants with a half-written site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .folders import replace_folder, staged


def safe_build(
    site_dir: Path,
    config_file: Path = Path("mkdocs.yml"),
    env: dict[str, str] | None = None,
) -> int:
    """Run `mkdocs build --strict` into a temporary folder beside site_dir.

    Returns MkDocs' exit code; site_dir is replaced only when it is 0.
    """
    site_dir = site_dir.resolve()
    with staged(site_dir) as staging:
        result = run_mkdocs_build(staging, config_file, env)
        if result == 0:
            replace_folder(staging, site_dir)
        return result


def run_mkdocs_build(
    site_dir: Path, config_file: Path, env: dict[str, str] | None = None
) -> int:
    """`mkdocs build --strict` into site_dir; MkDocs' exit code."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, env=environment, check=False).returncode
