// Workers sharing one key through a real redis-server (started here on a free port).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import net from 'node:net'
import { after, before, test } from 'node:test'

import { startSandbox } from './helpers.mjs'

let sb
let redis
let redisUrl
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)) })
})

before(async () => {
  sb = await startSandbox()
  const port = await freePort()
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  redisUrl = `redis://127.0.0.1:${port}/0`
  for (let i = 0; i < 200; i++) {
    const up = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true) }).on('error', () => resolve(false))
    })
    if (up) break
    await new Promise((r) => setTimeout(r, 10))
  }
})
after(() => { sb.close(); redis.kill() })

test('clients sharing a key pace together through rateLimitStore', async () => {
  await sb.reset(400, 0)
  await sb.control('rate-limit', { limit: 100, window_secs: 1 })
  const jobs = [0, 1, 2, 3].map((w) => {
    const c = sb.client({ maxRetries: 4, rateLimitStore: redisUrl })
    const items = Array.from({ length: 100 }, (_, i) => ({ username: `sub${String(1 + w * 100 + i).padStart(5, '0')}`, email: 'audit@example.com', frequency: 10 }))
    return c.bulk.updateMonitors(items)
  })
  const outs = (await Promise.all(jobs)).flat()
  assert.equal(outs.filter((r) => !r.ok).length, 0)
  const limited = (await sb.stats()).counters.rate_limited
  assert.ok(limited <= 8, `${limited} 429s for 400 items (0 on a quiet machine)`)
})

test('a wrong rateLimitStore is invalid_input', () => {
  assert.throws(() => sb.client({ rateLimitStore: 'http://127.0.0.1:6379' }), (e) => e.code === 'invalid_input' && e.field === 'rate_limit_store')
})
