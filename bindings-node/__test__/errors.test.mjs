// Every error code, with its fields.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'

import { KEY, startSandbox, sg } from './helpers.mjs'

let sb
let c
before(async () => { sb = await startSandbox() })
after(() => sb.close())
beforeEach(async () => {
  await sb.reset(3, 4)
  c = sb.client()
})

const is = (code, extra = () => true) => (e) => e instanceof sg.SendGridError && e instanceof Error && e.code === code && extra(e)

test('invalid input names the field and sends nothing', async () => {
  const before = (await sb.stats()).counters.requests
  const cases = [
    [() => c.subusers.create({ username: '', email: 'a@example.com', password: 'pw' }), 'username'],
    [() => c.subusers.create({ username: 'x'.repeat(65), email: 'a@example.com', password: 'pw' }), 'username'],
    [() => c.subusers.create({ username: 'ok', email: 'nope', password: 'pw' }), 'email'],
    [() => c.ips.set('sub00001', ['192.0.2.1', '10.0.0.256']), 'ips[1]'],
    [() => c.monitor.create('sub00001', { email: 'a@example.com', frequency: 0 }), 'monitor.frequency'],
    [() => c.monitor.create('sub00001', { email: 'a@example.com', frequency: -2 }), 'monitor.frequency'],
    [() => c.teammates.list({ limit: 501 }), 'limit'],
    [() => c.subusers.list({ limit: -1 }), 'limit'],
    [() => c.subusers.list({ limit: 1.5 }), 'limit'],
    [() => c.teammates.updatePermissions('t', { scopes: ['a.read'], isAdmin: true }), 'scopes'],
    [() => c.teammates.invite({ email: 'n@example.com' }), 'scopes'],
    [() => c.subusers.list({ region: 'mars' }), 'region'],
    [() => c.credits.set('sub00001', { type: 'recurring', total: 5 }), 'credits.reset_frequency'],
    [() => c.onBehalfOf('acme\r\nX-Evil: 1').scopes.list(), 'on_behalf_of'],
    [() => c.stats.monthly({ date: '2026-13-01' }), 'date'],
  ]
  for (const [call, field] of cases) {
    await assert.rejects(call(), is('invalid_input', (e) => e.field === field && e.attempts === 0 && e.status === null), field)
  }
  assert.equal((await sb.stats()).counters.requests, before)
})

test('bad client options throw at construction', () => {
  assert.throws(() => new sg.Client({ apiKey: 'SG.bad\nkey' }), is('invalid_input', (e) => e.field === 'api_key' && !e.message.includes('bad')))
  assert.throws(() => new sg.Client({ apiKey: 'k', region: 'us' }), is('invalid_input'))
  assert.throws(() => new sg.Client({ apiKey: 'k', baseUrl: 'ftp://x' }), is('invalid_input'))
  assert.throws(() => new sg.Client({ apiKey: 'k', timeoutMs: -5 }), is('invalid_input'))
  assert.throws(() => new sg.Client({ apiKey: 'k', baseUrl: 'http://10.0.0.5:8080' }), is('invalid_input', (e) => e.field === 'base_url' && e.message.includes('clear text')))
  new sg.Client({ apiKey: 'k', baseUrl: 'http://10.0.0.5:8080', allowInsecureHttp: true })
  // One scope at a time: a subuser and an account together are refused, not one silently won.
  assert.throws(() => new sg.Client({ apiKey: 'k', onBehalfOf: 'acme', accountId: 'a-1' }), is('invalid_input', (e) => e.field === 'account_id'))
  assert.throws(() => new sg.Client({ apiKey: 'k', maxRetries: 1.5 }), is('invalid_input', (e) => e.field === 'maxRetries'))
})

test('the API key comes from SENDGRID_API_KEY', async () => {
  process.env.SENDGRID_API_KEY = KEY
  try {
    assert.equal((await new sg.Client({ baseUrl: sb.url }).subusers.list()).length, 3)
  } finally {
    delete process.env.SENDGRID_API_KEY
  }
  assert.throws(() => new sg.Client({ baseUrl: sb.url }), is('invalid_input', (e) => e.field === 'api_key'))
})

test('status errors carry SendGrid details', async () => {
  await assert.rejects(c.monitor.get('sub00001'), is('not_found', (e) => e.status === 404 && e.errors[0].message === 'No monitor settings for this user' && e.requestId.startsWith('sbx-')))
  await assert.rejects(c.subusers.create({ username: 'sub00001', email: 'a@example.com', password: 'pw' }), is('bad_request', (e) => e.errors[0].field === 'username'))
  await assert.rejects(c.onBehalfOf('ghost').scopes.list(), is('forbidden', (e) => e.status === 403))
  await assert.rejects(new sg.Client({ apiKey: 'SG.wrong', baseUrl: sb.url }).scopes.list(), is('unauthorized', (e) => e.status === 401))
  await sb.control('faults', { sequence: [503] })
  await assert.rejects(c.scopes.list(), is('server', (e) => e.status === 503))
  await sb.control('rate-limit', { limit: 1, window_secs: 3600 })
  await c.scopes.list()
  await assert.rejects(c.scopes.list(), is('rate_limited', (e) => e.retryAfterMs > 0 && e.retryAfterMs <= 3600_000))
})

test('transport, timeout and decode', async () => {
  await assert.rejects(new sg.Client({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', maxRetries: 0 }).scopes.list(), is('transport'))
  await sb.control('faults', { latency_ms: 500 })
  await assert.rejects(sb.client({ timeoutMs: 100 }).scopes.list(), is('timeout'))
  await sb.control('faults', { sequence: ['malformed'] })
  await assert.rejects(c.scopes.list(), is('decode', (e) => e.status === 200))
})

test('retries are counted', async () => {
  await sb.control('faults', { sequence: [503, 503, 503, 503] })
  await assert.rejects(sb.client({ maxRetries: 2 }).subusers.list(), is('server', (e) => e.attempts === 3))
})

test('request reaches any endpoint with the same errors', async () => {
  const got = await c.request('GET', '/v3/subusers', { query: { limit: 2, include_region: true } })
  assert.ok(Array.isArray(got) && got.length === 2 && got[0].username === 'sub00001')
  assert.deepEqual(await c.request('PUT', '/v3/subusers/sub00001/monitor', { body: { email: 'ops@example.com', frequency: 7 } }), { email: 'ops@example.com', frequency: 7 })
  assert.equal(await c.request('DELETE', '/v3/subusers/sub00002'), null)
  await assert.rejects(c.request('GET', '/v3/subusers/sub00002/monitor'), is('not_found'))
  const before = (await sb.stats()).counters.requests
  await assert.rejects(c.request('TRACE', '/v3/subusers'), is('invalid_input', (e) => e.field === 'method'))
  await assert.rejects(c.request('GET', 'https://evil.example/v3/subusers'), is('invalid_input', (e) => e.field === 'path'))
  await assert.rejects(c.request('GET', '/v3/subusers', { query: { limit: [1] } }), is('invalid_input', (e) => e.field === 'query.limit'))
  assert.equal((await sb.stats()).counters.requests, before)
})

test('errors are SendGridError instances made natively: plain message, fields, no wrapping', async () => {
  const e = await c.monitor.get('ghost').catch((x) => x)
  assert.ok(e instanceof sg.NotFoundError && e instanceof sg.APIStatusError && e instanceof sg.SendGridError && e instanceof Error)
  assert.equal(e.name, 'NotFoundError')
  assert.equal(e.code, 'not_found')
  assert.equal(e.status, 404)
  assert.equal(e.headers['content-type'], 'application/json')
  assert.match(e.body, /errors/)
  assert.ok(!e.message.includes('{') && !e.message.includes('sendgrid-admin-error'), e.message)
  assert.ok(typeof e.stack === 'string')
  const thrown = (() => { try { return new sg.Client({ apiKey: KEY, timeoutMs: -1 }) } catch (x) { return x } })()
  assert.ok(thrown instanceof sg.SendGridError)
  assert.equal(thrown.field, 'timeoutMs')
  assert.ok(!thrown.message.includes('{'), thrown.message)
  // The package entry exports the native classes as they are (no patched prototypes or proxies).
  const native = (await import('node:module')).createRequire(import.meta.url)('../index.js')
  assert.equal(sg.Client, native.Client)
  assert.equal(sg.Subusers.prototype.list, native.Subusers.prototype.list)
  assert.equal(sg.setErrorClass, undefined)
})

test('bulk failures carry every field of a SendGridError', async () => {
  const sb = await startSandbox()
  try {
    await sb.reset(1, 0)
    const c = sb.client()
    const [ok, bad] = await c.bulk.setDisabled(['sub00001', 'ghost'], true)
    assert.equal(ok.ok, true)
    const e = bad.error
    assert.ok(e instanceof sg.NotFoundError && e instanceof sg.SendGridError, 'a real SendGridError')
    assert.equal(e.code, 'not_found')
    assert.equal(e.status, 404)
    assert.equal(e.attempts, 1)
    assert.ok(e.requestId.startsWith('sbx-'))
    assert.ok(Array.isArray(e.errors) && e.errors.length > 0)
  } finally {
    sb.close()
  }
})

test('one class per kind, picked by code (and 422 within bad_request)', () => {
  const kinds = {
    InvalidInputError: [sg.SendGridError],
    AuthenticationError: [sg.APIStatusError],
    PermissionDeniedError: [sg.APIStatusError],
    NotFoundError: [sg.APIStatusError],
    BadRequestError: [sg.APIStatusError],
    ConflictError: [sg.BadRequestError],
    UnprocessableEntityError: [sg.BadRequestError],
    RateLimitError: [sg.APIStatusError],
    ServerError: [sg.APIStatusError],
    TransportError: [sg.SendGridError],
    RequestTimeoutError: [sg.TransportError],
    DecodeError: [sg.SendGridError],
    NotAppliedError: [sg.SendGridError],
    APIStatusError: [sg.SendGridError],
  }
  for (const [name, [parent]] of Object.entries(kinds)) {
    assert.equal(typeof sg[name], 'function', name)
    assert.ok(sg[name].prototype instanceof parent, `${name} extends ${parent.name}`)
  }
})

test('a rejection shows the caller in its stack; transport errors keep their cause', async () => {
  const c = new sg.Client({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 })
  async function callerFrameMarker() {
    return c.request('GET', '/v3/user/username')
  }
  const e = await callerFrameMarker().catch((x) => x)
  assert.ok(e instanceof sg.TransportError, e.name)
  assert.equal(e.name, 'TransportError')
  assert.match(e.stack.split('\n')[0], /^TransportError: GET \/v3\/user\/username failed/)
  assert.match(e.stack, /callerFrameMarker/)
  assert.match(e.stack, /errors\.test\.mjs/)
  assert.ok(e.cause instanceof Error && e.cause.message.length > 0)
})
