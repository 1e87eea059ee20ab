#!/usr/bin/env bash
# The path a user takes: `pip install ./bindings-python` builds the wheel from source (maturin as
# PEP 517 backend) into a fresh venv; the installed package must import and ship its stubs.
set -euo pipefail
cd "$(dirname "$0")/../.."
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"${PYTHON:-python3}" -m venv "$d/v"
"$d/v/bin/pip" install -q --disable-pip-version-check ./bindings-python
"$d/v/bin/python" - <<'PY'
import pathlib
import sendgrid_admin as sg
p = pathlib.Path(sg.__file__).parent
assert (p / "py.typed").exists() and (p / "_native.pyi").exists(), sorted(x.name for x in p.iterdir())
print("installed", sg.__version__, sg.Client("k"))
PY
