// The cross-language scenarios (tests/scenarios/*.json) through the Node binding.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'

import { KEY, ROOT, sg, startSandbox } from './helpers.mjs'

const DIR = path.join(ROOT, 'tests', 'scenarios')
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
const snake = (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
// Scenario arguments use the core's wire names; the binding takes camelCase options.
const opts = (a, ...drop) => Object.fromEntries(Object.entries(a).filter(([k]) => !drop.includes(k)).map(([k, v]) => [camel(k), v]))
// Results are compared in the core's JSON form (snake_case; the cursor under _metadata).
function toCore(v) {
  if (Array.isArray(v)) return v.map(toCore)
  if (v && typeof v === 'object') {
    const out = {}
    for (const [k, x] of Object.entries(v)) {
      if (k === 'nextParams') out._metadata = x ? { next_params: toCore(x) } : {}
      else if (k === 'creditAllocationType') { if (x != null) out.credit_allocation = { type: x } }
      else if (k !== 'nextAfterSubuserId') out[snake(k)] = toCore(x)
    }
    return out
  }
  return v
}
const collect = async (it) => { const all = []; for await (const x of it) all.push(x); return all }

const OPS = {
  'subusers.list': (c, a) => c.subusers.list(opts(a)),
  'subusers.list_all': (c, a) => collect(c.subusers.iterAll(opts(a))),
  'subusers.create': (c, a) => c.subusers.create(opts(a)),
  'subusers.enable': (c, a) => c.subusers.enable(a.username),
  'subusers.disable': (c, a) => c.subusers.disable(a.username),
  'subusers.delete': (c, a) => c.subusers.delete(a.username),
  'ips.set': (c, a) => c.ips.set(a.username, a.ips),
  'reputations.list': (c, a) => c.reputations.list(a.usernames),
  'credits.get': (c, a) => c.credits.get(a.username),
  'credits.set': (c, a) => c.credits.set(a.username, opts(a, 'username')),
  'credits.adjust_remaining': (c, a) => c.credits.adjustRemaining(a.username, a.allocation_update),
  'website_access.enable': (c, a) => c.websiteAccess.enable(a.username),
  'website_access.disable': (c, a) => c.websiteAccess.disable(a.username),
  'stats.subuser_monthly': (c, a) => c.stats.subuserMonthly(a.username, opts(a, 'username')),
  'stats.monthly': (c, a) => c.stats.monthly(opts(a)),
  'stats.list': (c, a) => c.stats.list(opts(a)),
  'stats.sums': (c, a) => c.stats.sums(opts(a)),
  'monitor.get': (c, a) => c.monitor.get(a.username),
  'monitor.create': (c, a) => c.monitor.create(a.username, opts(a, 'username')),
  'monitor.update': (c, a) => c.monitor.update(a.username, opts(a, 'username')),
  'monitor.delete': (c, a) => c.monitor.delete(a.username),
  'teammates.list': (c, a) => c.teammates.list(opts(a)),
  'teammates.list_all': (c, a) => collect(c.teammates.iterAll(a.page_size)),
  'teammates.get': (c, a) => c.teammates.get(a.username),
  'teammates.invite': (c, a) => c.teammates.invite(opts(a)),
  'teammates.update_permissions': (c, a) => c.teammates.updatePermissions(a.username, opts(a, 'username')),
  'teammates.delete': (c, a) => c.teammates.delete(a.username),
  'teammates.list_pending': (c) => c.teammates.listPending(),
  'teammates.delete_pending': (c, a) => c.teammates.deletePending(a.token),
  'teammates.resend_invite': (c, a) => c.teammates.resendInvite(a.token),
  'teammates.subuser_access': (c, a) => c.teammates.subuserAccess(a.teammate, opts(a, 'teammate')),
  'teammates.subuser_access_all': (c, a) => collect(c.teammates.iterSubuserAccess(a.teammate, opts(a, 'teammate'))),
  'scopes.list': (c) => c.scopes.list(),
  'scopes.list_access_requests': (c, a) => c.scopes.listAccessRequests(opts(a)),
  'scopes.approve_access_request': (c, a) => c.scopes.approveAccessRequest(a.request_id),
  'scopes.deny_access_request': (c, a) => c.scopes.denyAccessRequest(a.request_id),
}

function contains(got, want) {
  if (want === null) return got === null || got === undefined
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => contains(got[i], w))
  if (typeof want === 'object') return got !== null && typeof got === 'object' && Object.entries(want).every(([k, w]) => contains(got[k], w))
  return got === want
}
const lookup = (v, p) => p.split('.').filter(Boolean).reduce((x, k) => (x == null ? undefined : x[k]), v)
function substitute(v, names) {
  if (typeof v === 'string' && v.startsWith('${') && v.endsWith('}')) return names[v.slice(2, -1)] ?? v
  if (Array.isArray(v)) return v.map((x) => substitute(x, names))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, names)]))
  return v
}

let sb
before(async () => { sb = await startSandbox() })
after(() => sb.close())

for (const file of FILES) {
  test(file.replace(/\.json$/, ''), async () => {
    const sc = JSON.parse(readFileSync(path.join(DIR, file), 'utf8'))
    const seeds = sc.sandbox ?? {}
    await sb.reset(seeds.seed_subusers ?? 0, seeds.seed_teammates ?? 0)
    const spec = sc.client ?? {}
    const client = new sg.Client({ apiKey: spec.api_key ?? KEY, baseUrl: sb.url, maxRetries: spec.max_retries ?? 0, timeoutMs: spec.timeout_ms })
    const names = {}
    for (const [i, step] of sc.steps.entries()) {
      if (step.sandbox) {
        await sb.control(step.sandbox, step.body ?? {})
        continue
      }
      const where = `${file} step ${i + 1} (${step.op})`
      const exp = step.expect ?? {}
      let c = client
      if (step.on_behalf_of) c = step.on_behalf_of.subuser !== undefined ? client.onBehalfOf(step.on_behalf_of.subuser) : client.forAccount(step.on_behalf_of.account)
      const op = OPS[step.op]
      assert.ok(op, `${where}: unknown operation`)
      let got
      try {
        got = toCore(await op(c, substitute(step.args ?? {}, names)))
      } catch (e) {
        assert.ok(e instanceof sg.SendGridError, `${where}: ${e}`)
        assert.ok(exp.error, `${where}: unexpected ${e.code}: ${e.message}`)
        assert.equal(e.code, exp.error, `${where}: ${e.message}`)
        if (exp.status !== undefined) assert.equal(e.status, exp.status, where)
        if (exp.field !== undefined) assert.equal(e.field, exp.field, where)
        if (exp.message !== undefined) assert.ok(e.message.includes(exp.message) || e.errors.some((d) => d.message.includes(exp.message)), where)
        if (exp.attempts !== undefined) assert.equal(e.attempts, exp.attempts, where)
        continue
      }
      assert.ok(!exp.error, `${where}: expected ${exp.error}`)
      if (exp.ok !== undefined) assert.ok(contains(got, substitute(exp.ok, names)), `${where}: ${JSON.stringify(got).slice(0, 400)}`)
      if (exp.count !== undefined) assert.equal(got.length, exp.count, where)
      for (const [p, n] of Object.entries(exp.len ?? {})) assert.equal(lookup(got, p).length, n, where)
      for (const p of exp.absent ?? []) assert.ok(lookup(got, p) == null, `${where}: ${p}`)
      for (const [name, p] of Object.entries(step.save ?? {})) names[name] = lookup(got, p)
    }
  })
}
