// IP ↔ subuser assignment and SSO teammates against the sandbox: one IP state in every view,
// chunk outcomes, SSO subuser access written and read back, the silent drop rejected with
// code "not_applied", and the rules checked before sending.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'

import { sg, startSandbox } from './helpers.mjs'

let sb
let c
before(async () => { sb = await startSandbox() })
after(() => sb.close())
beforeEach(async () => {
  await sb.reset(3, 0)
  c = sb.client()
})

const IP = '192.0.2.77'

test('IP assignments show in every view', async () => {
  const out = await c.ips.assign(IP, ['sub00001', 'sub00002'])
  assert.deepEqual(out.map((o) => [o.item, o.ok]), [[['sub00001', 'sub00002'], true]])
  const mine = await c.ips.list({ subuser: 'sub00002', limit: 50 })
  const row = mine.find((x) => x.ip === IP)
  assert.deepEqual(row.subusers, ['sub00001', 'sub00002'])
  const ids = []
  for await (const id of c.ips.iterSubusersOf(IP, { pageSize: 1 })) ids.push(id)
  assert.equal(ids.length, 2)
  const page = await c.ips.subusersOf(IP, { limit: 1 })
  assert.deepEqual(page.subuserIds, ids.slice(0, 1))
  assert.equal(page.nextAfter, ids[0])
  await c.ips.unassign(IP, ['sub00001'])
  assert.deepEqual((await c.ips.subusersOf(IP)).subuserIds, ids.slice(1))
  const bad = await c.ips.assign(IP, ['ghost'])
  assert.equal(bad[0].ok, false)
  assert.equal(bad[0].error.code, 'invalid_input')
  assert.equal(bad[0].error.field, 'usernames[0]')
})

test('SSO teammates write subuser access and a silent drop is caught', async () => {
  const t = await c.teammates.createSso({
    email: 'ada@x.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    subuserAccess: [
      { subuser: 'sub00001', permissionType: 'admin' },
      { subuser: 'sub00002', permissionType: 'restricted', scopes: ['stats.read'] }
    ]
  })
  assert.ok(t.isSso && t.hasRestrictedSubuserAccess)
  assert.deepEqual(t.subuserAccess.map((a) => a.permissionType), ['admin', 'restricted'])
  assert.equal((await c.teammates.subuserAccess('ada@x.test')).subuserAccess.length, 2)
  const bad = { firstName: 'Ada', lastName: 'L', subuserAccess: [{ subuser: 'sub00003', permissionType: 'restricted', scopes: ['sender_verification_legacy'] }] }
  await assert.rejects(c.teammates.updateSso('ada@x.test', bad), (e) => e instanceof sg.SendGridError && e.code === 'bad_request')
  await sb.control('quirks', { sso_silent_drop: true })
  await assert.rejects(c.teammates.updateSso('ada@x.test', bad), (e) => e.code === 'not_applied' && e.message.includes('sub00003'))
  const admin = await c.teammates.updateSso('ada@x.test', { firstName: 'Ada', lastName: 'King', isAdmin: true })
  assert.ok(admin.isAdmin && !admin.hasRestrictedSubuserAccess)
})

test('rules are checked before sending', async () => {
  const before = (await sb.stats()).counters.requests
  const admin = { subuser: 'sub00001', permissionType: 'admin' }
  const cases = [
    [() => c.ips.assign('300.0.0.1', ['a']), 'ip'],
    [() => c.ips.unassign(IP, []), 'usernames'],
    [() => c.ips.list({ sortByDirection: 'sideways' }), 'sortByDirection'],
    [() => c.ips.subusersOf(IP, { limit: 101 }), 'limit'],
    [() => c.onBehalfOf('sub00001').ips.list(), 'on_behalf_of'],
    [() => c.teammates.createSso({ email: 'a@x.test', firstName: 'A', lastName: 'B', isAdmin: true, scopes: ['stats.read'] }), 'scopes'],
    [() => c.teammates.createSso({ email: 'a@x.test', firstName: 'A', lastName: 'B', persona: 'observer', subuserAccess: [admin] }), 'persona'],
    [() => c.teammates.createSso({ email: 'a@x.test', firstName: 'A', lastName: 'B', subuserAccess: [{ ...admin, scopes: ['x'] }] }), 'subuser_access[0].scopes'],
    [() => c.teammates.createSso({ email: 'a@x.test', firstName: 'A', lastName: 'B', subuserAccess: [{ ...admin, permissionType: 'owner' }] }), 'subuser_access[0].permission_type'],
    [() => c.teammates.updateSso('a@x.test', { firstName: 'A', lastName: 'B' }), 'scopes']
  ]
  for (const [call, field] of cases) {
    await assert.rejects(call(), (e) => e.code === 'invalid_input' && e.field === field, field)
  }
  assert.equal((await sb.stats()).counters.requests, before)
})
