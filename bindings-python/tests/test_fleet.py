"""Processes sharing one key through a real redis-server (started here on a free port)."""

from __future__ import annotations

import multiprocessing
import shutil
import socket
import subprocess
import time
from typing import Iterator

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def redis_url() -> Iterator[str]:
    assert shutil.which("redis-server"), "install redis-server (Debian: apt-get install redis-server)"
    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.01)
    yield f"redis://127.0.0.1:{port}/0"
    proc.kill()
    proc.wait()


def update_slice(args: tuple[str, str | None, int, int]) -> int:
    url, store, start, end = args
    c = sg.Client(KEY, base_url=url, rate_limit_store=store)
    items = [(f"sub{i:05}", "audit@example.com", 10) for i in range(start, end + 1)]
    return sum(1 for r in c.bulk.update_monitors(items) if not r.ok)


def run_fleet(sb: Sandbox, store: str | None) -> tuple[list[int], int]:
    """400 monitor updates by 4 spawned processes at 100 per second: failed items per process,
    and the 429s the sandbox answered."""
    sb.reset(subusers=400)
    sb.control("rate-limit", {"limit": 100, "window_secs": 1})
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        failed = pool.map(update_slice, [(sb.url, store, 1 + 100 * w, 100 + 100 * w) for w in range(4)])
    return failed, int(sb.stats()["counters"]["rate_limited"])


def test_processes_sharing_a_key_pace_together(sb: Sandbox, redis_url: str) -> None:
    failed, limited = run_fleet(sb, redis_url)
    assert failed == [0, 0, 0, 0]
    assert limited <= 8, f"{limited} 429s for 400 items (0 on a quiet machine)"


def test_processes_sharing_a_key_without_a_store_lose_nothing(sb: Sandbox) -> None:
    # No infrastructure: each process paces from the answers alone. Taking a window's last
    # places costs about one 429 per process per window (each retried at the reset); no item
    # may be lost. The bound on 429s is loose: the count, not the time, is what is checked.
    failed, limited = run_fleet(sb, None)
    assert failed == [0, 0, 0, 0]
    assert limited <= 60, f"{limited} 429s for 400 items"


def test_a_wrong_store_url_is_invalid_input(sb: Sandbox) -> None:
    with pytest.raises(sg.InvalidInputError) as e:
        sg.Client(KEY, base_url=sb.url, rate_limit_store="http://127.0.0.1:6379")
    assert e.value.field == "rate_limit_store"


def test_an_unreachable_store_falls_back_to_local_pacing(sb: Sandbox) -> None:
    c = sg.AsyncClient(KEY, base_url=sb.url, rate_limit_store=f"redis://127.0.0.1:{free_port()}/0")
    import asyncio

    assert len(asyncio.run(c.subusers.list())) == 3
