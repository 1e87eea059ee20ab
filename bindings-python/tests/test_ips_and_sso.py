"""IP ↔ subuser assignment and SSO teammates through both clients against the sandbox: one IP
state in every view, chunk results, SSO subuser access written and read back, the silent drop
raised as NotAppliedError, and the rules checked before sending."""

from __future__ import annotations

import pytest

import sendgrid_admin as sg
from conftest import Sandbox

IP = "192.0.2.77"


def test_ip_assignment_story(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=3)
    out = client.ips.assign(IP, ["sub00001", "sub00002"])
    assert [r.ok for r in out] == [True] and out[0].item == ["sub00001", "sub00002"]
    mine = client.ips.list(subuser="sub00002", limit=50)
    assert IP in [x.ip for x in mine]
    row = next(x for x in mine if x.ip == IP)
    assert row.subusers == ["sub00001", "sub00002"] and row.start_date is None
    ids = list(client.ips.iter_subusers_of(IP, page_size=1))
    assert len(ids) == 2 and all(i.isdigit() for i in ids)
    page = client.ips.subusers_of(IP, limit=1)
    assert page.subuser_ids == ids[:1] and page.next_after == ids[0]
    client.ips.unassign(IP, ["sub00001"])
    assert client.ips.subusers_of(IP).subuser_ids == ids[1:]
    bad = client.ips.assign(IP, ["ghost"])
    assert not bad[0].ok and isinstance(bad[0].error, sg.InvalidInputError)
    assert bad[0].error.field == "usernames[0]"


@pytest.mark.asyncio
async def test_async_ips_and_sso(aclient: sg.AsyncClient, sb: Sandbox) -> None:
    sb.reset(subusers=2)
    out = await aclient.ips.assign(IP, ["sub00001"])
    assert out[0].ok
    assert [i async for i in aclient.ips.iter_subusers_of(IP)] == (await aclient.ips.subusers_of(IP)).subuser_ids
    t = await aclient.teammates.create_sso("bo@x.test", "Bo", "Li", persona="observer")
    assert t.is_sso and t.username == "bo@x.test"


def test_sso_teammates_and_the_silent_drop(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=3)
    t = client.teammates.create_sso(
        "ada@x.test",
        "Ada",
        "Lovelace",
        subuser_access=[
            {"subuser": "sub00001", "permission_type": "admin"},
            {"subuser": "sub00002", "permission_type": "restricted", "scopes": ["stats.read"]},
        ],
    )
    assert t.has_restricted_subuser_access and [a.username for a in t.subuser_access] == ["sub00001", "sub00002"]
    assert t.subuser_access[1].permission_type == "restricted"
    assert "SsoTeammate(" in repr(t) and t.to_dict()["email"] == "ada@x.test"
    page = client.teammates.subuser_access("ada@x.test")
    assert len(page.subuser_access) == 2
    bad = [{"subuser": "sub00003", "permission_type": "restricted", "scopes": ["sender_verification_legacy"]}]
    with pytest.raises(sg.BadRequestError):
        client.teammates.update_sso("ada@x.test", "Ada", "Lovelace", subuser_access=bad)
    sb.control("quirks", {"sso_silent_drop": True})
    with pytest.raises(sg.NotAppliedError) as e:
        client.teammates.update_sso("ada@x.test", "Ada", "Lovelace", subuser_access=bad)
    assert e.value.kind == "not_applied" and "sub00003" in str(e.value)
    t = client.teammates.update_sso("ada@x.test", "Ada", "King", is_admin=True)
    assert t.is_admin and not t.has_restricted_subuser_access


def test_rules_checked_before_sending(client: sg.Client, sb: Sandbox) -> None:
    sb.reset(subusers=1)
    before = sb.stats()["counters"]["requests"]
    admin = {"subuser": "sub00001", "permission_type": "admin"}
    cases = [
        (lambda: client.ips.assign("300.0.0.1", ["a"]), "ip"),
        (lambda: client.ips.unassign(IP, []), "usernames"),
        (lambda: client.ips.list(limit=0), "limit"),
        (lambda: client.ips.list(sort_by_direction="sideways"), "sort_by_direction"),
        (lambda: client.ips.subusers_of(IP, limit=101), "limit"),
        (lambda: client.on_behalf_of("sub00001").ips.list(), "on_behalf_of"),
        (lambda: client.teammates.create_sso("a@x.test", "A", "B", is_admin=True, scopes=["stats.read"]), "scopes"),
        (lambda: client.teammates.create_sso("a@x.test", "A", "B", persona="observer", subuser_access=[admin]), "persona"),
        (lambda: client.teammates.create_sso("a@x.test", "A", "B", persona="boss"), "persona"),
        (lambda: client.teammates.create_sso("a@x.test", "A", "B", subuser_access=[dict(admin, scopes=["x"])]), "subuser_access[0].scopes"),
        (lambda: client.teammates.create_sso("a@x.test", "A", "B", subuser_access=[{"subuser": "sub00001"}]), "subuser_access[0]"),
        (lambda: client.teammates.create_sso("a@x.test", "", "B", is_admin=True), "first_name"),
        (lambda: client.teammates.update_sso("a@x.test", "A", "B"), "scopes"),
    ]
    for call, field in cases:
        with pytest.raises(sg.InvalidInputError) as e:
            call()
        assert e.value.field == field, (field, str(e.value))
    # A dict's problem is named by its Python keys and position, in words (no JSON line/column).
    with pytest.raises(sg.InvalidInputError) as e:
        client.teammates.create_sso("a@x.test", "A", "B", subuser_access=[{"username": "sub00001", "permission_type": "admin"}])
    assert e.value.field == "subuser_access[0]", str(e.value)
    assert "missing key 'subuser'" in str(e.value) and "line" not in str(e.value), str(e.value)
    assert sb.stats()["counters"]["requests"] == before
