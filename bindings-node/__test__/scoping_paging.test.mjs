// Scoped on-behalf-of without leaks, async iteration over 1,000 subusers, concurrency, bulk.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'

import { sg, startSandbox } from './helpers.mjs'

let sb
let c
before(async () => { sb = await startSandbox() })
after(() => sb.close())
beforeEach(async () => {
  await sb.reset(3, 4)
  c = sb.client()
})

test('onBehalfOf returns a new client and never leaks', async () => {
  await c.subusers.create({ username: 'acme', email: 'ops@acme.example', password: 'pw-123456' })
  const acme = c.onBehalfOf('acme')
  assert.equal(acme.currentOnBehalfOf, 'acme')
  assert.equal(c.currentOnBehalfOf, null)
  assert.deepEqual((await acme.teammates.list()).map((t) => t.username), ['acme'])
  assert.equal((await c.teammates.list()).length, 5)
  assert.deepEqual((await acme.teammates.list()).map((t) => t.username), ['acme'])
  assert.ok(!(await acme.scopes.list()).includes('subusers.create'))
  assert.ok((await c.scopes.list()).includes('subusers.create'))
  assert.equal(acme.asParent().currentOnBehalfOf, null)
  const customer = c.forAccount('42')
  assert.equal(customer.currentOnBehalfOf, 'account-id 42')
  assert.equal((await customer.teammates.list()).length, 1)
  const byDefault = sb.client({ onBehalfOf: 'acme' })
  assert.deepEqual((await byDefault.teammates.list()).map((t) => t.username), ['acme'])
})

test('async iteration over 1,000 subusers and the subuser-access cursor', async () => {
  await sb.reset(1000, 2)
  const ids = new Set()
  for await (const s of c.subusers.iterAll({ pageSize: 128 })) ids.add(s.id)
  assert.equal(ids.size, 1000)
  let restricted = 0
  for await (const a of c.teammates.iterSubuserAccess('teammate0002', { pageSize: 64 })) restricted += a.permissionType === 'restricted' ? 1 : 0
  assert.equal(restricted, 500)
  const names = []
  for await (const t of c.teammates.iterAll({ pageSize: 1 })) names.push(t.username)
  assert.deepEqual(names, ['sandbox-parent', 'teammate0001', 'teammate0002'])
})

test('pagers are async iterators: next() gives { done, value }, break releases the listing', async () => {
  await sb.reset(100)
  const p = c.subusers.iterAll({ pageSize: 10 })
  const first = await p.next()
  assert.equal(first.done, false)
  assert.equal(first.value.username, 'sub00001')
  const before = (await sb.stats()).counters.requests
  let n = 0
  for await (const s of p) {
    n += 1
    if (s.username === 'sub00005') break
  }
  assert.equal(n, 4)
  assert.deepEqual(await p.next(), { done: true }, 'break called return(): the listing is over')
  assert.equal((await sb.stats()).counters.requests, before, 'no further page was fetched')
  assert.deepEqual(await c.teammates.iterAll().return(), { done: true })
  assert.throws(() => c.teammates.iterAll({ pageSize: 1.5 }), (e) => e.code === 'invalid_input' && e.field === 'pageSize')
})

test('iteration surfaces errors', async () => {
  await sb.reset(30)
  await sb.control('faults', { sequence: ['ok', 404] })
  const seen = []
  await assert.rejects(async () => {
    for await (const s of c.subusers.iterAll({ pageSize: 10 })) seen.push(s)
  }, (e) => e.code === 'not_found')
  assert.equal(seen.length, 10)
})

test('many concurrent calls', async () => {
  await sb.reset(100)
  await sb.control('faults', { latency_ms: 50 })
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => c.subusers.list({ username: `sub${String(i + 1).padStart(5, '0')}` })))
  assert.deepEqual(results.map((r) => r[0].username), Array.from({ length: 100 }, (_, i) => `sub${String(i + 1).padStart(5, '0')}`))
  assert.ok((await sb.stats()).counters.max_in_flight >= 4)
})

test('bulk helpers', async () => {
  await sb.reset(120)
  const names = Array.from({ length: 120 }, (_, i) => `sub${String(i + 1).padStart(5, '0')}`).concat(['ghost'])
  const seen = []
  const out = await c.bulk.setDisabled(names, true, {
    concurrency: 16,
    onProgress: (p) => {
      seen.push(p)
      if (p.done === 3) throw new Error('a throwing callback does not break the job')
    },
  })
  assert.equal(out.length, 121)
  // Every progress call came before the promise settled, in order.
  assert.equal(seen.length, 121)
  assert.deepEqual(seen.map((p) => p.done), Array.from({ length: 121 }, (_, i) => i + 1))
  assert.equal(seen.at(-1).total, 121)
  assert.ok(out.slice(0, 120).every((r) => r.ok))
  assert.deepEqual([out[120].item, out[120].ok, out[120].error.code], ['ghost', false, 'not_found'])
  await assert.rejects(c.bulk.setDisabled(names, true, { onProgress: 5 }), (e) => e instanceof sg.InvalidInputError && e.field === 'onProgress' && /must be a function, not a number/.test(e.message))
  assert.throws(() => new sg.Client({ apiKey: 'SG.x', logger: 'yes' }), (e) => e instanceof sg.InvalidInputError && e.field === 'logger')
  const mons = await c.bulk.updateMonitors([{ username: 'sub00001', email: 'a@example.com', frequency: 5 }, { username: 'sub00002', email: 'a@example.com', frequency: 0 }])
  assert.equal(mons[0].monitor.frequency, 5)
  assert.equal(mons[1].error.code, 'invalid_input')
  // A frequency that is no whole number refuses the job before sending, naming the item.
  await assert.rejects(
    c.bulk.updateMonitors([{ username: 'sub00001', email: 'a@example.com', frequency: 5 }, { username: 'sub00002', email: 'a@example.com', frequency: -3 }]),
    (e) => e.code === 'invalid_input' && e.field === 'items[1].frequency' && e.attempts === 0,
  )
  assert.deepEqual((await c.bulk.setIps([{ username: 'sub00003', ips: ['192.0.2.5'] }]))[0].ips, ['192.0.2.5'])
  assert.deepEqual((await c.bulk.reputations(names.slice(0, 120))).map((r) => r.reputations.length), [100, 20])
})
