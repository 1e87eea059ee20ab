// The ESM entry: every runtime name the .d.ts files declare can be imported by name, and the
// classes are the CommonJS entry's own (an error passes `instanceof` either way).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

import * as esm from 'sendgrid-admin'
import sgDefault, { Client, NotFoundError, SendGridError } from 'sendgrid-admin'

const here = path.dirname(fileURLToPath(import.meta.url))
const cjs = createRequire(import.meta.url)('sendgrid-admin')

function declared(file) {
  const text = readFileSync(path.join(here, '..', file), 'utf8')
  return [...text.matchAll(/^export declare (?:class|function|const) (\w+)/gm)].map((m) => m[1])
}

test('every class, function and constant of the .d.ts is a named ESM export', () => {
  const names = [...declared('index.d.ts'), ...declared('sendgrid-admin.d.ts')]
  assert.ok(names.length > 40, `${names.length} names`)
  const missing = names.filter((n) => esm[n] === undefined)
  assert.deepEqual(missing, [])
  for (const n of names) assert.equal(esm[n], cjs[n], n)
  const undeclared = Object.keys(cjs).filter((n) => !names.includes(n))
  assert.deepEqual(undeclared, [], 'every runtime export is declared')
})

test('import and require give the same objects', async () => {
  assert.equal(sgDefault, cjs)
  assert.equal(Client, cjs.Client)
  const e = await new Client({ apiKey: 'SG.x', baseUrl: 'http://127.0.0.1:9' }).subusers.list({ limit: -1 }).catch((x) => x)
  assert.ok(e instanceof SendGridError && e instanceof cjs.SendGridError && !(e instanceof NotFoundError))
})
