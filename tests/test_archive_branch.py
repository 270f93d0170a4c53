"""`archive ID --push`: a finished edition on the gh-pages branch (mike) is
rebuilt without the instructors' names and photos and pushed over its own
version, as a gh-pages host would then serve it; also from a fresh clone,
where gh-pages is only on the server."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from conftest import replace
from projects import add_finished_edition, git, make_project, run_coursebook

ROLE = "Underviser, organisationspsykolog"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project with foraar-2020 (over) committed, and an empty bare git
    repository as its `origin`, the server."""
    repo = make_project(tmp_path / "projekt")
    add_finished_edition(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Forår 2020")
    server = tmp_path / "server.git"
    subprocess.run(["git", "init", "-q", "--bare", str(server)], check=True)
    git(repo, "remote", "add", "origin", str(server))
    return repo


def served(repo: Path, into: Path) -> Path:
    """The gh-pages branch as the server has it, checked out into a folder
    (aliases are symlinks there, as on a gh-pages host)."""
    server = git(repo, "remote", "get-url", "origin").strip()
    subprocess.run(
        ["git", "clone", "-q", "--branch", "gh-pages", server, str(into)], check=True
    )
    return into


def server_ref(repo: Path) -> str:
    """The commit gh-pages is at on the server ("" before the first push)."""
    return git(repo, "ls-remote", "origin", "refs/heads/gh-pages").split("\t")[0]


def aliases(repo: Path) -> dict[str, list[str]]:
    versions = json.loads(git(repo, "show", "origin/gh-pages:versions.json"))
    return {v["version"]: v["aliases"] for v in versions}


def assert_without_personal_data(folder: Path) -> None:
    pages = [p for p in folder.rglob("*.html") if "Anne" in p.read_text("utf-8")]
    assert pages == []
    assert not list(folder.rglob("anne.png"))
    people = (folder / "undervisere" / "index.html").read_text("utf-8")
    assert ROLE in people


def archive(repo: Path, edition: str, *flags: str) -> subprocess.CompletedProcess:
    return run_coursebook("archive", edition, "--push", *flags, cwd=repo)


def test_archive_push_replaces_names_by_role_and_leaves_the_other_edition(
    repo: Path, tmp_path: Path
) -> None:
    for edition in ("foraar-2020", "foraar-2027"):
        published = run_coursebook("publish", edition, "--push", cwd=repo)
        assert published.returncode == 0, published.stdout + published.stderr
    before = served(repo, tmp_path / "before")
    assert "Anne Andersen" in (
        before / "foraar-2020" / "undervisere" / "index.html"
    ).read_text("utf-8")
    assert (before / "foraar-2020" / "billeder" / "anne.png").is_file()
    other = git(repo, "rev-parse", "origin/gh-pages:foraar-2027").strip()
    selector = aliases(repo)
    assert selector == {"foraar-2027": ["aktuel"], "foraar-2020": []}

    result = archive(repo, "foraar-2020")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Arkiveret: Forår 2020 (foraar-2020) på grenen gh-pages" in result.stdout
    assert "skubbet til origin" in result.stdout

    after = served(repo, tmp_path / "after")
    assert_without_personal_data(after / "foraar-2020")
    # the newer edition, its alias and the list are as they were
    assert git(repo, "rev-parse", "origin/gh-pages:foraar-2027").strip() == other
    assert aliases(repo) == selector
    assert (after / "aktuel" / "index.html").read_text("utf-8") == (
        after / "foraar-2027" / "index.html"
    ).read_text("utf-8")
    message = git(repo, "log", "-1", "--format=%s", "origin/gh-pages")
    head = git(repo, "rev-parse", "main").strip()
    assert (
        message
        == f"Archive foraar-2020 without personal data, built from commit {head}\n"
    )

    # a build that fails changes neither the branch here nor on the server
    (repo / "docs" / "ny-side.md").write_text("# Ny\n\n[x](findes-ikke.md)\n")
    local, remote = git(repo, "rev-parse", "gh-pages"), server_ref(repo)
    failed = archive(repo, "foraar-2020", "--commit")
    assert failed.returncode == 1
    assert "intet er udgivet" in failed.stderr
    assert git(repo, "rev-parse", "gh-pages") == local
    assert server_ref(repo) == remote


def test_archive_push_keeps_aktuel_and_refuses_what_it_cannot_archive(
    repo: Path, tmp_path: Path
) -> None:
    # an edition that is not over yet, whatever day the test runs
    year = dt.date.today().year + 2
    editions = repo / "content" / "editions"
    coming = editions / f"foraar-{year}.yml"
    coming.write_text((editions / "foraar-2027.yml").read_text("utf-8"), "utf-8")
    replace(coming, "Forår 2027", f"Forår {year}")
    coming.write_text(coming.read_text("utf-8").replace("2027-", f"{year}-"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Forår {year}")

    unpublished = archive(repo, "foraar-2020")
    assert unpublished.returncode == 1
    assert "foraar-2020 er ikke udgivet på grenen gh-pages" in unpublished.stderr
    assert server_ref(repo) == ""
    published = run_coursebook("publish", "foraar-2020", "--push", cwd=repo)
    assert published.returncode == 0, published.stdout + published.stderr
    # the next coordinator works in a fresh clone: gh-pages is only on the
    # server there (origin/gh-pages)
    git(repo, "push", "-q", "origin", "main")
    server = git(repo, "remote", "get-url", "origin").strip()
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--branch", "main", server, str(clone))
    too_early = archive(clone, f"foraar-{year}")
    assert too_early.returncode == 1
    assert f"Forår {year} er ikke slut endnu" in too_early.stderr
    assert "Traceback" not in too_early.stderr + unpublished.stderr

    result = archive(clone, "foraar-2020")
    assert result.returncode == 0, result.stdout + result.stderr
    assert aliases(clone) == {"foraar-2020": ["aktuel"]}
    site = served(repo, tmp_path / "site")
    for folder in ("foraar-2020", "aktuel"):
        assert_without_personal_data(site / folder)

    # the branch here and the server's have gone different ways: refused, with
    # the way out, before anything is built
    for where in (repo, clone):
        git(where, "fetch", "-q", "origin")
        tree = git(where, "rev-parse", "origin/gh-pages^{tree}").strip()
        made = git(
            where, "commit-tree", tree, "-p", "origin/gh-pages", "-m", str(where)
        )
        git(where, "branch", "-f", "gh-pages", made.strip())
    git(repo, "push", "-q", "origin", "gh-pages")
    git(clone, "fetch", "-q", "origin")
    mine = git(clone, "rev-parse", "gh-pages")
    diverged = archive(clone, "foraar-2020")
    assert diverged.returncode == 1
    assert "har hver sine ændringer" in diverged.stderr
    assert "git branch -f gh-pages origin/gh-pages" in diverged.stderr
    assert git(clone, "rev-parse", "gh-pages") == mine
