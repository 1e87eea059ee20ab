// The installed addon against a running sandbox: create and list subusers, one error mapped to
// its code, one promise. Usage: node smoke.cjs <sandbox-url> [module path]
const sg = require(process.argv[3] || 'sendgrid-admin')
const url = process.argv[2]
;(async () => {
  const c = new sg.Client({ apiKey: 'SG.sandbox-key', baseUrl: url, maxRetries: 0 })
  await c.subusers.create({ username: 'smoke-node', email: 'ops@smoke.example', password: 'pw-123456', ips: ['192.0.2.1'] })
  const names = (await c.subusers.list({ limit: 500 })).map((s) => s.username)
  if (!names.includes('smoke-node')) throw new Error('created subuser not listed')
  try {
    await c.monitor.get('ghost')
    throw new Error('expected not_found')
  } catch (e) {
    if (!(e instanceof sg.SendGridError) || e.code !== 'not_found' || e.status !== 404) throw e
  }
  await c.subusers.delete('smoke-node')
  console.log(`node ${process.arch} ${require(require.resolve(process.argv[3] || 'sendgrid-admin').replace(/[^/]*$/, '') + 'package.json').version}: ok`)
})().catch((e) => { console.error(e); process.exit(1) })
