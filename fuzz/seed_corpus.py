"""Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/ (committed): the
response and error examples of SendGrid's OpenAPI files (tests/contract/sendgrid-admin.oai.json)
for the decoders, and hand-picked header values, strings and requests for the others. Run it
from the repository root when the spec is refreshed: python3 fuzz/seed_corpus.py"""

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SPEC = json.loads((ROOT.parent / "tests" / "contract" / "sendgrid-admin.oai.json").read_text())


def write(target: str, data: bytes) -> None:
    d = ROOT / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def examples(response: dict) -> list:
    out = []
    for media in response.get("content", {}).values():
        if "example" in media:
            out.append(media["example"])
        for ex in media.get("examples", {}).values():
            if isinstance(ex, dict) and "value" in ex:
                out.append(ex["value"])
    return out


def resolve(obj: dict) -> dict:
    ref = obj.get("$ref", "")
    if ref.startswith("#/components/"):
        _, _, sec, name = ref.split("/", 3)
        return SPEC["components"].get(sec, {}).get(name, {})
    return obj


for path, item in SPEC["paths"].items():
    for method, op in item.items():
        if not isinstance(op, dict):
            continue
        for status, resp in op.get("responses", {}).items():
            for ex in examples(resolve(resp)):
                ex = resolve(ex) if isinstance(ex, dict) and "$ref" in ex else ex
                if isinstance(ex, dict) and "value" in ex and len(ex) <= 3:
                    ex = ex["value"]
                body = json.dumps(ex).encode()
                write("decode_models" if status.startswith("2") else "error_body", body)

for body in [b"", b"<html>502 Bad Gateway</html>", b'{"error": "pool not found"}',
             b'[{"message": "x", "field": null, "error_id": "e1"}]', b'{"errors": [{"field": "null", "message": "m"}], "id": "r1"}']:
    write("error_body", body)

for headers in ["600\n599\n1767225600\nWed, 31 Dec 2025 23:59:00 GMT\n1",
                "600\n0\n37\n\nWed, 31 Dec 2025 23:59:30 GMT", "1e3\n-1\n1767225600.5\nnot a date\n120",
                "\n\n99999999999999999999\n\n"]:
    write("rate_limit", headers.encode())

for s in ["acme", "account-id sg2a2bcd3ef4ab5c67d8efab91c01de2fa", "a/b?c#d%2F", "..", "ü名前", "a\r\nx: y", " "]:
    write("encoders", s.encode())

for method, who, target, body in [
    (0, 0, "subusers?limit=2", b""),
    (1, 0, "subusers", b'{"username":"fz","email":"f@z.co","password":"pw-123456789","ips":["192.0.2.1"]}'),
    (2, 0, "subusers/sub00001/monitor", b'{"email":"a@b.co","frequency":5}'),
    (3, 0, "subusers/sub00001", b'{"disabled":true}'),
    (0, 1, "teammates", b""),
    (0, 0, "teammates/teammate0001/subuser_access?limit=1", b""),
    (1, 0, "send_ips/ips/192.0.2.1/subusers:batchAdd", b'{"subusers":["1001"]}'),
    (1, 0, "sso/teammates", b'{"email":"s@x.co","first_name":"a","last_name":"b","is_admin":true}'),
    (1, 0, "partners/accounts", b'{"offerings":[{"name":"org.ei.free.v1","type":"package","quantity":1}]}'),
    (0, 2, "user/username", b""),
    (4, 0, "subusers/sub00002", b""),
]:
    write("sandbox_requests", bytes([method, who]) + target.encode() + b"\n" + body)
