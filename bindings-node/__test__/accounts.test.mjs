// Customer accounts against the sandbox: the reseller story, cursor iterators, and the rules
// checked before sending.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { inspect } from 'node:util'

import { sg, startSandbox } from './helpers.mjs'

let sb
let c
before(async () => { sb = await startSandbox() })
after(() => sb.close())
beforeEach(async () => {
  await sb.reset(0, 0)
  c = sb.client()
})

const FREE = { name: 'org.ei.free.v1', type: 'package', quantity: 1 }

test('a reseller provisions, acts as, suspends and deletes an account', async () => {
  assert.ok((await c.accounts.catalog()).some((e) => e.offering.type === 'package'))
  const ids = []
  for (let i = 0; i < 3; i++) ids.push((await c.accounts.create({ offerings: [FREE], profile: { email: 'ops@acme.example' } })).accountId)
  const listed = []
  for await (const a of c.accounts.iterAll({ pageSize: 2 })) listed.push(a.id)
  assert.deepEqual(listed, ids)
  assert.equal((await c.accounts.list({ limit: 2 })).nextAfter, ids[1])
  const id = ids[0]
  const now = await c.accounts.setOfferings(id, [{ name: 'org.ei.pro.v1', type: 'package' }, { name: 'org.ei.ip.v1', type: 'addon', quantity: 1 }])
  assert.deepEqual(now.map((o) => o.type), ['package', 'addon'])
  assert.deepEqual(await c.accounts.offerings(id), now)
  const added = await c.accounts.addIps(id, 3, 'eu')
  assert.equal(added.ips.length, 3)
  const ips = []
  for await (const x of c.accounts.iterIps(id, { pageSize: 2 })) ips.push(x.ip)
  assert.deepEqual(ips, [...added.ips].reverse())
  await c.accounts.removeIps(id, added.ips.slice(0, 1))
  assert.equal((await c.accounts.ips(id)).ips.length, 2)
  assert.equal((await c.forAccount(id).teammates.list()).length, 1)
  assert.equal((await c.forAccount(id).user.username()).username, (await c.forAccount(id).teammates.list())[0].username)
  assert.equal((await c.user.account()).type, 'paid')
  const scoped = c.forAccount(id)
  const key = await scoped.apiKeys.create('mail', ['mail.send'])
  assert.match(key.apiKey, /^SG\./)
  assert.ok(!inspect(key).includes(key.apiKey) && !JSON.stringify(key).includes(key.apiKey))
  assert.deepEqual((await scoped.apiKeys.list()).map((k) => k.apiKeyId), [key.apiKeyId])
  assert.equal((await scoped.apiKeys.update(key.apiKeyId, 'mail2', ['mail.send'])).name, 'mail2')
  await scoped.apiKeys.delete(key.apiKeyId)
  assert.deepEqual(await c.apiKeys.list(), [])
  assert.equal(await c.accounts.state(id), 'activated')
  await c.accounts.setState(id, 'deactivated')
  assert.equal(await c.accounts.state(id), 'deactivated')
  assert.match(await c.accounts.ssoLogin(id), /^https:\/\/app\.sendgrid\.com\//)
  await c.accounts.delete(id)
  const e = await c.accounts.state(id).catch((x) => x)
  assert.ok(e instanceof sg.SendGridError)
  assert.equal(e.code, 'not_found')
  assert.equal(e.errors[0].errorId, '10-40400')
})

test('account rules are checked before sending', async () => {
  const before = (await sb.stats()).counters.requests
  const cases = [
    [() => c.accounts.create({ offerings: [] }), 'offerings'],
    [() => c.accounts.create({ offerings: [{ ...FREE, quantity: 2 }] }), 'offerings[0].quantity'],
    [() => c.accounts.create({ offerings: [FREE], profile: { phone: '12ab' } }), 'profile.phone'],
    [() => c.accounts.setState('sg1', 'banned'), 'state'],
    [() => c.accounts.addIps('sg1', 11, 'us'), 'count'],
    [() => c.accounts.addIps('sg1', 1, 'mars'), 'region'],
    [() => c.accounts.removeIps('sg1', []), 'ips'],
    [() => c.accounts.list({ limit: 101 }), 'limit'],
    [() => c.forAccount('sg1').accounts.catalog(), 'on_behalf_of'],
  ]
  for (const [call, field] of cases) {
    await assert.rejects(call(), (e) => e instanceof sg.SendGridError && e.code === 'invalid_input' && e.field === field, field)
  }
  assert.throws(() => c.accounts.iterAll({ pageSize: -1 }), (e) => e instanceof sg.SendGridError && e.field === 'pageSize')
  assert.equal((await sb.stats()).counters.requests, before)
})
