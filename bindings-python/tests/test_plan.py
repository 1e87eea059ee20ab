"""export / plan / apply: the core's declarative administration through the binding."""
from __future__ import annotations

import asyncio
import os

import pytest

import sendgrid_admin as sg

from conftest import Sandbox

DOC = """
subusers:
  - username: sub00001
    disabled: true
    monitor: {email: audit@example.com, frequency: 10}
  - username: py-new
    email: py-new@example.com
    password_env: PY_PLAN_PW
    ips: [192.0.2.10]
teammates:
  - email: teammate0001@seed.test
    is_admin: true
  - email: py@example.com
    scopes: [mail.send]
"""


def test_export_plans_nothing_and_round_trips(client: sg.Client) -> None:
    doc = client.export()
    assert isinstance(doc, sg.Document)
    assert repr(doc) == "Document(subusers=3, teammates=4)"
    assert doc.subusers[0]["username"] == "sub00001"
    assert doc.subusers[0]["monitor"] is None
    assert "password" not in doc.to_yaml()
    assert sg.Document.from_yaml(doc.to_yaml()) == doc
    assert sg.Document.from_dict(doc.to_dict()) == doc
    plan = client.plan(doc, prune=True)
    assert plan.is_empty() and len(plan) == 0
    assert plan.counts() == (0, 0, 0)


def test_plan_apply_converges_with_progress(client: sg.Client) -> None:
    os.environ["PY_PLAN_PW"] = "correct horse battery staple 3"
    plan = client.plan(DOC)
    assert repr(plan) == "Plan(create=2, update=1, delete=0, unmanaged=5)"
    first = plan.changes[0]
    assert (first["resource"], first["key"], first["action"]) == ("subuser", "sub00001", "update")
    assert [f["field"] for f in first["fields"]] == ["disabled", "monitor"]
    assert first["fields"][0] == {"field": "disabled", "before": False, "after": True}
    assert "~ subuser sub00001" in plan.to_text()
    assert sg.Plan.from_dict(plan.to_dict()) == plan
    seen: list[sg.BulkProgress] = []
    results = client.apply(plan, concurrency=2, progress=seen.append)
    assert [r.ok for r in results] == [True, True, True], results
    assert results[1].item["key"] == "py-new"
    assert seen[-1].done == 3 and seen[-1].total == 3
    assert client.plan(DOC).is_empty()
    # Applying the same, now stale, plan again writes nothing and fails nothing.
    assert all(r.ok for r in client.apply(plan))


def test_drift_is_a_conflict(client: sg.Client) -> None:
    plan = client.plan("subusers:\n  - username: sub00002\n    monitor: {email: a@example.com, frequency: 3}\n")
    client.monitor.create("sub00002", "b@example.com", 4)
    [r] = client.apply(plan)
    assert not r.ok
    assert isinstance(r.error, sg.ConflictError)
    assert "changed since the plan" in str(r.error)


def test_bad_documents_name_every_problem(client: sg.Client) -> None:
    with pytest.raises(sg.InvalidInputError) as e:
        client.plan({"subusers": [{"username": "a", "ips": ["1.2.3"]}, {"username": "a"}]})
    assert "subusers[0].ips[0]" in str(e.value) and "subusers[1].username" in str(e.value)
    with pytest.raises(sg.InvalidInputError, match="line 3"):
        sg.Document.from_yaml("subusers:\n  - username: a\n    emial: x@example.com\n")
    doc = sg.Document.from_dict({"teammates": [{"email": "t@example.com", "is_admin": True, "scopes": ["mail.send"]}]})
    assert doc.problems() == [("teammates[0].scopes", "must be empty when is_admin is true (an admin has every scope)")]


def test_async_client(sb: Sandbox) -> None:
    os.environ["PY_PLAN_PW"] = "correct horse battery staple 3"

    async def main() -> None:
        c = sg.AsyncClient("SG.sandbox-key", base_url=sb.url)
        doc = await c.export()
        plan = await c.plan(DOC, prune=False)
        assert len(plan) == 3
        results = await c.apply(plan)
        assert all(r.ok for r in results)
        assert (await c.plan(DOC)).is_empty()
        assert len((await c.export()).subusers) == len(doc.subusers) + 1

    asyncio.run(main())


def test_every_kind_of_teammate_converges_under_sendgrids_own_scopes(client: sg.Client, sb: Sandbox) -> None:
    """The story of issue #34: admins, unrestricted, restricted and SSO teammates, 60 in all."""
    sb.reset(subusers=4, teammates=60)
    client.teammates.create_sso("open@x.test", "Ada", "Lovelace", scopes=["mail.send"])
    client.teammates.create_sso(
        "restricted@x.test", "Bo", "Li",
        subuser_access=[{"subuser": "sub00001", "permission_type": "restricted", "scopes": ["mail.send"]}],
    )
    assert "2fa_exempt" in client.teammates.get("open@x.test").scopes  # SendGrid's own scope
    doc = client.export()
    mates = {t["email"]: t for t in doc.teammates}
    assert len(mates) == 62
    assert mates["teammate0001@seed.test"] == {"email": "teammate0001@seed.test", "is_admin": True}
    assert mates["open@x.test"] == {"email": "open@x.test", "scopes": ["mail.send"]}
    assert "scopes" not in mates["restricted@x.test"]
    assert mates["restricted@x.test"]["subuser_access"][0]["scopes"] == ["mail.send"]
    assert "2fa_" not in doc.to_yaml()
    assert client.plan(doc).is_empty()
    # A scope edit plans exactly that change, and applying it converges.
    data = doc.to_dict()
    for t in data["teammates"]:
        if t["email"] == "open@x.test":
            t["scopes"].append("stats.read")
    plan = client.plan(sg.Document.from_dict(data))
    assert [(c["key"], [f["field"] for f in c["fields"]]) for c in plan.changes] == [("open@x.test", ["permissions"])]
    assert all(r.ok for r in client.apply(plan))
    assert client.plan(sg.Document.from_dict(data)).is_empty()
    # Both kinds of access at once is refused, naming the field.
    with pytest.raises(sg.InvalidInputError) as e:
        client.plan({"teammates": [{"email": "x@x.test", "scopes": ["mail.send"],
                                    "subuser_access": [{"subuser": "sub00001", "permission_type": "admin"}]}]})
    assert "teammates[0].scopes" in str(e.value)
