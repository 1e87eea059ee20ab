// Soak: BENCH_SOAK_N (default 1,000,000) plain calls through the Node binding against the
// sandbox (a promise pool of 16), sampling RSS and the thread count every tenth of the run.
// Flat = no leak.   node bench/node/soak.mjs
import { readFileSync } from 'node:fs'

import { KEY, env, startSandbox, table } from './common.mjs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const sg = require('../../bindings-node/sendgrid-admin.js')
const N = env('BENCH_SOAK_N', 1_000_000)
const CONC = 16

function sample() {
  const status = readFileSync('/proc/self/status', 'utf8')
  const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? 0)
  return [field('VmRSS') / 1024, field('Threads')]
}

const sb = await startSandbox('--seed-subusers', '1')
try {
  const c = new sg.Client({ apiKey: KEY, baseUrl: sb.url })
  await c.monitor.create('sub00001', { email: 'a@example.com', frequency: 5 })
  const step = Math.max(Math.floor(N / 10), 1)
  const samples = []
  let done = 0
  const t = performance.now()
  await Promise.all(Array.from({ length: CONC }, async () => {
    for (let i = 0; i < Math.floor(N / CONC); i++) {
      await c.monitor.get('sub00001')
      done++
      if (done % step === 0) samples.push([done, ...sample()])
    }
  }))
  const secs = (performance.now() - t) / 1000
  const [first, last] = [samples[0], samples.at(-1)]
  const peak = Math.max(...samples.map((s) => s[1]))
  console.log(`### Node soak: ${N.toLocaleString('en')} calls of monitor.get\n`)
  console.log(table(['client', 'calls', 'seconds', 'RSS at 10% (MiB)', 'RSS at end (MiB)', 'RSS peak (MiB)', 'threads 10% → end'], [
    ['promise pool of 16', last[0].toLocaleString('en'), secs.toFixed(0), first[1].toFixed(1), last[1].toFixed(1), peak.toFixed(1), `${first[2]} → ${last[2]}`],
  ]))
} finally {
  sb.close()
}
