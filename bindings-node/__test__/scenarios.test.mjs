// The cross-language scenarios (tests/scenarios/*.json) through the Node binding.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'

import { KEY, ROOT, call, sg, startSandbox } from './helpers.mjs'

const DIR = path.join(ROOT, 'tests', 'scenarios')
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()

const snake = (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
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
      const obo = substitute(step.on_behalf_of, names)
      if (obo) c = obo.subuser !== undefined ? client.onBehalfOf(obo.subuser) : client.forAccount(obo.account)
      let got
      try {
        got = toCore(await call(c, step.op, substitute(step.args ?? {}, names)))
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
