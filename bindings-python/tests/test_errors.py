"""Every exception class, with its attributes."""

from __future__ import annotations

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox


def test_invalid_input_names_the_field_and_sends_nothing(client: sg.Client, sb: Sandbox) -> None:
    before = sb.stats()["counters"]["requests"]
    cases = [
        (lambda: client.subusers.create("", "a@example.com", "pw"), "username"),
        (lambda: client.subusers.create("x" * 65, "a@example.com", "pw"), "username"),
        (lambda: client.subusers.create("ok", "not-an-email", "pw"), "email"),
        (lambda: client.ips.set("sub00001", ["192.0.2.1", "10.0.0.256"]), "ips[1]"),
        (lambda: client.monitor.create("sub00001", "a@example.com", 0), "monitor.frequency"),
        (lambda: client.monitor.create("sub00001", "a@example.com", -3), "monitor.frequency"),
        (lambda: client.teammates.list(limit=501), "limit"),
        (lambda: client.subusers.list(limit=-1), "limit"),
        (lambda: client.teammates.update_permissions("t", ["a.read"], is_admin=True), "scopes"),
        (lambda: client.teammates.invite("n@example.com"), "scopes"),
        (lambda: client.subusers.list(region="mars"), "region"),
        (lambda: client.credits.set("sub00001", "recurring", total=5), "credits.reset_frequency"),
        (lambda: client.on_behalf_of("acme\r\nX-Evil: 1").scopes.list(), "on_behalf_of"),
        (lambda: client.stats.monthly("2026-13-01"), "date"),
    ]
    for call, field in cases:
        with pytest.raises(sg.InvalidInputError) as e:
            call()
        assert e.value.field == field, (field, str(e.value))
        assert e.value.kind == "invalid_input" and e.value.attempts == 0 and e.value.status is None
    assert sb.stats()["counters"]["requests"] == before


def test_bad_client_settings() -> None:
    with pytest.raises(sg.InvalidInputError) as e:
        sg.Client("SG.bad\nkey")
    assert e.value.field == "api_key" and "bad" not in str(e.value)
    with pytest.raises(sg.InvalidInputError):
        sg.Client("k", region="us")
    with pytest.raises(sg.InvalidInputError):
        sg.Client("k", base_url="ftp://x")
    with pytest.raises(sg.InvalidInputError):
        sg.Client("k", timeout=-1.0)
    # One scope at a time: a subuser and an account together are refused, not one silently won.
    with pytest.raises(sg.InvalidInputError) as both:
        sg.Client("k", on_behalf_of="acme", account_id="a-1")
    assert both.value.field == "account_id"
    with pytest.raises(sg.InvalidInputError) as retries:
        sg.Client("k", max_retries=-1)
    assert retries.value.field == "max_retries" and "-1" in str(retries.value)


def test_negative_frequency_is_named_as_given(client: sg.Client, sb: Sandbox) -> None:
    before = sb.stats()["counters"]["requests"]
    with pytest.raises(sg.InvalidInputError) as e:
        client.monitor.update("sub00001", "ops@example.com", -3)
    assert e.value.field == "monitor.frequency" and "-3" in str(e.value)
    assert sb.stats()["counters"]["requests"] == before


def test_plain_http_only_to_this_machine(monkeypatch: pytest.MonkeyPatch, sb: Sandbox) -> None:
    with pytest.raises(sg.InvalidInputError) as e:
        sg.Client("k", base_url="http://10.0.0.5:8080")
    assert e.value.field == "base_url" and "clear text" in str(e.value)
    sg.Client("k", base_url="http://10.0.0.5:8080", allow_insecure_http=True)
    # The base URL also comes from SENDGRID_ADMIN_BASE_URL, like the key from SENDGRID_API_KEY.
    monkeypatch.setenv("SENDGRID_ADMIN_BASE_URL", sb.url)
    c = sg.Client(KEY)
    assert c.base_url.rstrip("/") == sb.url.rstrip("/") and len(c.subusers.list()) == 3


def test_api_key_from_environment(monkeypatch: pytest.MonkeyPatch, sb: Sandbox) -> None:
    monkeypatch.setenv("SENDGRID_API_KEY", KEY)
    assert len(sg.Client(base_url=sb.url).subusers.list()) == 3
    monkeypatch.delenv("SENDGRID_API_KEY")
    with pytest.raises(sg.InvalidInputError):
        sg.Client(base_url=sb.url)


def test_status_errors(client: sg.Client, sb: Sandbox) -> None:
    with pytest.warns(DeprecationWarning, match="use sendgrid_admin.RateLimitError"):
        assert sg.RateLimitedError is sg.RateLimitError
    with pytest.raises(sg.NotFoundError) as nf:
        client.monitor.get("sub00001")
    assert nf.value.status_code == 404
    assert nf.value.status == 404 and nf.value.errors[0].message == "No monitor settings for this user"
    assert nf.value.request_id is not None and nf.value.request_id.startswith("sbx-")
    with pytest.raises(sg.BadRequestError) as br:
        client.subusers.create("sub00001", "a@example.com", "pw")
    assert br.value.errors[0].field == "username" and br.value.errors[0].message == "username exists"
    with pytest.raises(sg.PermissionDeniedError):
        client.on_behalf_of("ghost").scopes.list()
    with pytest.raises(sg.AuthenticationError) as au:
        sg.Client("SG.wrong", base_url=sb.url).scopes.list()
    assert au.value.status == 401
    sb.control("faults", {"sequence": [503]})
    with pytest.raises(sg.ServerError) as se:
        client.scopes.list()
    assert se.value.status == 503 and isinstance(se.value, sg.SendGridError)
    sb.control("rate-limit", {"limit": 1, "window_secs": 3600})
    client.scopes.list()
    with pytest.raises(sg.RateLimitError) as rl:
        client.scopes.list()
    assert rl.value.retry_after is not None and 0 < rl.value.retry_after <= 3600


def test_transport_timeout_decode(client: sg.Client, sb: Sandbox) -> None:
    with pytest.raises(sg.TransportError):
        sg.Client("k", base_url="http://127.0.0.1:9", max_retries=0).scopes.list()
    sb.control("faults", {"latency_ms": 500})
    with pytest.raises(sg.RequestTimeoutError):
        sg.Client(KEY, base_url=sb.url, timeout=0.1, max_retries=0).scopes.list()
    sb.control("faults", {"sequence": ["malformed"]})
    with pytest.raises(sg.DecodeError) as de:
        client.scopes.list()
    assert de.value.status == 200


def test_retries_are_reported(sb: Sandbox) -> None:
    sb.control("faults", {"sequence": [503, 503, 503, 503]})
    c = sg.Client(KEY, base_url=sb.url, max_retries=2)
    with pytest.raises(sg.ServerError) as e:
        c.subusers.list()
    assert e.value.attempts == 3


def test_request_reaches_any_endpoint_with_the_same_errors(client: sg.Client, sb: Sandbox) -> None:
    got = client.request("GET", "/v3/subusers", query={"limit": 2, "include_region": True})
    assert isinstance(got, list) and len(got) == 2 and got[0]["username"] == "sub00001"
    assert client.request("DELETE", "/v3/subusers/sub00002") is None
    with pytest.raises(sg.NotFoundError):
        client.request("GET", "/v3/subusers/sub00002/monitor")
    before = sb.stats()["counters"]["requests"]
    for method, path, field in [("TRACE", "/v3/subusers", "method"), ("GET", "https://evil.example/v3/subusers", "path")]:
        with pytest.raises(sg.InvalidInputError) as e:
            client.request(method, path)
        assert e.value.field == field
    with pytest.raises(sg.InvalidInputError) as q:
        client.request("GET", "/v3/subusers", query={"limit": [1]})
    assert q.value.field == "query.limit"
    assert sb.stats()["counters"]["requests"] == before


def test_async_request_and_a_json_body(sb: Sandbox) -> None:
    import asyncio

    async def main() -> object:
        a = sg.AsyncClient(KEY, base_url=sb.url)
        return await a.request("PUT", "/v3/subusers/sub00001/monitor", body={"email": "ops@example.com", "frequency": 7})

    assert asyncio.run(main()) == {"email": "ops@example.com", "frequency": 7}


def test_status_errors_carry_headers_and_body_and_timeouts_are_timeout_errors(client: sg.Client, sb: Sandbox) -> None:
    with pytest.raises(sg.NotFoundError) as e:
        client.monitor.get("ghost")
    err = e.value
    assert isinstance(err, sg.APIStatusError)
    assert err.status_code == 404
    assert err.headers["x-request-id"] == err.request_id
    assert err.body is not None and "errors" in err.body
    sb.control("faults", {"sequence": [422]})
    with pytest.raises(sg.UnprocessableEntityError) as e2:
        client.subusers.list()
    assert isinstance(e2.value, sg.BadRequestError) and e2.value.status_code == 422
    sb.control("faults", {"sequence": ["slow"]})
    slow = sg.Client("SG.sandbox-key", base_url=sb.url, timeout=0.3, max_retries=0)
    with pytest.raises(TimeoutError) as e3:
        slow.monitor.get("sub00001")
    assert isinstance(e3.value, sg.RequestTimeoutError)
    assert isinstance(e3.value, sg.TransportError)
    assert e3.value.kind == "timeout"
    assert e3.value.headers == {} and e3.value.body is None
