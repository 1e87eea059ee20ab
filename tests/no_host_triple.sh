#!/usr/bin/env bash
# No script, test or manifest names a host triple: binaries are found through tests/cargo-env.sh
# (or the same search in the test helpers), so `bash tests/run` works on any host. The explicit
# cross-build lists are the exceptions: release/build and release/tools.sh (Linux targets),
# release/apple.sh and release/android.sh (mobile targets), release/jna.sh (JNA's folder per
# published platform), release/aarch64.sh (the aarch64 developer loop under qemu), the
# workflows, the mobile build scripts, napi's target list and its npm platform packages; prose
# (*.md) and lock files are not code.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='(x86_64|aarch64|arm64|armv7|i686)-(unknown|apple|pc|linux)-'
if git grep -nIE "$pattern" -- . \
  ':!release/build' ':!release/tools.sh' ':!release/apple.sh' ':!release/android.sh' ':!release/jna.sh' ':!release/aarch64.sh' ':!.github/workflows/' \
  ':!bindings-uniffi/xcframework.sh' ':!bindings-uniffi/android.sh' \
  ':!bindings-node/package.json' ':!bindings-node/npm/' \
  ':!*.md' ':!*.lock' ':!tests/no_host_triple.sh'; then
  echo "a host triple is named above: find the binary through tests/cargo-env.sh instead"
  exit 1
fi
echo "no host triple outside the cross-build lists"
