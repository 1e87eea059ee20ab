"""The cross-language scenarios (tests/scenarios/*.json) through the Python binding."""

from __future__ import annotations

import json
import pathlib
from typing import Any, Callable

import pytest

import sendgrid_admin as sg
from conftest import KEY, ROOT, Sandbox

SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))


def to_json(v: Any) -> Any:
    if isinstance(v, list):
        return [to_json(x) for x in v]
    if hasattr(v, "to_dict"):
        return v.to_dict()
    return v


def contains(got: Any, want: Any) -> bool:
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and contains(got[k], w) for k, w in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(contains(g, w) for g, w in zip(got, want))
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        return float(got) == float(want)
    return bool(got == want)


def lookup(v: Any, path: str) -> Any:
    for part in filter(None, path.split(".")):
        if v is None:
            return None
        v = v[int(part)] if part.isdigit() and isinstance(v, list) else (v.get(part) if isinstance(v, dict) else None)
    return v


def substitute(v: Any, names: dict[str, Any]) -> Any:
    if isinstance(v, str) and v.startswith("${") and v.endswith("}"):
        return names.get(v[2:-1], v)
    if isinstance(v, list):
        return [substitute(x, names) for x in v]
    if isinstance(v, dict):
        return {k: substitute(x, names) for k, x in v.items()}
    return v


# How each operation is called: tests/operations.json, shared by every language's runner.
OPS: dict[str, dict[str, Any]] = json.loads((ROOT / "tests" / "operations.json").read_text())["operations"]


def dispatch(c: sg.Client, op: str, a: dict[str, Any]) -> Any:
    """Operation name + JSON arguments -> the binding's method, all arguments by keyword."""
    how = OPS[op]
    renames = how.get("renames", {})
    resource, name = op.split(".")
    fn: Callable[..., Any] = getattr(getattr(c, resource), how.get("method", name))
    result = fn(**{renames.get(k, k): v for k, v in a.items()})
    return list(result) if how.get("pager") else result


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: pathlib.Path, sandbox: Sandbox) -> None:
    sc = json.loads(path.read_text())
    seeds = sc.get("sandbox", {})
    sandbox.reset(seeds.get("seed_subusers", 0), seeds.get("seed_teammates", 0))
    spec = sc.get("client", {})
    timeout = spec.get("timeout_ms", 30_000) / 1000
    client = sg.Client(spec.get("api_key", KEY), base_url=sandbox.url, max_retries=spec.get("max_retries", 0), timeout=timeout)
    names: dict[str, Any] = {}
    for n, step in enumerate(sc["steps"], 1):
        if "sandbox" in step:
            sandbox.control(step["sandbox"], step.get("body", {}))
            continue
        op, exp = step["op"], step.get("expect", {})
        c = client
        obo = substitute(step.get("on_behalf_of"), names)
        if obo:
            c = client.on_behalf_of(obo["subuser"]) if "subuser" in obo else client.for_account(obo["account"])
        where = f"{path.stem} step {n} ({op})"
        try:
            got = to_json(dispatch(c, op, substitute(step.get("args") or {}, names)))
        except sg.SendGridError as e:
            assert "error" in exp, f"{where}: unexpected {e!r}"
            assert e.kind == exp["error"], f"{where}: expected {exp['error']}, got {e.kind}: {e}"
            if "status" in exp:
                assert e.status == exp["status"], where
            if "field" in exp:
                assert e.field == exp["field"], where
            if "message" in exp:
                assert exp["message"] in str(e) or any(exp["message"] in d.message for d in e.errors), where
            if "attempts" in exp:
                assert e.attempts == exp["attempts"], where
            continue
        assert "error" not in exp, f"{where}: expected {exp['error']}, got {got!r}"[:400]
        if "ok" in exp:
            assert contains(got, substitute(exp["ok"], names)), f"{where}: {got!r}"[:600]
        if "count" in exp:
            assert isinstance(got, list) and len(got) == exp["count"], f"{where}: {len(got) if isinstance(got, list) else got}"
        for p, length in exp.get("len", {}).items():
            assert len(lookup(got, p)) == length, where
        for p in exp.get("absent", []):
            assert lookup(got, p) is None, where
        for name, p in step.get("save", {}).items():
            names[name] = lookup(got, p)
