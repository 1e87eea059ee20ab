"""Client options that change the wire: the application's name in the user agent."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

import sendgrid_admin as sg


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
