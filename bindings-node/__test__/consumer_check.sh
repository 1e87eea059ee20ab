#!/usr/bin/env bash
# The package's types in a consumer's project (issue #41): `tsc --noEmit` with a default and a
# strict tsconfig, skipLibCheck off, under the newest TypeScript (7) and the oldest we support
# (5.2, the first with `await using` / Symbol.asyncDispose). @types/node is what a Node project
# has; nothing else is configured (TypeScript 7 no longer loads every @types package itself, so
# our .d.ts references the node types it uses).
set -euo pipefail
cd "$(dirname "$0")/.."
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# The package as npm would publish it (types only matter here; no binary is needed).
pkg="$d/$(npm pack --silent --pack-destination "$d" 2>/dev/null | tail -n 1)"
for ts in 7.0.2 5.2.2; do
  for mode in default strict; do
    p="$d/ts-$ts-$mode"
    mkdir -p "$p"
    cp __test__/consumer/check.ts "$p/"
    (cd "$p" && npm init -y >/dev/null 2>&1 \
      && npm install --silent --no-audit --no-fund "typescript@$ts" "@types/node@20.19.43" "$pkg" >/dev/null 2>&1)
    if [ "$mode" = strict ]; then strict=true; else strict=false; fi
    cat > "$p/tsconfig.json" <<JSON
{ "compilerOptions": { "strict": $strict, "noEmit": true, "module": "nodenext", "skipLibCheck": false }, "files": ["check.ts"] }
JSON
    if (cd "$p" && npx --no-install tsc -p . >"$p/out.txt" 2>&1); then
      echo "ok typescript $ts ($mode tsconfig)"
    else
      echo "FAIL typescript $ts ($mode tsconfig)"; cat "$p/out.txt"; exit 1
    fi
  done
done
