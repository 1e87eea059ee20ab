"""Every operation through the blocking client against the sandbox."""

from __future__ import annotations

import sendgrid_admin as sg
from conftest import Sandbox


def test_subusers(client: sg.Client) -> None:
    created = client.subusers.create("acme", "ops@acme.example", "pw-123456", ["192.0.2.1"], region="eu", include_region=True)
    assert isinstance(created, sg.CreatedSubuser)
    assert (created.username, created.region, created.credit_allocation_type) == ("acme", "eu", "unlimited")
    assert client.subusers.disable("acme") is None
    (acme,) = client.subusers.list(username="acme")
    assert isinstance(acme, sg.Subuser) and acme.disabled
    client.subusers.enable("acme")
    page = client.subusers.list(limit=2, offset=1, region="all", include_region=True)
    assert [s.username for s in page] == ["sub00002", "sub00003"] and page[0].region == "global"
    client.subusers.delete("acme")
    assert len(client.subusers.list()) == 3


def test_ips_reputations_credits_website_access(client: sg.Client) -> None:
    assert client.ips.set("sub00001", ["198.51.100.1"]).ips == ["198.51.100.1"]
    reps = client.reputations.list(["sub00001", "sub00002"])
    assert [r.username for r in reps] == ["sub00001", "sub00002"] and isinstance(reps[0].reputation, float)
    assert client.credits.get("sub00001").type == "unlimited"
    c = client.credits.set("sub00001", "recurring", reset_frequency="monthly", total=100)
    assert (c.type, c.reset_frequency, c.remain) == ("recurring", "monthly", 100)
    assert client.credits.adjust_remaining("sub00001", -40).remain == 60
    assert client.website_access.disable("sub00001") is None
    assert client.website_access.enable("sub00001") is None


def test_stats(client: sg.Client) -> None:
    one = client.stats.subuser_monthly("sub00001", "2026-10-01", sort_by_metric="opens")
    assert one.stats[0].name == "sub00001" and one.stats[0].type == "subuser"
    assert isinstance(one.stats[0].metrics.delivered, int)
    assert len(client.stats.monthly("2026-10-01", limit=2, sort_by_direction="asc").stats) == 2
    days = client.stats.list(["sub00001"], "2026-10-01", end_date="2026-10-03", aggregated_by="day")
    assert [d.date for d in days] == ["2026-10-01", "2026-10-02", "2026-10-03"]
    assert client.stats.sums("2026-10-01", end_date="2026-10-31", limit=3).date == "2026-10-01"


def test_monitor(client: sg.Client) -> None:
    m = client.monitor.create("sub00001", "audit@example.com", 500)
    assert isinstance(m, sg.Monitor) and m.frequency == 500
    assert client.monitor.update("sub00001", "audit@example.com", 7).frequency == 7
    assert client.monitor.get("sub00001").to_dict() == {"email": "audit@example.com", "frequency": 7}
    assert client.monitor.delete("sub00001") is None


def test_teammates(client: sg.Client) -> None:
    assert len(client.teammates.list()) == 5
    assert len(client.teammates.list(limit=2, offset=1)) == 2
    t = client.teammates.get("teammate0002")
    assert (t.user_type, t.is_admin, t.scopes) == ("teammate", False, ["mail.send", "stats.read", "2fa_required", "sender_verification_eligible"])
    inv = client.teammates.invite("new@example.com", ["stats.read"])
    assert [p.token for p in client.teammates.list_pending()] == [inv.token]
    assert client.teammates.resend_invite(inv.token).email == "new@example.com"
    client.teammates.delete_pending(inv.token)
    assert client.teammates.update_permissions("teammate0002", is_admin=True).user_type == "admin"
    assert client.teammates.update_permissions("teammate0002", ["mail.send"]).scopes == ["mail.send", "2fa_required", "sender_verification_eligible"]
    client.teammates.delete("teammate0002")
    page = client.teammates.subuser_access("teammate0001", limit=2)
    assert [a.id for a in page.subuser_access] == [1001, 1002] and page.next_after_subuser_id == 1002
    last = client.teammates.subuser_access("teammate0001", after_subuser_id=1002)
    assert last.next_after_subuser_id is None and not last.has_restricted_subuser_access


def test_scopes_and_access_requests(client: sg.Client, sb: Sandbox) -> None:
    assert "subusers.create" in client.scopes.list()
    sb.reset(teammates=10)
    reqs = client.scopes.list_access_requests(limit=10)
    assert [r.id for r in reqs] == [1, 2]
    assert client.scopes.approve_access_request(1).scope_group_name == "Stats"
    assert client.scopes.deny_access_request(2) is None
    assert client.scopes.list_access_requests() == []


def test_models_repr_eq_to_dict(client: sg.Client) -> None:
    a, b = client.subusers.list(limit=1), client.subusers.list(limit=1)
    assert a == b and a[0] is not b[0]
    assert repr(a[0]) == "Subuser(id=1001, username='sub00001', email='sub00001@seed.test', disabled=False)"
    assert a[0].to_dict() == {"id": 1001, "username": "sub00001", "email": "sub00001@seed.test", "disabled": False}
    assert a[0] != "sub00001"


def test_key_never_in_repr(sb: Sandbox) -> None:
    c = sg.Client("SG.super-secret-key", base_url=sb.url, max_retries=0)
    assert "secret" not in repr(c)
    try:
        c.subusers.list()
    except sg.AuthenticationError as e:
        assert "secret" not in str(e) and "secret" not in repr(e)
