"""The binding in the process models ops scripts and back-ends run it in: fork (gunicorn
--preload, Celery prefork, multiprocessing), spawn/forkserver, Ctrl-C, asyncio tasks."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import multiprocessing
import os
import signal
import threading
import time
import warnings
from typing import Any

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox

# Set by the tests before forking; read in the children (fork) or given as arguments (spawn).
URL = ""
INHERITED: sg.Client | None = None


def count_subusers(url: str) -> int:
    """Runs in a worker: a client made in the worker process."""
    return len(sg.Client(KEY, base_url=url, max_retries=0).subusers.list())


def count_with_inherited(_: int) -> int:
    """Runs in a forked worker: the client made (and used) by the parent before the fork."""
    assert INHERITED is not None
    return len(INHERITED.subusers.list())


def fork_and_wait(child: Any, timeout: float = 30.0) -> int:
    """Forks, runs `child()` in the child (exit 0 when it returns True), and returns the exit
    status; a child still running after `timeout` is killed and counts as a hang."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = 0 if child() else 3
        except BaseException:  # noqa: BLE001 - report anything as a failure
            import traceback

            traceback.print_exc()
            code = 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return -999  # hung


def test_fork_after_use_inherited_and_new_clients(sb: Sandbox) -> None:
    parent = sg.Client(KEY, base_url=sb.url, max_retries=0)
    assert len(parent.subusers.list()) == 3  # the pool and runtime are live before the fork
    scoped = parent.on_behalf_of("sub00001")
    assert fork_and_wait(lambda: len(parent.subusers.list()) == 3) == 0
    assert fork_and_wait(lambda: count_subusers(sb.url) == 3) == 0
    assert fork_and_wait(lambda: isinstance(scoped.scopes.list(), list)) == 0
    # The parent still works, and a child can fork again.
    assert len(parent.subusers.list()) == 3
    assert fork_and_wait(lambda: fork_and_wait(lambda: len(parent.subusers.list()) == 3) == 0) == 0


def test_fork_after_use_async_client(sb: Sandbox) -> None:
    aparent = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)
    assert len(asyncio.run(aparent.subusers.list())) == 3

    async def both() -> bool:
        fresh = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)
        a, b = await asyncio.gather(aparent.subusers.list(), fresh.subusers.list())
        return len(a) == len(b) == 3

    assert fork_and_wait(lambda: asyncio.run(both())) == 0
    assert len(asyncio.run(aparent.subusers.list())) == 3


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_multiprocessing_pool(sb: Sandbox, method: str) -> None:
    global INHERITED
    INHERITED = sg.Client(KEY, base_url=sb.url, max_retries=0)
    assert len(INHERITED.subusers.list()) == 3
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(3) as pool:
        assert pool.map(count_subusers, [sb.url] * 6, chunksize=1) == [3] * 6
        if method == "fork":
            assert pool.map(count_with_inherited, range(6), chunksize=1) == [3] * 6


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_process_pool_executor(sb: Sandbox, method: str) -> None:
    sg.Client(KEY, base_url=sb.url, max_retries=0).subusers.list()
    ctx = multiprocessing.get_context(method)
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as ex:
        assert list(ex.map(count_subusers, [sb.url] * 4)) == [3] * 4


@pytest.fixture(autouse=True)
def sigint_raises() -> Any:
    """Python leaves SIGINT ignored when it starts ignored (a background job of a
    non-interactive shell, as in CI): install the standard handler, as an interactive
    terminal would have."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


def interrupt_after(seconds: float) -> None:
    threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT)).start()


def test_ctrl_c_stops_a_blocking_call_promptly(sb: Sandbox, client: sg.Client) -> None:
    sb.control("faults", {"latency_ms": 10_000})
    interrupt_after(0.3)
    t = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        client.subusers.list()
    assert time.monotonic() - t < 0.3 + 0.5


def test_ctrl_c_stops_a_sync_pager_and_a_sync_bulk_job(sb: Sandbox, client: sg.Client) -> None:
    sb.reset(subusers=300)
    sb.control("faults", {"latency_ms": 200})
    pager = client.subusers.iter_all(page_size=1)
    interrupt_after(0.5)
    t = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        for _ in pager:
            pass
    assert time.monotonic() - t < 0.5 + 0.5
    names = [f"sub{i:05}" for i in range(1, 301)]
    interrupt_after(0.5)
    t = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        client.bulk.set_disabled(names, True, concurrency=2)
    assert time.monotonic() - t < 0.5 + 0.5
    # The job stopped: far fewer than 300 subusers were disabled.
    time.sleep(0.5)
    sb.control("faults", {})
    disabled = sum(1 for s in client.subusers.list(limit=500) if s.disabled)
    assert disabled < 100, disabled


def test_async_calls_are_lazy_coroutines(sb: Sandbox) -> None:
    aclient = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)
    before = sb.stats()["counters"]["requests"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call = aclient.subusers.delete("sub00001")  # outside any running loop: no error
        assert asyncio.iscoroutine(call)
        del call
        gc.collect()
    assert any("never awaited" in str(w.message) for w in caught), [str(w.message) for w in caught]
    assert sb.stats()["counters"]["requests"] == before, "an un-awaited call sent nothing"

    async def main() -> int:
        task = asyncio.create_task(aclient.subusers.list())
        return len(await task)

    assert asyncio.run(main()) == 3
    assert sb.stats()["counters"]["requests"] == before + 1


def test_cancelling_an_async_call_cancels_the_request(sb: Sandbox) -> None:
    aclient = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)
    sb.control("faults", {"latency_ms": 5_000})

    async def main() -> float:
        t = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(aclient.subusers.list(), 0.2)
        return time.monotonic() - t

    assert asyncio.run(main()) < 1.0


def test_async_results_reach_every_event_loop(sb: Sandbox) -> None:
    """Results are handed to the loop that awaits them: loops in several threads at once, loops
    made one after another (asyncio.run), and a cancelled call among finished ones."""
    aclient = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)

    async def burst(n: int) -> list[str]:
        got = await asyncio.gather(*(aclient.monitor.update("sub00001", "a@example.com", 1 + i) for i in range(n)))
        return [m.email for m in got]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda n: asyncio.run(burst(n)), [50, 60, 70, 80]))
    assert [len(o) for o in outs] == [50, 60, 70, 80]
    for _ in range(3):
        assert len(asyncio.run(burst(10))) == 10

    async def with_a_cancelled_call() -> int:
        sb.control("faults", {"latency_ms": 300})
        slow = asyncio.create_task(aclient.subusers.list())
        await asyncio.sleep(0.05)
        sb.control("faults", {})
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        return len(await burst(20))

    assert asyncio.run(with_a_cancelled_call()) == 20


class NoReaderLoop(asyncio.SelectorEventLoop):
    """An event loop that cannot watch file descriptors (like Windows' proactor loop)."""

    def add_reader(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError


def test_async_calls_work_on_a_loop_without_add_reader(sb: Sandbox) -> None:
    aclient = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)

    async def main() -> int:
        subs = await aclient.subusers.list()
        got = await asyncio.gather(*(aclient.monitor.get(s.username) for s in subs), return_exceptions=True)
        with pytest.raises(sg.NotFoundError):
            await aclient.monitor.get("nobody-here")
        return len(got)

    loop = NoReaderLoop()
    try:
        assert loop.run_until_complete(main()) == 3
    finally:
        loop.close()


def test_async_bulk_progress_runs_on_the_loop_and_its_exception_cancels(sb: Sandbox) -> None:
    sb.reset(subusers=200)
    aclient = sg.AsyncClient(KEY, base_url=sb.url, max_retries=0)
    names = [f"sub{i:05}" for i in range(1, 201)]

    async def ok() -> tuple[set[int], int, int]:
        threads: set[int] = set()
        seen: list[sg.BulkProgress] = []

        def progress(p: sg.BulkProgress) -> None:
            threads.add(threading.get_ident())
            seen.append(p)

        out = await aclient.bulk.set_disabled(names[:50], True, progress=progress)
        assert len(seen) == 50, "every event is delivered before the await returns"
        return threads, threading.get_ident(), len(out)

    threads, loop_thread, n = asyncio.run(ok())
    assert threads == {loop_thread} and n == 50

    class Stop(Exception):
        pass

    async def failing() -> None:
        def progress(p: sg.BulkProgress) -> None:
            if p.done >= 5:
                raise Stop("enough")

        sb.control("faults", {"latency_ms": 20})
        await aclient.bulk.set_disabled(names[50:], True, concurrency=2, progress=progress)

    with pytest.raises(Stop):
        asyncio.run(failing())
    time.sleep(0.3)
    sb.control("faults", {})
    disabled = sum(1 for s in sg.Client(KEY, base_url=sb.url).subusers.list(limit=500) if s.disabled)
    assert disabled < 50 + 60, disabled


def test_sync_bulk_progress_runs_on_the_caller_and_its_exception_cancels(sb: Sandbox, client: sg.Client) -> None:
    sb.reset(subusers=200)
    names = [f"sub{i:05}" for i in range(1, 201)]
    threads: set[int] = set()
    client.bulk.set_disabled(names[:20], True, progress=lambda p: threads.add(threading.get_ident()))
    assert threads == {threading.get_ident()}

    def progress(p: sg.BulkProgress) -> None:
        if p.done >= 5:
            raise ValueError("stop")

    sb.control("faults", {"latency_ms": 20})
    with pytest.raises(ValueError, match="stop"):
        client.bulk.set_disabled(names[20:], True, concurrency=2, progress=progress)
    time.sleep(0.3)
    sb.control("faults", {})
    disabled = sum(1 for s in client.subusers.list(limit=500) if s.disabled)
    assert disabled < 20 + 60, disabled
