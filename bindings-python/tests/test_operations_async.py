"""Every operation through the asyncio client against the sandbox."""

from __future__ import annotations

import asyncio

import pytest

import sendgrid_admin as sg
from conftest import Sandbox


@pytest.mark.asyncio
async def test_subusers_ips_reputations(aclient: sg.AsyncClient) -> None:
    created = await aclient.subusers.create("acme", "ops@acme.example", "pw-123456")
    assert created.username == "acme"
    await aclient.subusers.disable("acme")
    assert (await aclient.subusers.list(username="acme"))[0].disabled
    await aclient.subusers.enable("acme")
    assert (await aclient.ips.set("acme", ["192.0.2.7"])).ips == ["192.0.2.7"]
    assert len(await aclient.reputations.list(["acme", "sub00001"])) == 2
    await aclient.subusers.delete("acme")
    assert len(await aclient.subusers.list()) == 3


@pytest.mark.asyncio
async def test_credits_website_access_stats(aclient: sg.AsyncClient) -> None:
    assert (await aclient.credits.get("sub00001")).type == "unlimited"
    assert (await aclient.credits.set("sub00001", "nonrecurring", total=10)).remain == 10
    assert (await aclient.credits.adjust_remaining("sub00001", 5)).remain == 15
    assert await aclient.website_access.disable("sub00001") is None
    assert await aclient.website_access.enable("sub00001") is None
    assert (await aclient.stats.subuser_monthly("sub00001", "2026-10-01")).date == "2026-10-01"
    assert len((await aclient.stats.monthly("2026-10-01", subuser="sub", limit=3)).stats) == 3
    assert len(await aclient.stats.list(["sub00001", "sub00002"], "2026-10-01", end_date="2026-10-14", aggregated_by="week")) == 2
    assert len((await aclient.stats.sums("2026-10-01", sort_by_metric="clicks")).stats) == 3


@pytest.mark.asyncio
async def test_monitor(aclient: sg.AsyncClient) -> None:
    await aclient.monitor.create("sub00002", "audit@example.com", 3)
    assert (await aclient.monitor.get("sub00002")).frequency == 3
    assert (await aclient.monitor.update("sub00002", "audit@example.com", 4)).frequency == 4
    await aclient.monitor.delete("sub00002")
    with pytest.raises(sg.NotFoundError):
        await aclient.monitor.get("sub00002")


@pytest.mark.asyncio
async def test_teammates_and_scopes(aclient: sg.AsyncClient, sb: Sandbox) -> None:
    assert len(await aclient.teammates.list(limit=3)) == 3
    assert (await aclient.teammates.get("teammate0001")).is_admin
    inv = await aclient.teammates.invite("a@example.com", is_admin=True)
    assert (await aclient.teammates.list_pending())[0].token == inv.token
    assert (await aclient.teammates.resend_invite(inv.token)).is_admin
    await aclient.teammates.delete_pending(inv.token)
    assert (await aclient.teammates.update_permissions("teammate0004", ["stats.read"])).scopes == ["stats.read", "2fa_required", "sender_verification_eligible"]
    await aclient.teammates.delete("teammate0004")
    page = await aclient.teammates.subuser_access("teammate0002", limit=1)
    assert page.has_restricted_subuser_access and page.next_after_subuser_id == 1001
    assert "mail.send" in await aclient.scopes.list()
    sb.reset(teammates=5)
    (req,) = await aclient.scopes.list_access_requests()
    assert (await aclient.scopes.approve_access_request(req.id)).scope_group_name == "Stats"
    with pytest.raises(sg.NotFoundError):
        await aclient.scopes.deny_access_request(req.id)


@pytest.mark.asyncio
async def test_many_concurrent_calls(aclient: sg.AsyncClient, sb: Sandbox) -> None:
    sb.reset(subusers=50)
    results = await asyncio.gather(*(aclient.subusers.list(username=f"sub{i:05}") for i in range(1, 51)))
    assert [r[0].username for r in results] == [f"sub{i:05}" for i in range(1, 51)]


def test_awaitables_work_under_asyncio_run(sb: Sandbox) -> None:
    async def main() -> int:
        c = sg.AsyncClient("SG.sandbox-key", base_url=sb.url)
        return len(await c.subusers.list())

    assert asyncio.run(main()) == 3
