// Client options that change the wire: the application's name in the user agent.
import assert from 'node:assert/strict'
import { getEventListeners } from 'node:events'
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
  // A misspelt option is refused, naming the one meant: `baseURL` must never mean "go to production".
  assert.throws(
    () => new sg.Client({ apiKey: 'SG.test', baseURL: 'http://127.0.0.1:4010' }),
    (e) => e instanceof sg.InvalidInputError && e.field === 'baseURL' && e.message.includes('did you mean baseUrl?'),
  )
  assert.throws(() => new sg.Client({ apiKey: 'SG.test', nonsense: 1 }), (e) => e.code === 'invalid_input' && e.message.includes('its options: apiKey'))
  assert.throws(() => sg.Client.prototype.withOptions.call(new sg.Client({ apiKey: 'SG.test' }), { maxRetry: 1 }), (e) => e.field === 'maxRetry' && e.message.includes('did you mean maxRetries?'))
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

test('withOptions: extra headers, maxRetries and timeoutMs change the wire; unknown keys throw', async () => {
  const seen = []
  let status = 503
  const srv = http.createServer((req, res) => {
    seen.push(req.headers)
    if (req.url.includes('slow')) return setTimeout(() => res.end('{}'), 2000)
    res.statusCode = status
    res.setHeader('content-type', 'application/json')
    res.end('{"username": "me", "user_id": 1}')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  try {
    const base = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}`, onBehalfOf: 'acme' })
    const once = base.withOptions({ maxRetries: 0, headers: { 'X-Request-Source': 'nightly' } })
    assert.equal(once.maxRetries, 0)
    assert.equal(base.maxRetries, 4)
    await assert.rejects(once.request('GET', '/v3/user/username'), (e) => e instanceof sg.SendGridError && e.code === 'server')
    assert.equal(seen.length, 1)
    assert.equal(seen[0]['x-request-source'], 'nightly')
    assert.equal(seen[0]['on-behalf-of'], 'acme')
    status = 200
    await base.request('GET', '/v3/user/username')
    assert.equal(seen.at(-1)['x-request-source'], undefined, 'the client it came from is unchanged')
    const quick = base.withOptions({ timeoutMs: 200, maxRetries: 0 })
    assert.equal(quick.timeoutMs, 200)
    const t = Date.now()
    await assert.rejects(quick.request('GET', '/v3/slow'), (e) => e.code === 'timeout')
    assert.ok(Date.now() - t < 1500)
  } finally {
    srv.closeAllConnections()
    srv.close()
  }
  const c = new sg.Client({ apiKey: 'SG.test', baseUrl: 'http://127.0.0.1:9' })
  for (const [bad, field] of [[{ signal: null, timeoutMs: 5 }, null], [{ timeoutMS: 5 }, 'timeoutMS'], [{ timeoutMs: 0 }, 'timeout'], [{ maxRetries: -1 }, 'maxRetries'], [{ headers: { authorization: 'x' } }, 'headers.authorization']]) {
    if (field === null) {
      assert.equal(c.withOptions(bad).timeoutMs, 5, 'null values are unset')
      continue
    }
    assert.throws(() => c.withOptions(bad), (e) => e instanceof sg.SendGridError && e.code === 'invalid_input' && e.field === field, JSON.stringify(bad))
  }
})

test('lastResponse and rateLimit show the last answer and the pacing view', async () => {
  const { startSandbox, KEY } = await import('./helpers.mjs')
  const sb = await startSandbox()
  try {
    await sb.control('rate-limit', { limit: 1000, window_secs: 60 })
    const c = new sg.Client({ apiKey: KEY, baseUrl: sb.url })
    assert.equal(c.lastResponse, null)
    await c.subusers.list()
    const r = c.lastResponse
    assert.deepEqual([r.method, r.path, r.status, r.attempts], ['GET', '/v3/subusers', 200, 1])
    assert.equal(r.rateLimitLimit, 1000)
    assert.equal(r.rateLimitRemaining, 999)
    assert.equal(r.headers['x-ratelimit-limit'], '1000')
    const v = c.rateLimit
    assert.deepEqual([v.limit, v.remaining, v.inFlight], [1000, 999, 0])
    assert.ok(v.resetInMs >= 0 && v.resetInMs <= 60000)
    await assert.rejects(c.monitor.get('nobody-here'), (e) => e.code === 'not_found')
    assert.equal(c.lastResponse.status, 404)
    assert.equal(c.onBehalfOf('sub00001').lastResponse, null)
  } finally {
    sb.close()
  }
})

/** Runs one call in a child process with SENDGRID_ADMIN_LOG=spec; gives its stderr. */
async function withLog(spec, check) {
  const { startSandbox, KEY } = await import('./helpers.mjs')
  const { spawnSync } = await import('node:child_process')
  const { fileURLToPath } = await import('node:url')
  const entry = fileURLToPath(new URL('../sendgrid-admin.js', import.meta.url))
  const sb = await startSandbox()
  try {
    const code = `const sg = require(${JSON.stringify(entry)}); new sg.Client({ apiKey: ${JSON.stringify(KEY)}, baseUrl: ${JSON.stringify(sb.url)} }).subusers.list().then(() => {})`
    const out = spawnSync(process.execPath, ['-e', code], { env: { ...process.env, SENDGRID_ADMIN_LOG: spec, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20000 })
    assert.equal(out.status, 0, out.stderr)
    check(out.stderr, KEY)
  } finally {
    sb.close()
  }
}

test('SENDGRID_ADMIN_LOG=debug prints each attempt on stderr, never the key', () =>
  withLog('debug', (stderr, key) => {
    assert.match(stderr, /DEBUG.*sendgrid_admin::transport.*answered.*status=200/)
    assert.ok(!stderr.includes(key))
  }))

test('SENDGRID_ADMIN_LOG is read by the core\'s rule: directives work, an unreadable value is said once', async () => {
  await withLog('sendgrid_admin::transport=debug,sendgrid_admin=warn', (stderr) =>
    assert.match(stderr, /DEBUG.*sendgrid_admin::transport.*answered.*status=200/))
  await withLog('verbose', (stderr) =>
    assert.match(stderr, /SENDGRID_ADMIN_LOG.*cannot read "verbose".*logging stays off/))
})

test('withOptions({ signal }): aborting drops the request in flight and ends a rate-limit wait', async () => {
  let closed = 0
  const seen = []
  const srv = http.createServer((req, res) => {
    seen.push(req.url)
    if (req.url.includes('slow')) {
      res.on('close', () => (closed += 1))
      return setTimeout(() => res.end('{}'), 5000)
    }
    // A rate limit that would make the client wait 30 s before its retry.
    res.statusCode = 429
    res.setHeader('retry-after', '30')
    res.setHeader('content-type', 'application/json')
    res.end('{"errors": [{"message": "too many requests"}]}')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  try {
    const base = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}` })
    const ac = new AbortController()
    const c = base.withOptions({ signal: ac.signal })
    const started = Date.now()
    const inFlight = c.request('GET', '/v3/slow').catch((e) => e)
    const waiting = c.request('GET', '/v3/limited').catch((e) => e)
    setTimeout(() => ac.abort(), 200)
    const [a, b] = await Promise.all([inFlight, waiting])
    assert.ok(Date.now() - started < 3000, 'both ended at the abort, not after 5 s or 30 s')
    for (const e of [a, b]) {
      assert.ok(e instanceof sg.CancelledError && e instanceof sg.SendGridError, String(e))
      assert.equal(e.code, 'cancelled')
    }
    await new Promise((r) => setTimeout(r, 100))
    assert.equal(closed, 1, 'the slow request was dropped: the server saw its connection close')
    // Later calls of the cancelled client fail at once without sending; the base client works.
    const n = seen.length
    await assert.rejects(c.request('GET', '/v3/limited'), (e) => e.code === 'cancelled' && e.attempts === 0)
    assert.equal(seen.length, n)
    const pre = base.withOptions({ signal: AbortSignal.abort() })
    await assert.rejects(pre.request('GET', '/v3/limited'), (e) => e.code === 'cancelled')
    assert.equal(seen.length, n)
    assert.throws(() => base.withOptions({ signal: 'soon' }), (e) => e.code === 'invalid_input' && e.field === 'signal')
  } finally {
    srv.closeAllConnections()
    srv.close()
  }
})

test('logger receives each attempt and retry of its client (and derived clients), never the key', async () => {
  let status = 503
  const srv = http.createServer((req, res) => {
    res.statusCode = status
    status = 200
    res.setHeader('content-type', 'application/json')
    res.setHeader('x-request-id', 'req-42')
    res.end('{"username": "me", "user_id": 1}')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  const records = []
  try {
    const c = new sg.Client({ apiKey: 'SG.logger-secret', baseUrl: `http://127.0.0.1:${srv.address().port}`, logger: (r) => records.push(r) })
    await c.request('GET', '/v3/user/username')
    // Delivered before the promise settled: no waiting needed.
    const answered = records.filter((r) => r.message === 'answered')
    assert.deepEqual(answered.map((r) => r.fields.status), ['503', '200'])
    assert.equal(answered[1].fields.request_id, 'req-42')
    assert.equal(answered[1].fields.path, '/v3/user/username')
    assert.equal(answered[1].level, 'debug')
    assert.match(answered[1].target, /^sendgrid_admin::/)
    const retry = records.find((r) => r.message.startsWith('retrying after'))
    assert.ok(retry && retry.level === 'info', JSON.stringify(records))
    const before = records.length
    await c.onBehalfOf('acme').withOptions({ maxRetries: 0 }).request('GET', '/v3/user/username')
    assert.ok(records.length > before, 'derived clients keep the logger')
    assert.ok(!JSON.stringify(records).includes('logger-secret'))
    // A client without a logger sends nothing to it.
    const n = records.length
    await new sg.Client({ apiKey: 'SG.x', baseUrl: `http://127.0.0.1:${srv.address().port}` }).request('GET', '/v3/user/username')
    assert.equal(records.length, n)
  } finally {
    srv.close()
  }
})

test('a trailing call-options object on every method: headers, maxRetries, timeoutMs, signal', async () => {
  const seen = []
  const srv = http.createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers })
    if (req.url.includes('slow')) return setTimeout(() => res.end('{}'), 3000)
    res.statusCode = req.url.includes('broken') ? 503 : 200
    res.setHeader('content-type', 'application/json')
    res.end(req.url.includes('monitor') ? '{"email": "a@example.com", "frequency": 5}' : '{"username": "me", "user_id": 1}')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  try {
    const c = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}` })
    await c.monitor.get('acme', { headers: { 'x-request-source': 'cron' } })
    assert.equal(seen.at(-1).headers['x-request-source'], 'cron')
    await c.monitor.get('acme')
    assert.equal(seen.at(-1).headers['x-request-source'], undefined, 'only that call')
    const n = seen.length
    await assert.rejects(c.request('GET', '/v3/broken', undefined, { maxRetries: 0 }), (e) => e.code === 'server' && e.attempts === 1)
    assert.equal(seen.length, n + 1)
    await assert.rejects(c.monitor.get('slow', { timeoutMs: 100, maxRetries: 0 }), (e) => e instanceof sg.RequestTimeoutError)
    const ac = new AbortController()
    const pending = c.monitor.get('slow', { signal: ac.signal })
    ac.abort()
    await assert.rejects(pending, (e) => e instanceof sg.CancelledError)
    // A bad option rejects the call's promise, naming it; nothing is sent. (The aborted call's
    // request may still reach the server meanwhile: only the others are counted.)
    const sent = () => seen.filter((r) => !r.url.includes('slow')).length
    const m = sent()
    await assert.rejects(c.monitor.get('acme', { timeoutMS: 5 }), (e) => e.code === 'invalid_input' && e.field === 'timeoutMS')
    await assert.rejects(c.subusers.list({ limit: 5 }, { headers: { authorization: 'x' } }), (e) => e.field === 'headers.authorization')
    assert.equal(sent(), m)
  } finally {
    srv.closeAllConnections()
    srv.close()
  }
})

test('one AbortSignal shared by many calls holds one listener; aborting it ends them all', async () => {
  const srv = http.createServer((req, res) => {
    if (req.url.includes('slow')) return setTimeout(() => res.end('{}'), 3000)
    res.setHeader('content-type', 'application/json')
    res.end('{"email": "a@example.com", "frequency": 5}')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  const warnings = []
  const onWarning = (w) => warnings.push(w.name)
  process.on('warning', onWarning)
  try {
    const c = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}` })
    const ac = new AbortController()
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 20 }, () => c.monitor.get('acme', { signal: ac.signal })))
    const scoped = c.withOptions({ signal: ac.signal })
    await scoped.monitor.get('acme')
    assert.equal(getEventListeners(ac.signal, 'abort').length, 1)
    const pending = [c.monitor.get('slow', { signal: ac.signal }), scoped.monitor.get('slow')]
    ac.abort()
    // Handlers on both at once: the second must not reject unobserved while the first is awaited.
    await Promise.all(pending.map((p) => assert.rejects(p, (e) => e instanceof sg.CancelledError)))
    await assert.rejects(scoped.monitor.get('acme'), (e) => e instanceof sg.CancelledError)
    // Another signal is independent of the aborted one.
    assert.equal((await c.monitor.get('acme', { signal: new AbortController().signal })).frequency, 5)
    await new Promise((r) => setImmediate(r))
    assert.deepEqual(warnings.filter((n) => n === 'MaxListenersExceededWarning'), [])
  } finally {
    process.off('warning', onWarning)
    srv.closeAllConnections()
    srv.close()
  }
})

test('iterators take the trailing call options too: every page request carries them', async () => {
  const seen = []
  const srv = http.createServer((req, res) => {
    seen.push(req.headers['x-job'])
    res.setHeader('content-type', 'application/json')
    const offset = Number(new URL(req.url, 'http://x').searchParams.get('offset') ?? 0)
    res.end(JSON.stringify(offset < 4 ? [{ id: offset + 1, username: `s${offset}`, email: 'e', disabled: false }, { id: offset + 2, username: `t${offset}`, email: 'e', disabled: false }] : []))
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  try {
    const c = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}` })
    const names = []
    for await (const s of c.subusers.iterAll({ pageSize: 2 }, { headers: { 'x-job': 'nightly' } })) names.push(s.username)
    assert.equal(names.length, 4)
    assert.ok(seen.length >= 2 && seen.every((h) => h === 'nightly'), JSON.stringify(seen))
    assert.throws(() => c.teammates.iterAll({}, { timeoutMS: 5 }), (e) => e.code === 'invalid_input' && e.field === 'timeoutMS')
  } finally {
    srv.close()
  }
})
