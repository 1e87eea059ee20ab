"""Every operation of tests/operations.json (the manifest every language's scenario runner calls
from) is a method of both Python clients: a binding that lacks one fails here, whether or not a
scenario calls it."""

from __future__ import annotations

import json
import pathlib

import pytest

import sendgrid_admin as sg

ROOT = pathlib.Path(__file__).resolve().parents[2]
OPS = json.loads((ROOT / "tests" / "operations.json").read_text())["operations"]


@pytest.mark.parametrize("cls", [sg.Client, sg.AsyncClient], ids=lambda c: c.__name__)
def test_every_operation_is_a_method(cls: type) -> None:
    c = cls("SG.parity-key", base_url="http://127.0.0.1:9")
    missing = []
    for op, how in sorted(OPS.items()):
        resource, name = op.split(".")
        method = how.get("method", name)
        if not callable(getattr(getattr(c, resource, None), method, None)):
            missing.append(f"{op} ({cls.__name__}.{resource}.{method})")
    assert not missing, f"{len(missing)} of {len(OPS)} operations missing: {missing}"
    assert len(OPS) >= 60
