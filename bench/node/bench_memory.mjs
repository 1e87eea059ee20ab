// Peak RSS while iterating every subuser (our Node binding), for two sizes; addon size.
//   node bench/node/bench_memory.mjs
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

import { ROOT, env, startSandbox, table } from './common.mjs'

const CHILD = `
const sg = require('sendgrid-admin')
;(async () => {
  const c = new sg.Client({ apiKey: 'SG.sandbox-key', baseUrl: process.argv[1] })
  let n = 0
  for await (const _ of c.subusers.iterAll({ pageSize: 500 })) n++
  console.log(n, process.resourceUsage().maxRSS)
})()`

const rows = []
for (const n of [env('BENCH_PAGING_SMALL', 10000), env('BENCH_PAGING_N', 100000)]) {
  const sb = await startSandbox('--seed-subusers', String(n))
  try {
    const [count, kb] = execFileSync(process.execPath, ['-e', CHILD, sb.url], { cwd: path.dirname(new URL(import.meta.url).pathname) }).toString().trim().split(' ')
    rows.push(['ours Node subusers.iterAll', n, count, (Number(kb) / 1024).toFixed(1)])
  } finally {
    sb.close()
  }
}
console.log('### Node: peak RSS while iterating every subuser\n')
console.log(table(['client', 'seeded', 'iterated', 'peak RSS (MiB)'], rows))
const dir = path.join(ROOT, 'bindings-node')
const addon = readdirSync(dir).find((f) => f.endsWith('.node'))
console.log('\n### Node footprint\n')
console.log(table(['what', 'value'], [['addon size (' + addon + ')', addon ? `${(statSync(path.join(dir, addon)).size / 1e6).toFixed(2)} MB` : 'not built']]))
