// Starts the sandbox binary on a free port for one test file; tests reset it as they need.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { built } from '../../tests/binaries.mjs' // shared with the benchmarks

const require = createRequire(import.meta.url)
export const sg = require('../sendgrid-admin.js')
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const KEY = 'SG.sandbox-key'


function binary() {
  if (process.env.SENDGRID_ADMIN_SANDBOX) return process.env.SENDGRID_ADMIN_SANDBOX
  const found = built('sendgrid-admin-sandbox', ['debug', 'release'])
  if (found) return found
  throw new Error('build the sandbox first: cargo build -p sendgrid-admin-sandbox')
}

export async function startSandbox() {
  const proc = spawn(binary(), ['--port', '0', '--customer-account', '42'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let buf = ''
    proc.stdout.on('data', (d) => {
      buf += d
      const m = buf.match(/listening on (http:\/\/\S+)/)
      if (m) resolve(m[1])
    })
    proc.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)))
  })
  const control = async (name, body = {}) => {
    const r = await fetch(`${url}/__sandbox/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!r.ok) throw new Error(`sandbox ${name}: ${r.status}`)
  }
  return {
    url,
    control,
    reset: (subusers = 0, teammates = 0) => control('reset', { seed_subusers: subusers, seed_teammates: teammates }),
    stats: async () => (await fetch(`${url}/__sandbox/stats`)).json(),
    client: (extra = {}) => new sg.Client({ apiKey: KEY, baseUrl: url, maxRetries: 0, ...extra }),
    close: () => proc.kill(),
  }
}

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
// Scenario arguments use the core's wire names; the binding takes camelCase options.
const camelDeep = (v) => Array.isArray(v) ? v.map(camelDeep) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelDeep(x)])) : v
const opts = (a, renames, ...drop) =>
  camelDeep(Object.fromEntries(Object.entries(a).filter(([k]) => !drop.includes(k)).map(([k, v]) => [renames?.[k] ?? k, v])))
const collect = async (it) => { const all = []; for await (const x of it) all.push(x); return all }

/** How each operation is called: tests/operations.json, shared by every language's runner. */
export const OPS = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'operations.json'), 'utf8')).operations

/** Calls `op` (the core's `resource.method`) with `a` (arguments by their wire names). */
export function call(c, op, a) {
  const how = OPS[op]
  if (!how) throw new Error(`unknown operation ${op}`)
  const [resource, name] = op.split('.')
  const params = how.params ?? []
  const args = params.map((p) => a[p])
  if (how.options) args.push(opts(a, how.renames, ...params))
  const r = c[camel(resource)][camel(how.method ?? name)](...args)
  return how.pager ? collect(r) : r
}
