// Client options that change the wire: the application's name in the user agent.
import assert from 'node:assert/strict'
import http from 'node:http'
import { test } from 'node:test'

import { sg } from './helpers.mjs'

test('appName goes in the user agent after the binding', async () => {
  const seen = []
  const srv = http.createServer((req, res) => {
    seen.push(req.headers['user-agent'])
    res.setHeader('content-type', 'application/json')
    res.end('{"username": "me", "user_id": 1}')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  try {
    const c = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}`, appName: 'billing-sync/2.3' })
    await c.request('GET', '/v3/user/username')
  } finally {
    srv.close()
  }
  assert.match(seen[0], /^sendgrid-admin\/\S+ node billing-sync\/2\.3$/)
  assert.throws(() => new sg.Client({ apiKey: 'SG.test', appName: 'tab\there' }), (e) => e.code === 'invalid_input' && e.field === 'app_name')
})

test('close() refuses later calls, for scoped clients too; Symbol.asyncDispose closes', async () => {
  const c = new sg.Client({ apiKey: 'SG.test', baseUrl: 'http://127.0.0.1:9' })
  const scoped = c.onBehalfOf('acme')
  assert.equal(c.isClosed, false)
  c.close()
  assert.equal(scoped.isClosed, true)
  await assert.rejects(scoped.teammates.list(), (e) => e instanceof sg.SendGridError && e.code === 'invalid_input' && e.field === 'client' && e.attempts === 0)
  const d = new sg.Client({ apiKey: 'SG.test', baseUrl: 'http://127.0.0.1:9' })
  await d[Symbol.asyncDispose]()
  assert.equal(d.isClosed, true)
})
