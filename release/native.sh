#!/usr/bin/env bash
# The release workflow's `native` job (macOS x64/arm64, Windows x64): the wheel, the Node addon and
# the uniffi library (for the Maven jar) for TARGET built natively, then tested against the
# sandbox. The same steps on every OS, and on Linux too: `bash release/native.sh <host triple> <npm platform>` runs it here.
# Usage: bash release/native.sh TARGET NPM_PLATFORM   (the workflow matrix's target and npm)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?target triple} npm=${2:?npm platform (bindings-node/npm/ names)}
. tests/cargo-env.sh
PY=${PYTHON:-python}
rustup target add "$target"
"$PY" -m pip install -q maturin==1.16.0 pytest==9.2.0 pytest-asyncio==1.5.0
"$PY" -m maturin build --release --strip --target "$target" -m bindings-python/Cargo.toml -o dist/wheels
(cd bindings-node && npm install --no-audit --no-fund --loglevel=error &&
  npx napi build --platform --release --strip --target "$target" --output-dir "../dist/npm/$npm")
# What release/npm_publish.sh publishes from dist/npm/<platform>/: the manifest beside the binary.
cp "bindings-node/npm/$npm/package.json" "bindings-node/npm/$npm/README.md" "dist/npm/$npm/"
# The uniffi library for the Maven jar, where JNA looks for it (release/jna.sh, release/maven.sh).
. release/jna.sh
prefix=$(jna_prefix "$target")
cargo build --release --locked -p sendgrid-admin-uniffi --target "$target"
mkdir -p "dist/uniffi/$prefix"
cp "target/$target/release/$(jna_lib_name "$prefix")" "dist/uniffi/$prefix/"
# The tests run the host's sandbox; the artifacts are the host's own (native runners).
cargo build --release --locked -p sendgrid-admin-sandbox
"$PY" -m pip install -q --force-reinstall --no-deps --no-index --find-links dist/wheels sendgrid-admin
"$PY" -m pytest -q bindings-python/tests -k "not fork and not fleet"
cp "dist/npm/$npm/"*.node bindings-node/
(cd bindings-node && node --test __test__/operations.test.mjs __test__/errors.test.mjs)
