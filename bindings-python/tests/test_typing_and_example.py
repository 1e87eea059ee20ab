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


def test_stubs_type_enumerated_parameters_as_literals(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad_literal.py"
    bad.write_text(
        "import sendgrid_admin as sg\n"
        "from sendgrid_admin.types import CreditType\n"
        "c = sg.Client('k', region='us')\n"
        "t: CreditType = 'recurring'\n"
        "c.credits.set('acme', t, reset_frequency='hourly')\n"
        "e = sg.SendGridError()\n"
        "k: bool = e.kind == 'not_found'\n"
    )
    r = mypy(str(bad))
    assert r.returncode != 0, r.stdout
    errors = [line for line in r.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 2 and "region" in errors[0] and "reset_frequency" in errors[1], r.stdout


def test_example_runs(sb: Sandbox) -> None:
    r = subprocess.run([sys.executable, str(EXAMPLE), sb.url, KEY], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "refused before sending: monitor.frequency" in r.stdout


def test_stubs_match_the_runtime() -> None:
    """mypy's stubtest: every class, method and parameter of the .pyi exists at run time as
    declared (PEP 800 disjoint-base marks aside; `_native.__all__` is pyo3's)."""
    pytest.importorskip("mypy")
    allow = HERE / "tests" / "stubtest_allowlist.txt"
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "sendgrid_admin", "--ignore-disjoint-bases", "--allowlist", str(allow)],
        capture_output=True, text=True, cwd=HERE,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_sync_and_async_resources_are_distinct_classes() -> None:
    import sendgrid_admin as sg

    c, a = sg.Client("k", base_url="http://127.0.0.1:9"), sg.AsyncClient("k", base_url="http://127.0.0.1:9")
    pairs = [(c.subusers, a.subusers, sg.Subusers, sg.AsyncSubusers), (c.monitor, a.monitor, sg.MonitorSettings, sg.AsyncMonitorSettings),
             (c.teammates, a.teammates, sg.Teammates, sg.AsyncTeammates), (c.bulk, a.bulk, sg.Bulk, sg.AsyncBulk)]
    for sync, asy, sync_cls, async_cls in pairs:
        assert type(sync) is sync_cls and type(asy) is async_cls
