// A cluster worker for process_models.test.mjs: argv = [entry, key, url].
const [entry, key, url] = process.argv.slice(2)
const sg = require(entry)
;(async () => {
  const c = new sg.Client({ apiKey: key, baseUrl: url, maxRetries: 0 })
  const count = (await c.subusers.list()).length
  process.send({ count }, () => process.exit(0))
})().catch((e) => process.send({ error: String(e) }, () => process.exit(0)))
