"""The installed wheel against a running sandbox: create and list subusers, one error mapped to
its exception, one async call. Usage: python smoke.py <sandbox-url>"""

import asyncio
import platform
import sys

import sendgrid_admin as sg

url = sys.argv[1]
c = sg.Client("SG.sandbox-key", base_url=url, max_retries=0)
c.subusers.create("smoke", "ops@smoke.example", "pw-123456", ["192.0.2.1"])
assert "smoke" in [s.username for s in c.subusers.list(limit=500)]
try:
    c.monitor.get("ghost")
    raise SystemExit("expected NotFoundError")
except sg.NotFoundError as e:
    assert e.status == 404 and e.kind == "not_found"
c.subusers.delete("smoke")
n = len(asyncio.run(sg.AsyncClient("SG.sandbox-key", base_url=url).subusers.list()))
print(f"python {platform.machine()} {sg.__version__}: ok ({n} subusers)")
