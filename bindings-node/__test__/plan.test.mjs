// export / plan / apply through the Node binding: plain objects in the document's own shape,
// one outcome per change, drift as code "conflict", every problem of a bad document at once.
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'

import { sg, startSandbox } from './helpers.mjs'

let sb
let c
before(async () => { sb = await startSandbox() })
after(() => sb.close())
beforeEach(async () => {
  await sb.reset(3, 2)
  c = sb.client()
})

const DOC = `
subusers:
  - username: sub00001
    disabled: true
    monitor: {email: audit@example.com, frequency: 10}
  - username: node-new
    email: node-new@example.com
    password_env: NODE_PLAN_PW
    ips: [192.0.2.10]
teammates:
  - email: node@example.com
    scopes: [mail.send]
`

test('export plans nothing and round-trips through YAML', async () => {
  const doc = await c.export()
  assert.equal(doc.subusers.length, 3)
  assert.equal(doc.subusers[0].monitor, null)
  assert.equal(doc.teammates.length, 2)
  const yaml = sg.documentToYaml(doc)
  assert.ok(!yaml.includes('password'))
  assert.deepEqual(sg.documentFromYaml(yaml), doc)
  const plan = await c.plan(doc, { prune: true })
  assert.deepEqual(plan, { changes: [], unmanaged: [], warnings: [] })
})

test('plan, apply with progress, converge', async () => {
  process.env.NODE_PLAN_PW = 'correct horse battery staple 4'
  const plan = await c.plan(DOC)
  assert.deepEqual(plan.changes.map((ch) => [ch.resource, ch.key, ch.action]), [
    ['subuser', 'sub00001', 'update'],
    ['subuser', 'node-new', 'create'],
    ['teammate', 'node@example.com', 'create'],
  ])
  assert.deepEqual(plan.changes[0].fields[0], { field: 'disabled', before: false, after: true })
  assert.match(sg.planToText(plan), /~ subuser sub00001\n {4}disabled: false -> true/)
  const seen = []
  const out = await c.apply(plan, { concurrency: 2, onProgress: (p) => seen.push(p) })
  assert.deepEqual(out.map((o) => [o.item.key, o.ok]), [['sub00001', true], ['node-new', true], ['node@example.com', true]])
  assert.equal(seen.at(-1).done, 3)
  assert.equal((await c.plan(DOC)).changes.length, 0)
  // The same, now stale, plan again: nothing written, nothing failed.
  assert.ok((await c.apply(plan)).every((o) => o.ok))
})

test('drift is a conflict; bad documents name every problem', async () => {
  const plan = await c.plan({ subusers: [{ username: 'sub00002', monitor: { email: 'a@example.com', frequency: 3 } }] })
  await c.monitor.create('sub00002', { email: 'b@example.com', frequency: 4 })
  const [o] = await c.apply(plan)
  assert.equal(o.ok, false)
  assert.equal(o.error.code, 'conflict')
  await assert.rejects(
    c.plan({ subusers: [{ username: 'a', ips: ['1.2.3'] }, { username: 'a' }] }),
    (e) => e instanceof sg.SendGridError && e.code === 'invalid_input' && /subusers\[0\]\.ips\[0\]/.test(e.message) && /subusers\[1\]\.username/.test(e.message),
  )
  assert.throws(() => sg.documentFromYaml('subusers:\n  - username: a\n    emial: x@example.com\n'), /line 3/)
})

test('every kind of teammate converges under SendGrid\'s own scopes (issue #34)', async () => {
  await sb.reset(4, 60)
  await c.teammates.createSso({ email: 'open@x.test', firstName: 'Ada', lastName: 'Lovelace', scopes: ['mail.send'] })
  await c.teammates.createSso({
    email: 'restricted@x.test',
    firstName: 'Bo',
    lastName: 'Li',
    subuserAccess: [{ subuser: 'sub00001', permissionType: 'restricted', scopes: ['mail.send'] }]
  })
  assert.ok((await c.teammates.get('open@x.test')).scopes.includes('2fa_exempt'))
  const doc = await c.export()
  const mates = Object.fromEntries(doc.teammates.map((t) => [t.email, t]))
  assert.equal(Object.keys(mates).length, 62)
  assert.deepEqual(mates['teammate0001@seed.test'], { email: 'teammate0001@seed.test', is_admin: true })
  assert.deepEqual(mates['open@x.test'], { email: 'open@x.test', scopes: ['mail.send'] })
  assert.equal(mates['restricted@x.test'].scopes, undefined)
  assert.deepEqual(mates['restricted@x.test'].subuser_access[0].scopes, ['mail.send'])
  assert.ok(!sg.documentToYaml(doc).includes('2fa_'))
  assert.ok(sg.planIsEmpty(await c.plan(doc)))
  mates['open@x.test'].scopes.push('stats.read')
  const plan = await c.plan(doc)
  assert.ok(!sg.planIsEmpty(plan))
  assert.deepEqual(plan.changes.map((ch) => [ch.key, ch.fields.map((f) => f.field)]), [['open@x.test', ['permissions']]])
  assert.ok((await c.apply(plan)).every((o) => o.ok))
  assert.equal((await c.plan(doc)).changes.length, 0)
  await assert.rejects(
    c.plan({ teammates: [{ email: 'x@x.test', scopes: ['mail.send'], subuser_access: [{ subuser: 'sub00001', permission_type: 'admin' }] }] }),
    (e) => e.code === 'invalid_input' && e.message.includes('teammates[0].scopes')
  )
})
