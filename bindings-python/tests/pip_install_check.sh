#!/usr/bin/env bash
# The path a user takes: `pip install ./bindings-python` builds the wheel from source (maturin as
# PEP 517 backend) into a fresh venv; the installed package must import and ship its stubs.
set -euo pipefail
cd "$(dirname "$0")/../.."
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"${PYTHON:-python3}" -m venv "$d/v"
# The dev profile (MATURIN_PEP517_ARGS, maturin's own switch): the same PEP 517 path, reusing
# what `maturin develop` compiled instead of a second, release build of the whole crate (~3 min
# on 2 cores); release/check's full run installs the sdist with the release profile.
MATURIN_PEP517_ARGS="--profile dev" "$d/v/bin/pip" install -q --disable-pip-version-check ./bindings-python
"$d/v/bin/python" - <<'PY'
import pathlib
import sendgrid_admin as sg
p = pathlib.Path(sg.__file__).parent
assert (p / "py.typed").exists() and (p / "_native.pyi").exists(), sorted(x.name for x in p.iterdir())
print("installed", sg.__version__, sg.Client("k"))
PY
