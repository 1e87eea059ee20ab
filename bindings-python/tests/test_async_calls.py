"""What an `AsyncClient` method returns: a native coroutine that asyncio takes everywhere it
takes one (await, create_task, gather, wait_for, asyncio.run), lazy, cancellable, single-use."""

from __future__ import annotations

import asyncio
import gc
import warnings

import pytest

import sendgrid_admin as sg
from conftest import Sandbox


def requests(sb: Sandbox) -> int:
    return int(sb.stats()["counters"]["requests"])


def test_every_asyncio_entry_point_takes_a_call(sb: Sandbox, aclient: sg.AsyncClient) -> None:
    async def main() -> None:
        assert (await aclient.monitor.create("sub00001", "a@example.com", 5)).frequency == 5
        assert (await asyncio.create_task(aclient.monitor.get("sub00001"))).frequency == 5
        got = await asyncio.gather(*(aclient.monitor.get("sub00001") for _ in range(20)))
        assert [m.frequency for m in got] == [5] * 20
        assert (await asyncio.wait_for(aclient.monitor.get("sub00001"), 5)).email == "a@example.com"
        done, _ = await asyncio.wait([asyncio.ensure_future(aclient.subusers.list())])
        assert len(done.pop().result()) == 3
        task = asyncio.create_task(aclient.subusers.list())
        assert "pending" in repr(task)
        await task

    asyncio.run(main())
    assert len(asyncio.run(aclient.subusers.list())) == 3  # a call is a coroutine for asyncio.run


def test_errors_arrive_typed_and_a_call_is_single_use(sb: Sandbox, aclient: sg.AsyncClient) -> None:
    async def main() -> None:
        with pytest.raises(sg.NotFoundError):
            await aclient.monitor.get("sub00001")
        call = aclient.subusers.list()
        await call
        with pytest.raises(RuntimeError, match="already awaited"):
            await call

    asyncio.run(main())


def test_a_task_cancelled_before_it_ran_sends_nothing(sb: Sandbox, aclient: sg.AsyncClient) -> None:
    before = requests(sb)

    async def main() -> None:
        task = asyncio.create_task(aclient.subusers.delete("sub00001"))
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert requests(sb) == before


def test_a_closed_call_sends_nothing_and_does_not_warn(sb: Sandbox, aclient: sg.AsyncClient) -> None:
    before = requests(sb)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call = aclient.subusers.delete("sub00001")
        call.close()
        del call
        gc.collect()
    assert [str(w.message) for w in caught] == []
    assert requests(sb) == before


def test_cancelling_a_running_call_abandons_it(sb: Sandbox, aclient: sg.AsyncClient) -> None:
    sb.control("faults", {"latency_ms": 5_000})

    async def main() -> None:
        task = asyncio.create_task(aclient.subusers.list())
        await asyncio.sleep(0.1)  # the request is on its way
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    try:
        asyncio.run(asyncio.wait_for(main(), 2))
    finally:
        sb.control("faults", {})


def test_a_loop_that_cannot_watch_a_descriptor_still_gets_results(sb: Sandbox, aclient: sg.AsyncClient) -> None:
    class NoReaders(asyncio.SelectorEventLoop):
        def add_reader(self, *args: object) -> None:
            raise NotImplementedError

    loop = NoReaders()
    try:
        subs = loop.run_until_complete(aclient.subusers.list())
        with pytest.raises(sg.NotFoundError):
            loop.run_until_complete(aclient.monitor.get("sub00001"))
    finally:
        loop.close()
    assert len(subs) == 3
