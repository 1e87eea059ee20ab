// Shared by the Node benchmarks: the sandbox binary on a free port, and table printing.
import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { built } from '../../tests/binaries.mjs' // shared with the Node tests

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const KEY = 'SG.sandbox-key'
// bench/run sets the cargo profile it built; by hand, release is preferred over debug.
const PROFILES = process.env.BENCH_PROFILE ? [process.env.BENCH_PROFILE] : ['release', 'debug']
export const env = (name, d) => Number(process.env[name] ?? d)
export const names = (n) => Array.from({ length: n }, (_, i) => `sub${String(i + 1).padStart(5, '0')}`)


export async function startSandbox(...args) {
  const bin = built('sendgrid-admin-sandbox', PROFILES)
  const proc = spawn(bin, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve) => {
    let buf = ''
    proc.stdout.on('data', (d) => {
      buf += d
      const m = buf.match(/listening on (http:\/\/\S+)/)
      if (m) resolve(m[1])
    })
  })
  return {
    url,
    control: (name, body) => fetch(`${url}/__sandbox/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    close: () => proc.kill(),
  }
}

export function table(headers, rows) {
  return [`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

// Runs `fn(i)` for i in 0..n with at most `conc` in flight; returns the number of failures.
export async function pool(n, conc, fn) {
  let next = 0
  let failed = 0
  const worker = async () => {
    while (next < n) {
      const i = next++
      try {
        await fn(i)
      } catch {
        failed++
      }
    }
  }
  await Promise.all(Array.from({ length: conc }, worker))
  return failed
}

// Requests/s of a bare HTTP client (the Rust bench binary's --ceiling mode) on the same PUTs.
export function ceiling(url, n, conc) {
  const bin = built('sendgrid-admin-bench', PROFILES)
  return Number(execFileSync(bin, ['--ceiling', url, '--n', String(n), '--subusers', String(n), '--concurrency', String(conc)]).toString().trim())
}
