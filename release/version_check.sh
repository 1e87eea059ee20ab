#!/usr/bin/env bash
# One version number: the crate (workspace), the wheel, the npm root and platform packages and
# the Maven package must agree, and equal $1 when given (the release tag without "v").
set -euo pipefail
cd "$(dirname "$0")/.."
crate=$(sed -nE '/^\[workspace.package\]/,/^\[/ s/^version = "([^"]+)"/\1/p' Cargo.toml)
fail=0
check() { if [ "$2" != "$crate" ]; then echo "$1 is $2, the crate is $crate"; fail=1; fi; }
check "bindings-node/package.json" "$(node -p 'require("./bindings-node/package.json").version')"
for p in bindings-node/npm/*/package.json; do check "$p" "$(node -p "require('./$p').version")"; done
check "bindings-uniffi/kotlin/pom.xml" "$(sed -n '/<artifactId>sendgrid-admin<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' bindings-uniffi/kotlin/pom.xml)"
grep -q 'dynamic = \["version"\]' bindings-python/pyproject.toml || { echo "pyproject.toml must take the crate's version (dynamic)"; fail=1; }
if [ -n "${1:-}" ] && [ "$1" != "$crate" ]; then echo "tag $1 is not the crate version $crate"; fail=1; fi
[ "$fail" = 0 ] && echo "version $crate everywhere"
exit "$fail"
