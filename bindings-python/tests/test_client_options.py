"""Client options that change the wire: the application's name in the user agent."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

import sendgrid_admin as sg
from conftest import Sandbox


def test_app_name_in_the_user_agent() -> None:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append(self.headers["User-Agent"])
            body = b'{"username": "me", "user_id": 1}'
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    srv = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        c = sg.Client("SG.test", base_url=f"http://127.0.0.1:{srv.server_port}", app_name="billing-sync/2.3")
        c.request("GET", "/v3/user/username")
    finally:
        srv.shutdown()
    assert seen[0].startswith("sendgrid-admin/")
    assert seen[0].endswith(" python billing-sync/2.3")
    with pytest.raises(sg.InvalidInputError, match="app_name"):
        sg.Client("SG.test", app_name="tab\there")


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
