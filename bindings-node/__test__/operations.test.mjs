// Every operation through the Node binding against the sandbox.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'

import { startSandbox, sg } from './helpers.mjs'

let sb
let c
before(async () => { sb = await startSandbox() })
after(() => sb.close())
beforeEach(async () => {
  await sb.reset(3, 4)
  c = sb.client()
})

test('subusers: create, list, disable, enable, delete', async () => {
  const created = await c.subusers.create({ username: 'acme', email: 'ops@acme.example', password: 'pw-123456', ips: ['192.0.2.1'], region: 'eu', includeRegion: true })
  assert.deepEqual([created.username, created.region, created.creditAllocationType], ['acme', 'eu', 'unlimited'])
  assert.equal(await c.subusers.disable('acme'), undefined)
  assert.equal((await c.subusers.list({ username: 'acme' }))[0].disabled, true)
  await c.subusers.enable('acme')
  const page = await c.subusers.list({ limit: 2, offset: 1, region: 'all', includeRegion: true })
  assert.deepEqual(page.map((s) => s.username), ['sub00002', 'sub00003'])
  assert.equal(page[0].region, 'global')
  await c.subusers.delete('acme')
  assert.equal((await c.subusers.list()).length, 3)
})

test('ips, reputations, credits, website access', async () => {
  assert.deepEqual((await c.ips.set('sub00001', ['198.51.100.1'])).ips, ['198.51.100.1'])
  const reps = await c.reputations.list(['sub00001', 'sub00002'])
  assert.deepEqual(reps.map((r) => r.username), ['sub00001', 'sub00002'])
  assert.equal((await c.credits.get('sub00001')).type, 'unlimited')
  const set = await c.credits.set('sub00001', { type: 'recurring', resetFrequency: 'monthly', total: 100 })
  assert.deepEqual([set.type, set.resetFrequency, set.remain], ['recurring', 'monthly', 100])
  assert.equal((await c.credits.adjustRemaining('sub00001', -40)).remain, 60)
  await c.websiteAccess.disable('sub00001')
  await c.websiteAccess.enable('sub00001')
})

test('statistics', async () => {
  const one = await c.stats.subuserMonthly('sub00001', { date: '2026-10-01', sortByMetric: 'opens' })
  assert.equal(one.stats[0].name, 'sub00001')
  assert.equal(typeof one.stats[0].metrics.delivered, 'number')
  assert.equal((await c.stats.monthly({ date: '2026-10-01', limit: 2, sortByDirection: 'asc' })).stats.length, 2)
  const days = await c.stats.list({ subusers: ['sub00001'], startDate: '2026-10-01', endDate: '2026-10-03', aggregatedBy: 'day' })
  assert.deepEqual(days.map((d) => d.date), ['2026-10-01', '2026-10-02', '2026-10-03'])
  assert.equal((await c.stats.sums({ startDate: '2026-10-01', limit: 3 })).stats.length, 3)
})

test('monitor', async () => {
  assert.deepEqual(await c.monitor.create('sub00001', { email: 'audit@example.com', frequency: 500 }), { email: 'audit@example.com', frequency: 500, extra: {} })
  assert.equal((await c.monitor.update('sub00001', { email: 'audit@example.com', frequency: 7 })).frequency, 7)
  assert.equal((await c.monitor.get('sub00001')).frequency, 7)
  await c.monitor.delete('sub00001')
})

test('teammates, invitations and subuser access', async () => {
  assert.equal((await c.teammates.list()).length, 5)
  assert.equal((await c.teammates.list({ limit: 2, offset: 1 })).length, 2)
  const t = await c.teammates.get('teammate0002')
  assert.deepEqual([t.userType, t.isAdmin, t.scopes], ['teammate', false, ['mail.send', 'stats.read', '2fa_required', 'sender_verification_eligible']])
  const inv = await c.teammates.invite({ email: 'new@example.com', scopes: ['stats.read'] })
  assert.deepEqual((await c.teammates.listPending()).map((p) => p.token), [inv.token])
  assert.equal((await c.teammates.resendInvite(inv.token)).email, 'new@example.com')
  await c.teammates.deletePending(inv.token)
  assert.equal((await c.teammates.updatePermissions('teammate0002', { isAdmin: true })).userType, 'admin')
  assert.deepEqual((await c.teammates.updatePermissions('teammate0002', { scopes: ['mail.send'] })).scopes, ['mail.send', '2fa_required', 'sender_verification_eligible'])
  await c.teammates.delete('teammate0002')
  const page = await c.teammates.subuserAccess('teammate0001', { limit: 2 })
  assert.deepEqual(page.subuserAccess.map((a) => a.id), [1001, 1002])
  assert.equal(page.nextAfterSubuserId, 1002)
  const last = await c.teammates.subuserAccess('teammate0001', { afterSubuserId: 1002 })
  assert.equal(last.nextAfterSubuserId, undefined)
})

test('scopes and access requests', async () => {
  assert.ok((await c.scopes.list()).includes('subusers.create'))
  await sb.reset(0, 10)
  const reqs = await c.scopes.listAccessRequests({ limit: 10 })
  assert.deepEqual(reqs.map((r) => r.id), [1, 2])
  assert.equal((await c.scopes.approveAccessRequest(1)).scopeGroupName, 'Stats')
  await c.scopes.denyAccessRequest(2)
  assert.deepEqual(await c.scopes.listAccessRequests(), [])
})

test('the key never shows in errors', async () => {
  const bad = new sg.Client({ apiKey: 'SG.super-secret-key', baseUrl: sb.url, maxRetries: 0 })
  await assert.rejects(bad.scopes.list(), (e) => e.code === 'unauthorized' && !e.message.includes('secret') && !JSON.stringify(e).includes('secret'))
})

test('fields SendGrid adds are kept in extra, and a model read back writes them back', async () => {
  await sb.control('quirks', { added_fields: true })
  const added = { sandbox_added: { since: '2026-12' } }
  const [sub] = await c.subusers.list()
  assert.deepEqual(sub.extra, added)
  assert.deepEqual(Object.keys(sub).sort(), ['disabled', 'email', 'extra', 'id', 'username'])
  const month = await c.stats.subuserMonthly('sub00001', { date: '2026-10-01' })
  assert.deepEqual([month.extra, month.stats[0].extra, month.stats[0].metrics.extra], [added, added, added])
  const m = await c.monitor.create('sub00001', { email: 'audit@example.com', frequency: 5 })
  assert.deepEqual(m.extra, added)
  assert.equal((await c.monitor.update('sub00001', m)).frequency, 5)
  await sb.control('quirks', { added_fields: false })
  assert.deepEqual((await c.subusers.list())[0].extra, {})
})
