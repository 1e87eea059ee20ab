"""Scoped on-behalf-of without leaks, iterators over 1,000 subusers, threads, bulk helpers."""

from __future__ import annotations

import threading

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox


def test_on_behalf_of_returns_a_new_client_and_never_leaks(client: sg.Client) -> None:
    client.subusers.create("acme", "ops@acme.example", "pw-123456")
    acme = client.on_behalf_of("acme")
    assert acme.current_on_behalf_of == "acme" and client.current_on_behalf_of is None
    assert [t.username for t in acme.teammates.list()] == ["acme"]
    assert len(client.teammates.list()) == 5
    assert [t.username for t in acme.teammates.list()] == ["acme"]
    assert "subusers.create" not in acme.scopes.list()
    assert "subusers.create" in client.scopes.list()
    assert acme.as_parent().current_on_behalf_of is None
    customer = client.for_account("42")
    assert customer.current_on_behalf_of == "account-id 42"
    assert len(customer.teammates.list()) == 1


def test_default_on_behalf_of_in_the_constructor(sb: Sandbox) -> None:
    sg.Client(KEY, base_url=sb.url).subusers.create("acme", "ops@acme.example", "pw-123456")
    c = sg.Client(KEY, base_url=sb.url, on_behalf_of="acme")
    assert [t.username for t in c.teammates.list()] == ["acme"]
    assert len(c.as_parent().teammates.list()) == 5


def test_iterating_1000_subusers(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=1000, teammates=1)
    names = [s.username for s in client.subusers.iter_all(page_size=128)]
    assert len(names) == 1000 and len(set(names)) == 1000
    assert sum(1 for _ in client.teammates.iter_subuser_access("teammate0001", page_size=64)) == 1000


def test_iter_subuser_access_takes_page_size_and_limit_is_deprecated(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=5, teammates=1)
    with pytest.warns(DeprecationWarning, match="use page_size="):
        old = [a.id for a in client.teammates.iter_subuser_access("teammate0001", limit=2)]
    assert old == [a.id for a in client.teammates.iter_subuser_access("teammate0001", page_size=2)]
    with pytest.raises(sg.InvalidInputError) as e:
        client.teammates.iter_subuser_access("teammate0001", page_size=2, limit=2)
    assert e.value.field == "limit"


@pytest.mark.asyncio
async def test_async_iteration_over_1000_subusers(sb: Sandbox) -> None:
    sb.reset(subusers=1000, teammates=2)
    c = sg.AsyncClient(KEY, base_url=sb.url)
    seen = [s.id async for s in c.subusers.iter_all(page_size=200)]
    assert len(set(seen)) == 1000
    access = [a.id async for a in c.teammates.iter_subuser_access("teammate0002", page_size=64)]
    assert len(access) == 500
    assert [t.username async for t in c.teammates.iter_all(page_size=1)] == ["sandbox-parent", "teammate0001", "teammate0002"]


def test_each_pager_offers_only_its_own_protocol(client: sg.Client, aclient: sg.AsyncClient) -> None:
    sync_pager, async_pager = client.subusers.iter_all(), aclient.subusers.iter_all()
    assert type(sync_pager) is sg.Pager and type(async_pager) is sg.AsyncPager
    with pytest.raises(TypeError):
        iter(async_pager)  # type: ignore[call-overload]
    assert not hasattr(sync_pager, "__aiter__") and not hasattr(async_pager, "__next__")
    assert sg.Pager[sg.Subuser] is not None and sg.AsyncPager[sg.Subuser] is not None


def test_iteration_raises_the_error(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=30)
    sb.control("faults", {"sequence": ["ok", 404]})
    it = client.subusers.iter_all(page_size=10)
    assert len([next(it) for _ in range(10)]) == 10
    with pytest.raises(sg.NotFoundError):
        next(it)


def test_the_sync_client_runs_calls_from_several_threads_at_once(client: sg.Client, sb: Sandbox) -> None:
    sb.control("faults", {"latency_ms": 300})
    errors: list[BaseException] = []

    def work() -> None:
        try:
            client.subusers.list()
        except BaseException as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    # Several requests were being answered at the same moment: the GIL was released.
    assert sb.stats()["counters"]["max_in_flight"] >= 3


def test_bulk_helpers(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=120)
    seen: list[sg.BulkProgress] = []
    names = [f"sub{i:05}" for i in range(1, 121)] + ["ghost"]
    out = client.bulk.set_disabled(names, True, concurrency=16, progress=seen.append)
    assert len(out) == 121 and len(seen) == 121 and seen[-1].done == 121
    assert all(r.ok for r in out[:120]) and out[120].item == "ghost"
    assert isinstance(out[120].error, sg.NotFoundError) and not out[120].ok
    mons = client.bulk.update_monitors([("sub00001", "a@example.com", 5), ("sub00002", "a@example.com", 0)])
    assert mons[0].ok and mons[0].value.frequency == 5
    assert isinstance(mons[1].error, sg.InvalidInputError)
    assert client.bulk.set_ips([("sub00003", ["192.0.2.5"])])[0].value == ["192.0.2.5"]
    reps = client.bulk.reputations(names[:120])
    assert [len(r.value) for r in reps] == [100, 20]


@pytest.mark.asyncio
async def test_async_bulk(sb: Sandbox) -> None:
    sb.reset(subusers=40)
    c = sg.AsyncClient(KEY, base_url=sb.url)
    out = await c.bulk.set_disabled([f"sub{i:05}" for i in range(1, 41)], False, concurrency=8)
    assert all(r.ok for r in out)
