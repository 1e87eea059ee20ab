#!/usr/bin/env bash
# Every Swift file of the package — the uniffi-generated binding and models (run
# bindings-uniffi/generate.sh first), Package.swift and the XCTest suite — parses.
set -euo pipefail
cd "$(dirname "$0")"
# --ignore-scripts: the grammar package would download its CLI from GitHub; the parser and the
# grammar load from the prebuilt binaries both packages ship.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
mapfile -t files < <(find .. -name '*.swift' -not -path '*/parse-check/*' -not -path '*/.build/*' | sort)
[ "${#files[@]}" -ge 4 ] || { echo "expected the generated Sources too: run bindings-uniffi/generate.sh"; exit 1; }
node check.cjs "${files[@]}"
