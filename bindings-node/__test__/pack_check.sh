#!/usr/bin/env bash
# The path a user takes: `npm pack` the built package, install the tarball in a fresh project,
# require it, and check the shipped types are there.
set -euo pipefail
cd "$(dirname "$0")/.."
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
tgz=$(npm pack --silent --pack-destination "$d" 2>/dev/null | tail -n 1)
cd "$d"
npm init -y >/dev/null 2>&1
npm install --silent --no-audit --no-fund "./$tgz" >/dev/null 2>&1
test -f node_modules/sendgrid-admin/sendgrid-admin.d.ts && test -f node_modules/sendgrid-admin/index.d.ts
node -e "
const sg = require('sendgrid-admin')
const c = new sg.Client({ apiKey: 'k' })
if (!(c instanceof sg.Client) || typeof sg.SendGridError !== 'function') process.exit(1)
console.log('installed', require('sendgrid-admin/package.json').version, c.baseUrl)
"
