"""Merges SendGrid's published OpenAPI files for the operations this library covers into one
document that Prism can serve (tests/contract/sendgrid-admin.oai.json). Component names are
prefixed with their file's tag so that equal names from different files cannot clash; paths do
not overlap. A maintenance tool: run it when SendGrid republishes the files, e.g.
    python3 tests/contract/merge.py ../shared/oai tests/contract/sendgrid-admin.oai.json
Nothing in the build or the tests runs it."""

import json
import sys
from pathlib import Path

FILES = {
    "subusers": "tsg_subusers_v3.json",
    "teammates": "tsg_teammates_v3.json",
    "scopes": "tsg_scopes_v3.json",
    "accounts": "tsg_account_provisioning_v3.json",
    "accountips": "tsg_ip_provisioning_v3.json",
    "ips": "tsg_ips_v3.json",
    "ipam": "tsg_ip_address_management_v3.json",
    "sso": "tsg_sso_v3.json",
    "apikeys": "tsg_api_keys_v3.json",
    "user": "tsg_user_v3.json",
}
# Monitor settings and access requests are only in the older, Stoplight-exported spec (whose
# paths leave out the /v3 its server URL carries); its paths fill the gaps.
LEGACY = ("legacy", "legacy_oai_v3_stoplight.subusers_teammates_scopes.extract.json", "/v3")
KEEP = {"securitySchemes"}  # referenced by name from `security`, identical in every file


def renamed(v, tag):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k == "$ref" and isinstance(x, str) and x.startswith("#/components/"):
                _, _, sec, name = x.split("/", 3)
                out[k] = x if sec in KEEP else f"#/components/{sec}/{tag}_{name}"
            else:
                out[k] = renamed(x, tag)
        return out
    if isinstance(v, list):
        return [renamed(x, tag) for x in v]
    return v


def main(src: str, dst: str) -> None:
    merged = {"openapi": "3.1.0", "info": {"title": "SendGrid (the operations of sendgrid-admin)", "version": "merged"},
              "servers": [{"url": "https://api.sendgrid.com"}], "paths": {}, "components": {}}
    for tag, name in FILES.items():
        doc = renamed(json.loads((Path(src) / name).read_text()), tag)
        for path, item in doc["paths"].items():
            assert path not in merged["paths"], path
            merged["paths"][path] = item
        for sec, entries in doc.get("components", {}).items():
            into = merged["components"].setdefault(sec, {})
            for k, v in entries.items():
                into[k if sec in KEEP else f"{tag}_{k}"] = v
        merged.setdefault("security", doc.get("security"))
    tag, name, prefix = LEGACY
    doc = renamed(json.loads((Path(src) / name).read_text()), tag)
    for path, item in doc["paths"].items():
        if prefix + path not in merged["paths"]:
            # Its operations name a security scheme of their own: they take the merged one.
            for op in item.values():
                if isinstance(op, dict):
                    op.pop("security", None)
            merged["paths"][prefix + path] = item
    for sec, entries in doc.get("components", {}).items():
        into = merged["components"].setdefault(sec, {})
        for k, v in entries.items():
            if sec not in KEEP:
                into[f"{tag}_{k}"] = v
    Path(dst).write_text(json.dumps(merged, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
