"""Starts the sandbox binary once per session on a free port; each test resets it."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import urllib.request
from typing import Any, Iterator

import pytest

import sendgrid_admin as sg

ROOT = pathlib.Path(__file__).resolve().parents[2]
KEY = "SG.sandbox-key"
sys.path.insert(0, str(ROOT / "tests"))
from binaries import built  # noqa: E402  (tests/binaries.py, shared with the benchmarks)


def sandbox_binary() -> str:
    explicit = os.environ.get("SENDGRID_ADMIN_SANDBOX")
    if explicit:
        return explicit
    found = built("sendgrid-admin-sandbox", ("debug", "release"))
    if found:
        return str(found)
    raise RuntimeError("build the sandbox first: cargo build -p sendgrid-admin-sandbox")


class Sandbox:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sandbox_binary(), "--port", "0", "--customer-account", "42"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        self.url = line.strip().rsplit(" ", 1)[-1]
        assert self.url.startswith("http://127.0.0.1:"), line

    def control(self, name: str, body: dict[str, Any] | None = None) -> None:
        req = urllib.request.Request(
            f"{self.url}/__sandbox/{name}",
            data=json.dumps(body or {}).encode(),
            headers={"content-type": "application/json"},
            method="POST",
        )
        urllib.request.urlopen(req).read()

    def reset(self, subusers: int = 0, teammates: int = 0) -> None:
        self.control("reset", {"seed_subusers": subusers, "seed_teammates": teammates})

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/__sandbox/stats") as r:
            return dict(json.loads(r.read()))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    s = Sandbox()
    yield s
    s.close()


@pytest.fixture()
def sb(sandbox: Sandbox) -> Sandbox:
    sandbox.reset(subusers=3, teammates=4)
    return sandbox


@pytest.fixture()
def client(sb: Sandbox) -> sg.Client:
    return sg.Client(KEY, base_url=sb.url, max_retries=0)


@pytest.fixture()
def aclient(sb: Sandbox) -> sg.AsyncClient:
    return sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)
