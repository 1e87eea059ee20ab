// Bulk monitor updates, unlimited and rate-limited: our binding's bulk helper and plain calls
// against the official @sendgrid/client 8.1.6, at the same concurrency.
//   node bench/node/bench_bulk.mjs
import { createRequire } from 'node:module'

import { KEY, ceiling, env, names, pool, startSandbox, table } from './common.mjs'

const require = createRequire(import.meta.url)
const ours = require('sendgrid-admin')
const official = require('@sendgrid/client')
const undici = require('undici')

const N = env('BENCH_N', 10000)
const CONC = env('BENCH_CONCURRENCY', 16)
const LIMIT = env('BENCH_LIMIT', 200)
const LIMITED_N = env('BENCH_LIMITED_N', 1000)
const ROUNDS = env('BENCH_ROUNDS', 3)

const sb = await startSandbox('--seed-subusers', String(Math.max(N, LIMITED_N)))
const all = names(Math.max(N, LIMITED_N))
const client = new ours.Client({ apiKey: KEY, baseUrl: sb.url })
official.setApiKey(KEY)
official.setDefaultRequest('baseUrl', sb.url)

const oursBulk = async (n) => (await client.bulk.updateMonitors(all.slice(0, n).map((username, i) => ({ username, email: 'audit@example.com', frequency: 1 + (i % 1000) })), { concurrency: CONC })).filter((r) => !r.ok).length
const oursPlain = (n) => pool(n, CONC, (i) => client.monitor.update(all[i], { email: 'audit@example.com', frequency: 1 + (i % 1000) }))
const agent = new undici.Agent({ connections: CONC })
const undiciRun = (n) => pool(n, CONC, async (i) => {
  const r = await undici.request(`${sb.url}/v3/subusers/${all[i]}/monitor`, {
    method: 'PUT', dispatcher: agent,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'audit@example.com', frequency: 1 + (i % 1000) }),
  })
  await r.body.json()
  if (r.statusCode !== 200) throw new Error(String(r.statusCode))
})
const officialRun = (n) => pool(n, CONC, (i) => official.request({ method: 'PUT', url: `/v3/subusers/${all[i]}/monitor`, body: { email: 'audit@example.com', frequency: 1 + (i % 1000) } }))

const withoutStacks = async (fn) => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return await fn()
  } finally {
    Error.stackTraceLimit = limit
  }
}

const timed = async (fn) => {
  const t = performance.now()
  const failed = await fn()
  return [(performance.now() - t) / 1000, failed]
}

try {
  await oursBulk(Math.min(N, 200)) // warm up
  await officialRun(Math.min(N, 200))
  // The fast runs (and the ceiling) are repeated ROUNDS times, interleaved, keeping each one's
  // best: on a shared 2-core machine one run of each can land in a noisy second.
  const repeated = [
    ['ours bulk.updateMonitors', () => oursBulk(N)],
    ['ours monitor.update, promise pool', () => oursPlain(N)],
    // The cost of the caller's frames in rejection stacks: one Error captured per call.
    ['ours monitor.update, promise pool, Error.stackTraceLimit = 0', () => withoutStacks(() => oursPlain(N))],
    ['undici 7.30.2 request (hand-written PUTs), promise pool', () => undiciRun(N)],
  ]
  const once = [['official @sendgrid/client 8.1.6, promise pool', () => officialRun(N)]]
  const best = {}
  let top = 0
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of round === 0 ? [...repeated, ...once] : repeated) {
      const cpu = process.cpuUsage()
      const [secs, failed] = await timed(fn)
      const used = process.cpuUsage(cpu)
      if (!best[name] || secs < best[name][0]) best[name] = [secs, (used.user + used.system) / 1e6, failed]
    }
    top = Math.max(top, ceiling(sb.url, N, CONC))
  }
  const rows = []
  const rps = {}
  for (const [name] of [...repeated, ...once]) {
    const [secs, cpu, failed] = best[name]
    rps[name] = N / secs
    rows.push([name, CONC, N, secs.toFixed(2), (N / secs).toFixed(0), ((cpu / N) * 10000).toFixed(2), failed])
  }
  rows.push(['ceiling: bare reqwest PUT loop (Rust)', CONC, N, (N / top).toFixed(2), top.toFixed(0), '–', 0])
  console.log(`### Node: monitor updates, unlimited sandbox (ours, undici and the ceiling: best of ${ROUNDS} interleaved rounds)\n`)
  console.log(table(['client', 'concurrency', 'items', 'seconds', 'requests/s', 'CPU s / 10,000 requests (this process)', 'failed'], rows))
  const o = rps['official @sendgrid/client 8.1.6, promise pool']
  console.log(`\nours bulk / official: ${(rps['ours bulk.updateMonitors'] / o).toFixed(1)}x; ours plain / official: ${(rps['ours monitor.update, promise pool'] / o).toFixed(1)}x; ours bulk / ceiling: ${Math.round((100 * rps['ours bulk.updateMonitors']) / top)}% (goal 85%); ours plain / ceiling: ${Math.round((100 * rps['ours monitor.update, promise pool']) / top)}% (goal 80%); ours plain / undici: ${(rps['ours monitor.update, promise pool'] / rps['undici 7.30.2 request (hand-written PUTs), promise pool']).toFixed(2)}x; call-site stacks cost ${(100 * (1 - rps['ours monitor.update, promise pool'] / rps['ours monitor.update, promise pool, Error.stackTraceLimit = 0'])).toFixed(1)}% of plain-call throughput\n`)

  const minimum = Math.ceil(LIMITED_N / LIMIT)
  const limited = []
  for (const [name, fn] of [
    ['ours bulk.updateMonitors (default retries + pacing)', () => oursBulk(LIMITED_N)],
    ['official @sendgrid/client 8.1.6 (its defaults)', () => officialRun(LIMITED_N)],
  ]) {
    await sb.control('rate-limit', { limit: LIMIT, window_secs: 1 })
    // Start on a window boundary, as ceil(N/L)·window assumes.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5))
    const [secs, failed] = await timed(fn)
    limited.push([name, LIMITED_N, secs.toFixed(2), (secs / minimum).toFixed(3), minimum > 1 ? (secs / (minimum - 1)).toFixed(3) : '–', failed])
  }
  console.log(`### Node: ${LIMITED_N} monitor updates, sandbox limited to ${LIMIT} per 1 s (minimum ${minimum} s)\n`)
  console.log(table(['client', 'items', 'seconds', 'time / ceil(N/L)·window', 'time / (ceil(N/L)−1)·window', 'failed items'], limited))
} finally {
  sb.close()
}
