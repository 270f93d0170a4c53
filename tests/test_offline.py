"""The offline copy's service worker and manifest as the build writes them
(downloads/offline.py); tests/browser/test_offline.py runs them in chromium."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from coursebook.downloads.offline import build_version, cached_files

# `mkdocs serve` builds after on_startup(command="serve"); this does the same
# without starting a server, in a process of its own
_SERVE_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="serve", dirty=False)
build(config)
"""


def worker_files(site: Path) -> list[str]:
    source = (site / "sw.js").read_text(encoding="utf-8")
    match = re.search(r"const FILES = (\[.*?\]);", source, re.DOTALL)
    assert match, "sw.js lists no files"
    return json.loads(match.group(1))


def test_the_worker_copies_every_page_and_download_and_nothing_else(site: Path) -> None:
    files = worker_files(site)
    pages = {
        path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
        if path.parent != site
    }
    assert pages <= set(files)
    assert "./" in files and "404.html" in files
    assert "search/search_index.json" in files
    downloads = {f"downloads/{p.name}" for p in (site / "downloads").iterdir()}
    assert downloads and downloads <= set(files)
    assert "assets/javascripts/lunr/min/lunr.da.min.js" in files
    # nothing a reader never loads: source maps, other languages' stemmers
    assert not [f for f in files if f.endswith(".map")]
    assert "assets/javascripts/lunr/min/lunr.de.min.js" not in files
    assert "assets/javascripts/lunr/wordcut.js" not in files
    assert "sw.js" not in files
    for file in files:
        assert not file.startswith(("/", "http", "..")), file


def test_pages_register_the_worker_and_the_manifest(site: Path) -> None:
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'navigator.serviceWorker.register("sw.js", { scope: "./" })' in front
    assert '<link rel="manifest" href="manifest.webmanifest">' in front
    manifest = json.loads((site / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["lang"] == "da"
    assert manifest["start_url"] == manifest["scope"] == "./"
    for icon in manifest["icons"]:
        assert (site / icon["src"]).is_file()


def test_the_version_follows_the_files(tmp_path: Path) -> None:
    (tmp_path / "side").mkdir()
    (tmp_path / "side" / "index.html").write_text("a")
    (tmp_path / "index.html").write_text("b")
    files = cached_files(tmp_path, ["da"])
    assert files == ["./", "side/"]
    first = build_version(tmp_path, files)
    assert build_version(tmp_path, files) == first
    (tmp_path / "side" / "index.html").write_text("changed")
    assert build_version(tmp_path, files) != first


def test_no_worker_under_mkdocs_serve(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-c", _SERVE_BUILD, str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEBOOK_PDF": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "serviceWorker.register" not in front
    # a worker a browser kept from a built copy on the same address retires
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "registration.unregister()" in worker and "FILES" not in worker
