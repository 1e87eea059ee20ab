#!/usr/bin/env bash
# The path a user takes: the root package (JS, loader, types; no binary) and this platform's
# package (`sendgrid-admin-<platform>`, the .node `napi build --platform` made here) packed as npm would publish
# them, installed together from their tarballs in a fresh project; it must load and ship types.
set -euo pipefail
cd "$(dirname "$0")/.."
node_file=$(ls sendgrid-admin.*.node | head -n 1)
plat=${node_file#sendgrid-admin.}
plat=${plat%.node}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
root=$(npm pack --silent --pack-destination "$d" 2>/dev/null | tail -n 1)
if tar -tzf "$d/$root" | grep -q '\.node$'; then echo "the root package ships a binary"; exit 1; fi
mkdir -p "$d/platform"
cp "npm/$plat/package.json" "$node_file" "$d/platform/"
platform=$(cd "$d/platform" && npm pack --silent --pack-destination "$d" 2>/dev/null | tail -n 1)
cd "$d"
npm init -y >/dev/null 2>&1
npm install --silent --no-audit --no-fund "./$root" "./$platform" >/dev/null 2>&1
test -f node_modules/sendgrid-admin/sendgrid-admin.d.ts && test -f node_modules/sendgrid-admin/index.d.ts
test -f "node_modules/sendgrid-admin-$plat/$node_file"
node -e "
const sg = require('sendgrid-admin')
const c = new sg.Client({ apiKey: 'k' })
if (!(c instanceof sg.Client) || typeof sg.SendGridError !== 'function') process.exit(1)
console.log('installed', require('sendgrid-admin/package.json').version, c.baseUrl)
"
# The ESM entry of the installed package: the same classes as require().
cat > esm-check.mjs <<'JS'
import { createRequire } from 'node:module'
import sgDefault, { Client, NotFoundError, SendGridError } from 'sendgrid-admin'
const cjs = createRequire(import.meta.url)('sendgrid-admin')
if (Client !== cjs.Client || SendGridError !== cjs.SendGridError || sgDefault !== cjs) process.exit(1)
if (!(NotFoundError.prototype instanceof SendGridError)) process.exit(1)
console.log('esm import ok')
JS
node esm-check.mjs
