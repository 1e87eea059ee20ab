// Every operation of tests/operations.json (the manifest every language's scenario runner calls
// from) is a method of the Node client: a binding that lacks one fails here, whether or not a
// scenario calls it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

import { sg } from './helpers.mjs'

const { operations } = JSON.parse(readFileSync(new URL('../../tests/operations.json', import.meta.url), 'utf8'))
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

test('every operation of tests/operations.json is a method of the client', () => {
  const c = new sg.Client({ apiKey: 'SG.parity-key', baseUrl: 'http://127.0.0.1:9' })
  const missing = []
  for (const [op, how] of Object.entries(operations)) {
    const [resource, name] = op.split('.')
    const method = camel(how.method ?? name)
    if (typeof c[camel(resource)]?.[method] !== 'function') missing.push(`${op} (client.${camel(resource)}.${method})`)
  }
  assert.deepEqual(missing, [], `${missing.length} of ${Object.keys(operations).length} operations missing`)
  assert.ok(Object.keys(operations).length >= 60)
})
