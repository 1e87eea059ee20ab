"""Customer accounts through both clients against the sandbox: the reseller story, cursor
pagers, and the rules checked before sending."""

from __future__ import annotations

import pytest

import sendgrid_admin as sg
from conftest import Sandbox

FREE = {"name": "org.ei.free.v1", "type": "package", "quantity": 1}


def test_reseller_story(client: sg.Client) -> None:
    assert any(e.offering.type == "package" for e in client.accounts.catalog())
    ids = [client.accounts.create([FREE], profile={"email": "ops@acme.example"}).account_id for _ in range(3)]
    assert [a.id for a in client.accounts.iter_all(page_size=2)] == ids
    page = client.accounts.list(limit=2)
    assert page.next_after == ids[1]
    acct = ids[0]
    now = client.accounts.set_offerings(acct, [{"name": "org.ei.pro.v1", "type": "package"}, {"name": "org.ei.ip.v1", "type": "addon", "quantity": 1}])
    assert [o.type for o in now] == ["package", "addon"]
    assert client.accounts.offerings(acct) == now
    # Models go back in as they came out.
    assert client.accounts.set_offerings(acct, now) == now
    added = client.accounts.add_ips(acct, 3, "eu")
    assert len(added.ips) == 3 and added.region == "eu"
    assert [x.ip for x in client.accounts.iter_ips(acct, page_size=2)] == added.ips[::-1]
    client.accounts.remove_ips(acct, added.ips[:1])
    assert len(client.accounts.ips(acct).ips) == 2
    assert len(client.for_account(acct).teammates.list()) == 1
    assert client.for_account(acct).user.username().username == client.for_account(acct).teammates.list()[0].username
    assert client.user.account().type == "paid"
    scoped = client.for_account(acct)
    key = scoped.api_keys.create("mail", ["mail.send"])
    assert key.api_key.startswith("SG.")
    assert key.api_key not in repr(key) and "api_key'" not in str(key.to_dict())
    assert [k.api_key_id for k in scoped.api_keys.list()] == [key.api_key_id]
    assert scoped.api_keys.update(key.api_key_id, "mail2", ["mail.send"]).name == "mail2"
    scoped.api_keys.delete(key.api_key_id)
    assert client.api_keys.list() == []
    assert client.accounts.state(acct) == "activated"
    client.accounts.set_state(acct, "deactivated")
    assert client.accounts.state(acct) == "deactivated"
    assert client.accounts.sso_login(acct).startswith("https://app.sendgrid.com/")
    client.accounts.delete(acct)
    with pytest.raises(sg.NotFoundError) as e:
        client.accounts.state(acct)
    assert e.value.errors[0].error_id == "10-40400"


@pytest.mark.asyncio
async def test_async_accounts(aclient: sg.AsyncClient) -> None:
    created = await aclient.accounts.create([FREE], test_account=True)
    assert [a.id async for a in aclient.accounts.iter_all()] == [created.account_id]
    await aclient.accounts.set_state(created.account_id, "deactivated")
    assert await aclient.accounts.state(created.account_id) == "deactivated"


def test_rules_checked_before_sending(client: sg.Client, sb: Sandbox) -> None:
    before = sb.stats()["counters"]["requests"]
    cases = [
        (lambda: client.accounts.create([]), "offerings"),
        (lambda: client.accounts.create([{"name": "x", "type": "addon"}]), "offerings"),
        (lambda: client.accounts.create([dict(FREE, quantity=2)]), "offerings[0].quantity"),
        (lambda: client.accounts.create(["nope"]), "offerings[0]"),
        (lambda: client.accounts.create([FREE], profile={"phone": "12ab"}), "profile.phone"),
        (lambda: client.accounts.set_state("sg1", "banned"), "state"),
        (lambda: client.accounts.add_ips("sg1", 11, "us"), "count"),
        (lambda: client.accounts.add_ips("sg1", 1, "mars"), "region"),
        (lambda: client.accounts.remove_ips("sg1", []), "ips"),
        (lambda: client.accounts.list(limit=101), "limit"),
        (lambda: client.for_account("sg1").accounts.catalog(), "on_behalf_of"),
    ]
    for call, field in cases:
        with pytest.raises(sg.InvalidInputError) as e:
            call()
        assert e.value.field == field, (field, str(e.value))
    assert sb.stats()["counters"]["requests"] == before
