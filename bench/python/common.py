"""Shared by the Python benchmarks: the sandbox binary on a free port, and table printing."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import time
import urllib.request
from typing import Any, Sequence

ROOT = pathlib.Path(__file__).resolve().parents[2]
KEY = "SG.sandbox-key"
sys.path.insert(0, str(ROOT / "tests"))
from binaries import built  # noqa: E402  (tests/binaries.py, shared with the Python tests)
# bench/run sets the cargo profile it built; by hand, release is preferred over debug.
PROFILES = [os.environ["BENCH_PROFILE"]] if os.environ.get("BENCH_PROFILE") else ["release", "debug"]


def sandbox_binary() -> str:
    found = built("sendgrid-admin-sandbox", PROFILES)
    if found:
        return str(found)
    raise SystemExit("build the sandbox first: cargo build --release -p sendgrid-admin-sandbox")


class Sandbox:
    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([sandbox_binary(), "--port", "0", *args], stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip().rsplit(" ", 1)[-1]

    def control(self, name: str, body: dict[str, Any]) -> None:
        req = urllib.request.Request(f"{self.url}/__sandbox/{name}", data=json.dumps(body).encode(), headers={"content-type": "application/json"}, method="POST")
        urllib.request.urlopen(req).read()

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/__sandbox/stats") as r:
            return dict(json.loads(r.read()))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()


def names(n: int) -> list[str]:
    return [f"sub{i:05}" for i in range(1, n + 1)]


def timed(fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def ceiling(url: str, n: int, concurrency: int) -> float:
    """Requests/s of a bare HTTP client (the Rust bench binary's --ceiling mode) on the same PUTs."""
    b = built("sendgrid-admin-bench", PROFILES)
    if b:
        out = subprocess.run([str(b), "--ceiling", url, "--n", str(n), "--subusers", str(n), "--concurrency", str(concurrency)], capture_output=True, text=True, check=True)
        return float(out.stdout.strip())
    raise SystemExit("build the bench binary first: cargo build --release -p sendgrid-admin-bench")


def align(window: int = 1) -> None:
    """Sleeps until just past the next multiple of `window` seconds (the sandbox's windows), so
    that a rate-limited run starts with a whole window, as ceil(N/L)·window assumes."""
    now = time.time()
    time.sleep(window - now % window + 0.005)
