// Every options object refuses a key it does not know, naming it and the key meant, before any
// request is sent: a typo must never mean "not given".
import assert from 'node:assert/strict'
import http from 'node:http'
import { test } from 'node:test'

import { sg } from './helpers.mjs'

/** A client of a server that counts the requests it gets (it answers `[]`). */
async function counting() {
  const seen = []
  const srv = http.createServer((req, res) => {
    seen.push(req.url)
    res.setHeader('content-type', 'application/json')
    res.end('[]')
  })
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  const client = new sg.Client({ apiKey: 'SG.test', baseUrl: `http://127.0.0.1:${srv.address().port}`, maxRetries: 0 })
  return { client, seen, close: () => srv.close() }
}

const refused = (field, meant) => (e) =>
  e instanceof sg.InvalidInputError && e.field === field && e.message.includes(`did you mean ${meant}?`)

test('a misspelt key of a method options object rejects, naming the key meant; nothing is sent', async () => {
  const { client, seen, close } = await counting()
  try {
    await assert.rejects(client.subusers.list({ lmit: 10 }), refused('lmit', 'limit'))
    await assert.rejects(client.subusers.list({ limit: 10, includeRegoin: true }), (e) => refused('includeRegoin', 'includeRegion')(e) && e.message.includes('ListSubusersOptions'))
    // A misspelt required key: the typo is named, not "missing username".
    await assert.rejects(client.subusers.create({ usernme: 'acme', email: 'a@example.com', password: 'x' }), refused('usernme', 'username'))
    await assert.rejects(client.ips.list({ subuer: 'acme' }), refused('subuer', 'subuser'))
    await assert.rejects(client.request('GET', '/v3/subusers', { qurey: { limit: '1' } }), refused('qurey', 'query'))
    // Synchronous methods throw it.
    assert.throws(() => client.subusers.iterAll({ pageSise: 5 }), refused('pageSise', 'pageSize'))
    assert.deepEqual(seen, [])
  } finally {
    close()
  }
})

test('nested objects and arrays of items are checked too, with the path of the key', async () => {
  const { client, seen, close } = await counting()
  try {
    await assert.rejects(
      client.accounts.create({ offerings: [{ name: 'org.ei.free.v1', type: 'package', quantity: 1 }], profile: { firstNme: 'Ada' } }),
      refused('profile.firstNme', 'firstName'),
    )
    await assert.rejects(
      client.bulk.updateMonitors([{ username: 'a', email: 'ops@example.com', frequency: 50 }, { username: 'b', emial: 'ops@example.com', email: 'x@example.com', frequency: 50 }]),
      (e) => refused('[1].emial', 'email')(e) && e.message.includes('an item'),
    )
    await assert.rejects(client.bulk.updateMonitors([], { concurency: 2 }), refused('concurency', 'concurrency'))
    assert.deepEqual(seen, [])
  } finally {
    close()
  }
})

test('known keys, undefined values, callbacks and free-form maps are accepted', async () => {
  const { client, seen, close } = await counting()
  try {
    assert.deepEqual(await client.subusers.list({ limit: 5, offset: undefined, typo: undefined }), [])
    let progress = 0
    const out = await client.bulk.updateMonitors([], { concurrency: 2, onProgress: () => progress++ })
    assert.deepEqual(out, [])
    // `query` and `body` are free-form: their own keys are the caller's.
    await client.request('GET', '/v3/subusers', { query: { limit: '1', anything: 'x' } })
    await client.request('POST', '/v3/anything', { body: { whatever: { nested: [{ deep: 1 }] } } })
    assert.equal(seen.length, 3)
  } finally {
    close()
  }
})
