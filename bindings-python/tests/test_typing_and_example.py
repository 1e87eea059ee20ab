"""The stubs are complete enough for `mypy --strict`, and the package example runs."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

from conftest import KEY, Sandbox

HERE = pathlib.Path(__file__).resolve().parents[1]
EXAMPLE = HERE / "examples" / "typed_example.py"


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args], capture_output=True, text=True)


def test_example_passes_mypy_strict() -> None:
    r = mypy(str(EXAMPLE))
    assert r.returncode == 0, r.stdout + r.stderr


def test_stubs_catch_wrong_types(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('import sendgrid_admin as sg\nc = sg.Client("k")\nn: int = c.subusers.list(limit="5")\n')
    r = mypy(str(bad))
    assert r.returncode != 0 and "limit" in r.stdout and "list[Subuser]" in r.stdout, r.stdout


def test_example_runs(sb: Sandbox) -> None:
    r = subprocess.run([sys.executable, str(EXAMPLE), sb.url, KEY], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "refused before sending: monitor.frequency" in r.stdout
