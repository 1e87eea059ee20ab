"""Client options that change the wire: the application's name in the user agent."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pathlib
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

import sendgrid_admin as sg
from conftest import KEY, Sandbox


TLS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "tls"


@contextlib.contextmanager
def local_server(status: list[int] | None = None, tls: bool = False) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A real HTTP(S) server on 127.0.0.1 answering every GET with a username (status
    `status[0]`, changeable while it runs). Yields its URL and, per request, its headers
    (lower-case names) plus `request-line`. Also serves as a forward proxy: a proxied request's
    line carries the absolute URL."""
    status = status if status is not None else [200]
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append({"request-line": self.requestline, **{k.lower(): v for k, v in self.headers.items()}})
            body = b'{"username": "me", "user_id": 1}'
            self.send_response(status[0])
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    srv = HTTPServer(("127.0.0.1", 0), Handler)
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(TLS / "server.pem", TLS / "server.key")
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{srv.server_port}", seen
    finally:
        srv.shutdown()
        srv.server_close()


def test_app_name_in_the_user_agent() -> None:
    with local_server() as (url, seen):
        c = sg.Client("SG.test", base_url=url, app_name="billing-sync/2.3")
        c.request("GET", "/v3/user/username")
    ua = seen[0]["user-agent"]
    assert ua.startswith("sendgrid-admin/")
    assert ua.endswith(" python billing-sync/2.3")
    with pytest.raises(sg.InvalidInputError, match="app_name"):
        sg.Client("SG.test", app_name="tab\there")


def test_proxy_option_sends_requests_through_the_proxy() -> None:
    with local_server() as (proxy, seen):
        # Nothing listens on port 9: only the proxy can answer.
        c = sg.Client("SG.test", base_url="http://127.0.0.1:9", proxy=proxy)
        assert c.request("GET", "/v3/user/username") == {"username": "me", "user_id": 1}
    assert seen[0]["request-line"] == "GET http://127.0.0.1:9/v3/user/username HTTP/1.1"
    assert seen[0]["authorization"] == "Bearer SG.test"
    with pytest.raises(sg.InvalidInputError) as e:
        sg.Client("SG.test", proxy="socks5://ops:hunter2@127.0.0.1:1080")
    assert e.value.field == "proxy" and "hunter2" not in str(e.value)


def test_ca_bundle_option_trusts_a_private_certificate_authority() -> None:
    with local_server(tls=True) as (url, seen):
        trusted = sg.Client("SG.test", base_url=url, ca_bundle=TLS / "ca.pem")
        assert trusted.request("GET", "/v3/user/username")["user_id"] == 1
        untrusted = sg.Client("SG.test", base_url=url, max_retries=0)
        with pytest.raises(sg.TransportError, match="(?i)certificate"):
            untrusted.request("GET", "/v3/user/username")
    assert len(seen) == 1
    with pytest.raises(sg.InvalidInputError) as e:
        sg.Client("SG.test", ca_bundle=str(TLS / "README.md"))
    assert e.value.field == "ca_bundle"


def test_close_and_context_managers(sb: Sandbox) -> None:
    import asyncio

    with sg.Client("SG.sandbox-key", base_url=sb.url) as c:
        scoped = c.on_behalf_of("sub00001")
        assert len(c.subusers.list()) >= 0
    assert c.is_closed and scoped.is_closed
    with pytest.raises(sg.InvalidInputError) as e:
        c.subusers.list()
    assert e.value.field == "client"

    async def main() -> None:
        async with sg.AsyncClient("SG.sandbox-key", base_url=sb.url) as a:
            await a.subusers.list()
        assert a.is_closed
        with pytest.raises(sg.InvalidInputError):
            await a.subusers.list()

    asyncio.run(main())


def test_interpreter_exit_right_after_asyncio_run_never_crashes(sb: Sandbox) -> None:
    """The last result is handed to the event loop by a runtime thread that needs the GIL for a
    moment after asyncio.run returns; exiting then used to kill that thread inside Rust (a
    SIGSEGV/SIGABRT about half the time). The module's atexit hook waits for it."""
    import subprocess
    import sys

    script = (
        "import asyncio, sys, sendgrid_admin as sg\n"
        "c = sg.AsyncClient('SG.sandbox-key', base_url=sys.argv[1])\n"
        "async def main():\n"
        "    for _ in range(3):\n"
        "        await c.subusers.list()\n"
        "asyncio.run(main())\n"
    )
    codes = [subprocess.run([sys.executable, "-c", script, sb.url], capture_output=True).returncode for _ in range(12)]
    assert codes == [0] * 12


def test_with_options_changes_the_wire(sb: Sandbox) -> None:
    """with_options: extra headers reach the server, max_retries changes the attempts, timeout
    ends a slow attempt; the client it came from is unchanged."""
    status = [503]

    with local_server(status) as (url, seen):
        base = sg.Client("SG.test", base_url=url, on_behalf_of="acme")
        once = base.with_options(max_retries=0, headers={"X-Request-Source": "nightly"})
        assert (once.max_retries, base.max_retries) == (0, 4)
        with pytest.raises(sg.ServerError):
            once.request("GET", "/v3/user/username")
        assert len(seen) == 1
        assert seen[0]["x-request-source"] == "nightly"
        assert seen[0]["on-behalf-of"] == "acme", "on-behalf-of is kept"
        status[0] = 200
        base.request("GET", "/v3/user/username")
        assert "x-request-source" not in seen[-1], "the parent client is unchanged"

    sb.control("faults", {"latency_ms": 2_000})
    try:
        quick = sg.AsyncClient(KEY, base_url=sb.url).with_options(timeout=0.2, max_retries=0)
        assert quick.timeout == pytest.approx(0.2)
        t = time.monotonic()
        with pytest.raises(sg.RequestTimeoutError):
            asyncio.run(quick.subusers.list())
        assert time.monotonic() - t < 1.5
    finally:
        sb.control("faults", {})
    for bad, field in [({"timeout": 0}, "timeout"), ({"max_retries": -1}, "max_retries"), ({"headers": {"Authorization": "x"}}, "headers.Authorization")]:
        with pytest.raises(sg.InvalidInputError, match=field):
            sg.Client(KEY, base_url=sb.url).with_options(**bad)  # type: ignore[arg-type]


def test_last_response_and_rate_limit(sb: Sandbox) -> None:
    sb.control("rate-limit", {"limit": 1000, "window_secs": 60})
    try:
        c = sg.Client(KEY, base_url=sb.url)
        assert c.last_response is None
        c.subusers.list()
        r = c.last_response
        assert r is not None
        assert (r.method, r.path, r.status_code, r.attempts) == ("GET", "/v3/subusers", 200, 1)
        assert r.rate_limit["limit"] == 1000 and r.rate_limit["remaining"] == 999
        assert r.headers["x-ratelimit-limit"] == "1000"
        view = c.rate_limit
        assert view is not None and (view.limit, view.remaining, view.in_flight) == (1000, 999, 0)
        assert view.reset_in is not None and 0 <= view.reset_in <= 60
        with pytest.raises(sg.NotFoundError):
            c.monitor.get("nobody-here")
        assert c.last_response is not None and c.last_response.status_code == 404
        assert c.on_behalf_of("sub00001").last_response is None, "a scoped client keeps its own"

        async def main() -> int:
            a = sg.AsyncClient(KEY, base_url=sb.url)
            await a.subusers.list()
            assert a.last_response is not None
            return a.last_response.status_code

        assert asyncio.run(main()) == 200
    finally:
        sb.control("rate-limit", {"limit": 0, "window_secs": 1})


def test_core_events_reach_python_logging(sb: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="sendgrid_admin")
    sg.reset_logging_cache()
    sb.control("faults", {"sequence": [503]})
    try:
        sg.Client(KEY, base_url=sb.url).subusers.list()
    finally:
        sb.control("faults", {})
        caplog.set_level(logging.WARNING, logger="sendgrid_admin")
        sg.reset_logging_cache()
    events = [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("sendgrid_admin")]
    assert any(lvl == "INFO" and "retrying after HTTP 503" in m for _, lvl, m in events), events
    assert any(lvl == "DEBUG" and "answered" in m and "status=200" in m for _, lvl, m in events), events
    assert all(n.startswith("sendgrid_admin.") for n, _, _ in events)
    assert not any(KEY in m for _, _, m in events), "never the key"


def test_sendgrid_admin_log_environment_variable(sb: Sandbox) -> None:
    import subprocess
    import sys

    code = f"import sendgrid_admin as sg; sg.Client({KEY!r}, base_url={sb.url!r}).subusers.list()"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "SENDGRID_ADMIN_LOG": "debug"}, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "DEBUG sendgrid_admin.transport: answered" in out.stderr, out.stderr
    assert KEY not in out.stderr


def test_sendgrid_admin_log_is_read_by_the_core_rule(sb: Sandbox) -> None:
    """Directives as in Node (the core's parser); a value it cannot read is a warning, never an
    import error (it used to raise ValueError from logging.setLevel)."""
    import subprocess
    import sys

    code = f"import sendgrid_admin as sg; sg.Client({KEY!r}, base_url={sb.url!r}).subusers.list()"

    def run(spec: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "SENDGRID_ADMIN_LOG": spec}
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)

    out = run("sendgrid_admin::transport=debug,sendgrid_admin=warn")
    assert out.returncode == 0, out.stderr
    assert "DEBUG sendgrid_admin.transport: answered" in out.stderr, out.stderr
    for spec in ("verbose", "trace"):
        out = run(spec)
        assert out.returncode == 0, out.stderr
    assert "SENDGRID_ADMIN_LOG" in run("verbose").stderr and "logging stays off" in run("verbose").stderr
