# Sourced by release/build and release/check: the pinned tools they use, installed into .venv
# (Python packages that ship binaries: zig, cargo-zigbuild, auditwheel) and rustup targets.
# shellcheck shell=bash
set -euo pipefail
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check \
  "maturin==1.16.0" "ziglang==0.15.1" "cargo-zigbuild==0.24.0" "auditwheel==6.8.2"
export PATH="$PWD/.venv/bin:$PATH"
# cargo-zigbuild finds zig through the ziglang package (python -m ziglang).
export CARGO_ZIGBUILD_ZIG_PATH="$PWD/.venv/bin/python -m ziglang"
if command -v rustup >/dev/null; then
  rustup target add aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl >/dev/null 2>&1
fi
