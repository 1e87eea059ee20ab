// Network options: an explicit proxy and a private CA bundle, against real local servers.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import { test } from 'node:test'

import { ROOT, sg } from './helpers.mjs'

const TLS = path.join(ROOT, 'tests', 'tls')
const PROFILE = '{"username": "ada", "user_id": 7}'

async function listen(srv) {
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  return srv.address().port
}

test('proxy: every request goes through it, in absolute form, with the key', async () => {
  const seen = []
  const proxy = http.createServer((req, res) => {
    seen.push({ url: req.url, auth: req.headers.authorization })
    res.setHeader('content-type', 'application/json')
    res.end(PROFILE)
  })
  const port = await listen(proxy)
  try {
    // Nothing listens on the base URL: only the proxy can answer.
    const c = new sg.Client({ apiKey: 'SG.proxy-test', baseUrl: 'http://127.0.0.1:9', proxy: `http://127.0.0.1:${port}` })
    const me = await c.request('GET', '/v3/user/username')
    assert.equal(me.username, 'ada')
  } finally {
    proxy.close()
  }
  assert.deepEqual(seen, [{ url: 'http://127.0.0.1:9/v3/user/username', auth: 'Bearer SG.proxy-test' }])
})

test('caBundle: a server only the bundle vouches for is trusted with it and refused without it', async () => {
  const srv = https.createServer({ key: readFileSync(path.join(TLS, 'server.key')), cert: readFileSync(path.join(TLS, 'server.pem')) }, (req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end(PROFILE)
  })
  const port = await listen(srv)
  try {
    const baseUrl = `https://localhost:${port}`
    const trusted = new sg.Client({ apiKey: 'SG.tls-test', baseUrl, caBundle: path.join(TLS, 'ca.pem'), maxRetries: 0 })
    assert.equal((await trusted.request('GET', '/v3/user/username')).user_id, 7)
    const untrusted = new sg.Client({ apiKey: 'SG.tls-test', baseUrl, maxRetries: 0 })
    await assert.rejects(untrusted.request('GET', '/v3/user/username'), (e) => e instanceof sg.SendGridError && e.code === 'transport' && /certificate/i.test(e.message))
  } finally {
    srv.close()
  }
})

test('bad network options are invalid_input naming the field, and never echo the proxy URL', () => {
  assert.throws(
    () => new sg.Client({ apiKey: 'SG.test', proxy: 'socks9://user:hunter2@proxy' }),
    (e) => e.code === 'invalid_input' && e.field === 'proxy' && !e.message.includes('hunter2'),
  )
  assert.throws(() => new sg.Client({ apiKey: 'SG.test', caBundle: path.join(TLS, 'README.md') }), (e) => e.code === 'invalid_input' && e.field === 'ca_bundle')
  assert.throws(() => new sg.Client({ apiKey: 'SG.test', caBundle: '/nonexistent/ca.pem' }), (e) => e.code === 'invalid_input' && e.field === 'ca_bundle')
})
