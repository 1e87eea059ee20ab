// Contract checks against SendGrid's own spec (tests/contract/sendgrid-admin.oai.json, merged
// from SendGrid's published OpenAPI files) served by Prism: every request our client sends for
// every operation passes Prism's request validation, and every answer Prism makes up from the
// schemas (dynamic mode, one Prism per seed) decodes.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { after, before, test } from 'node:test'

import { OPS, ROOT, call, sg } from './helpers.mjs'

const SPEC = path.join(ROOT, 'tests', 'contract', 'sendgrid-admin.oai.json')
const CALLS = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'contract', 'calls.json'), 'utf8')).calls
const PRISM = path.join(ROOT, 'tests', 'contract', 'node_modules', '.bin', 'prism')
/** Seeds of made-up answers (Prism answers one request the same way per seed); more with
 *  SENDGRID_ADMIN_CONTRACT_SEEDS=20 (bench/run does). */
const SEEDS = Number(process.env.SENDGRID_ADMIN_CONTRACT_SEEDS ?? 4)

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)) })
})

async function prism(...flags) {
  const port = await freePort()
  const proc = spawn(PRISM, ['mock', SPEC, '-p', String(port), '--errors', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  await new Promise((resolve, reject) => {
    const seen = (d) => { log += d; if (log.includes('Prism is listening')) resolve() }
    proc.stdout.on('data', seen)
    proc.stderr.on('data', seen)
    proc.on('exit', (code) => reject(new Error(`prism exited with ${code}: ${log.slice(-2000)}`)))
  })
  const client = new sg.Client({ apiKey: 'SG.contract', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 })
  return { client, close: () => proc.kill() }
}

let fixed
let dynamic = []
before(async () => {
  const seeds = Array.from({ length: SEEDS }, (_, i) => prism('-d', '--seed', String(i + 1)))
  ;[fixed, ...dynamic] = await Promise.all([prism(), ...seeds])
})
after(() => { fixed?.close(); dynamic.forEach((d) => d.close()) })

const describe = (e) => `${e.code} ${e.status ?? ''}: ${e.message}`

test('calls.json calls every operation of the manifest (pagers through their pages)', () => {
  const called = new Set(CALLS.map((c) => c.op))
  const missing = Object.entries(OPS).filter(([op, how]) => !how.pager && !called.has(op)).map(([op]) => op)
  assert.deepEqual(missing, [])
})

test('every request passes the spec\'s validation (Prism answers its examples)', async () => {
  const failures = []
  for (const { op, args } of CALLS) {
    try { await call(fixed.client, op, args) } catch (e) { failures.push(`${op}: ${describe(e)}`) }
  }
  assert.deepEqual(failures, [])
})

test('every answer made up from the spec\'s schemas decodes', async () => {
  const failures = new Map()
  for (const { op, args } of CALLS) {
    for (const [i, server] of dynamic.entries()) {
      try { await call(server.client, op, args) } catch (e) {
        // A made-up subuser list rarely names the subuser looked up: that is the client's
        // documented invalid_input, not a decoding failure. Everything else must succeed.
        if (e.code === 'invalid_input' && /no subuser is named/.test(e.message)) continue
        if (!failures.has(op)) failures.set(op, `${op} (seed ${i + 1}): ${describe(e)}`)
      }
    }
  }
  assert.deepEqual([...failures.values()], [])
})
