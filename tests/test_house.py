"""The package's shape: no import cycle, and one place for the settings."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT
from coursebook.handbook import Handbook
from coursebook.settings import SettingsError, read
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

PACKAGE = ROOT / "hooks" / "coursebook"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that path imports (anywhere but under
    `if TYPE_CHECKING:`, which never runs)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    skipped: set[int] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if _type_checking_only(node):
            skipped |= {id(child) for child in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            base = ".".join(p for p in (base if node.level else "", node.module) if p)
            # `from . import routes` imports a module, `from .x import y` a name
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in modules}
    return found - {name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return None
        for target in sorted(graph[node]):
            found = visit(target, [*path, node])
            if found:
                return found
        done.add(node)
        return None

    for node in sorted(graph):
        found = visit(node, [])
        if found:
            return found
    return None


def test_the_package_has_no_import_cycle() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(path) for path in files}
    graph = {_module_name(path): _imports(path, modules) for path in files}
    assert "coursebook.site.routes" in graph["coursebook.downloads.guide_pdf"]
    assert _cycle(graph) is None


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_guide_pdf_does_not_plan_pages() -> None:
    source = (PACKAGE / "downloads" / "guide_pdf.py").read_text(encoding="utf-8")
    assert "plan_pages" not in source


# --- settings ---------------------------------------------------------------


def _config(tmp_path: Path, extra: str = "") -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: x\ndocs_dir: sider\nextra:\n  coursebook:\n{extra}",
        encoding="utf-8",
    )
    return config


def test_settings_come_from_mkdocs_yml(tmp_path: Path, monkeypatch) -> None:
    for name in ("COURSEBOOK_CONTENT", "COURSEBOOK_EDITION", "COURSEBOOK_PDF"):
        monkeypatch.delenv(name, raising=False)
    config = _config(
        tmp_path, "    content: kursus\n    edition: efteraar-2027\n    pdf: false\n"
    )
    settings = read(config)
    assert settings.content_dir == tmp_path / "kursus"
    assert settings.docs_dir == tmp_path / "sider"
    assert settings.edition == "efteraar-2027"
    assert settings.pdf is False


def test_environment_overrides_the_settings(tmp_path: Path, monkeypatch) -> None:
    config = _config(tmp_path, "    content: kursus\n    pdf: false\n")
    monkeypatch.setenv("COURSEBOOK_CONTENT", str(tmp_path / "andet"))
    monkeypatch.setenv("COURSEBOOK_EDITION", "foraar-2028")
    monkeypatch.setenv("COURSEBOOK_PDF", "1")
    settings = read(config)
    assert settings.content_dir == tmp_path / "andet"
    assert settings.edition == "foraar-2028"
    assert "COURSEBOOK_EDITION" in (settings.edition_source or "")
    assert settings.pdf is True


def test_a_wrong_setting_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("COURSEBOOK_LANG", raising=False)
    config = _config(tmp_path, "    pdf: maybe\n    contnet: kursus\n")
    with pytest.raises(SettingsError) as caught:
        read(config)
    message = str(caught.value)
    assert f"{config}: fejl: extra.coursebook.pdf: " in message
    assert "extra.coursebook.contnet: " in message


def _cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coursebook.commands.cli", *args],
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "COURSEBOOK_LANG": "en", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_reads_content_from_the_environment(tmp_path: Path) -> None:
    # no content/ here: only COURSEBOOK_CONTENT says where it is, as for a build
    result = _cli("check", cwd=tmp_path, COURSEBOOK_CONTENT=str(CONTENT))
    assert result.returncode == 0, result.stdout + result.stderr
    missing = _cli("check", cwd=tmp_path)
    assert missing.returncode == 1
    assert "content folder was not found" in missing.stdout


def test_build_stops_on_a_wrong_setting() -> None:
    # PluginError: MkDocs prints the message and stops, without a traceback
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.extra["coursebook"] = {"pdf": "maybe"}
    with pytest.raises(PluginError, match=r"mkdocs.yml: .*extra.coursebook.pdf: "):
        Handbook().configure(config)
