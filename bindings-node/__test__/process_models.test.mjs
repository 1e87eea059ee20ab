// The addon in Node's process models: worker_threads (the addon loaded in several threads at
// once, each with its own clients) and cluster (forked worker processes sharing one port's job).
import assert from 'node:assert/strict'
import cluster from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { after, before, test } from 'node:test'

import { KEY, startSandbox } from './helpers.mjs'

const ENTRY = fileURLToPath(new URL('../sendgrid-admin.js', import.meta.url))

let sb
before(async () => {
  sb = await startSandbox()
  await sb.reset(5, 2)
})
after(() => sb.close())

// Each worker loads the addon, lists subusers, hits an error mapped to SendGridError, and
// reports back; the main thread keeps using its own client meanwhile.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const sg = require(workerData.entry)
;(async () => {
  const c = new sg.Client({ apiKey: workerData.key, baseUrl: workerData.url, maxRetries: 0 })
  const names = (await c.subusers.list()).map((s) => s.username)
  let code = null
  try { await c.monitor.get('ghost') } catch (e) { code = e instanceof sg.SendGridError ? e.code : 'wrong class' }
  parentPort.postMessage({ names, code })
})().catch((e) => parentPort.postMessage({ error: String(e) }))
`

function runWorker() {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { entry: ENTRY, key: KEY, url: sb.url } })
    w.once('message', (m) => { resolve(m); w.terminate() })
    w.once('error', reject)
  })
}

test('worker_threads: four workers and the main thread use the addon at once', async () => {
  const main = sb.client()
  const [results, mine] = await Promise.all([
    Promise.all([runWorker(), runWorker(), runWorker(), runWorker()]),
    main.subusers.list(),
  ])
  assert.equal(mine.length, 5)
  for (const r of results) {
    assert.equal(r.error, undefined, r.error)
    assert.equal(r.names.length, 5)
    assert.equal(r.code, 'not_found')
  }
  // A worker that exits does not disturb later ones (per-thread addon state is released).
  const again = await runWorker()
  assert.equal(again.names.length, 5)
})

test('cluster: forked workers each run calls with their own clients', async () => {
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('./cluster_worker.cjs', import.meta.url)),
    args: [ENTRY, KEY, sb.url],
    silent: false,
  })
  // The primary has used the addon before forking, as a server that preloads would.
  assert.equal((await sb.client().subusers.list()).length, 5)
  const results = await Promise.all([0, 1, 2].map(() => new Promise((resolve, reject) => {
    const w = cluster.fork()
    w.once('message', resolve)
    w.once('error', reject)
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited ${code}`)) })
  })))
  for (const r of results) {
    assert.equal(r.error, undefined, r.error)
    assert.equal(r.count, 5)
  }
})

// Promises are settled through one threadsafe function per JS thread, referenced only while a
// promise is unsettled: a script whose only work is a pending call stays alive until it settles
// and then exits; workers terminated with thousands of calls in flight leave the process intact.
test('the event loop lives exactly as long as calls are pending; terminated workers with calls in flight', async () => {
  const { execFileSync } = await import('node:child_process')
  const script = `
    const sg = require(${JSON.stringify(ENTRY)})
    const c = new sg.Client({ apiKey: ${JSON.stringify(KEY)}, baseUrl: ${JSON.stringify(sb.url)} })
    c.subusers.list().then((s) => console.log('listed ' + s.length))
    const { Worker } = require('node:worker_threads')
    for (let k = 0; k < 4; k++) {
      const w = new Worker('const sg = require(' + JSON.stringify(${JSON.stringify(ENTRY)}) + '); const c = new sg.Client({ apiKey: ' + JSON.stringify(${JSON.stringify(KEY)}) + ', baseUrl: ' + JSON.stringify(${JSON.stringify(sb.url)}) + ' }); for (let i = 0; i < 2000; i++) c.subusers.list().catch(() => {})', { eval: true })
      setTimeout(() => w.terminate(), 10 + 5 * k)
    }`
  const t = Date.now()
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 })
  assert.equal(out.trim(), 'listed 5')
  assert.ok(Date.now() - t < 15000)
})
