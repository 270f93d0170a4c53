"""Property-based: whatever YAML a coordinator saves, the loader either accepts it
or raises ContentError naming a file; never any other exception."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT
from coursebook.content.problems import ContentError
from coursebook.content.validation import load_content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FILES = sorted(p.relative_to(CONTENT) for p in CONTENT.rglob("*.yml"))
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=12), st.integers()), children, max_size=5
        ),
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("robust") / "content"
    shutil.copytree(CONTENT, target)
    return target


def load_and_judge(root: Path) -> None:
    try:
        load_content(root)
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert str(problem.file).endswith((".yml", "content")), problem
            assert problem.line >= 1


def with_file(root: Path, name: Path, data: bytes) -> None:
    path = root / name
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        load_and_judge(root)
    finally:
        path.write_bytes(original)


@SETTINGS
@given(name=st.sampled_from(FILES), document=documents)
def test_random_yaml_documents(workspace: Path, name: Path, document) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    with_file(workspace, name, text.encode("utf-8"))


@SETTINGS
@given(name=st.sampled_from(FILES), raw=st.binary(max_size=200))
def test_random_bytes(workspace: Path, name: Path, raw: bytes) -> None:
    with_file(workspace, name, raw)


MUTATIONS = [
    "delete",
    "duplicate",
    "swap",
    "indent",
    "dedent",
    "tab",
    "truncate",
    "insert",
]


@SETTINGS
@given(
    name=st.sampled_from(FILES),
    mutations=st.lists(
        st.tuples(
            st.sampled_from(MUTATIONS), st.integers(0, 10_000), st.text(max_size=20)
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_mutations_of_the_shipped_content(
    workspace: Path, name: Path, mutations
) -> None:
    lines = (workspace / name).read_text(encoding="utf-8").splitlines()
    for kind, position, text in mutations:
        if not lines:
            break
        i = position % len(lines)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = random.Random(position).randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i].lstrip()
        elif kind == "tab":
            lines[i] = "\t" + lines[i]
        elif kind == "truncate":
            lines[i] = lines[i][: position % (len(lines[i]) + 1)]
        else:
            lines.insert(i, text)
    with_file(workspace, name, "\n".join(lines).encode("utf-8"))
