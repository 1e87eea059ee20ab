// A TypeScript user's view of the package; `tsc --noEmit -p __test__` checks it in the tests.
import { Client, SendGridError, type Subuser, type SubuserCredits } from '../sendgrid-admin'

export async function example(baseUrl: string): Promise<number> {
  const client = new Client({ apiKey: 'SG.sandbox-key', baseUrl, maxRetries: 2 })
  await client.subusers.create({ username: 'ts-example', email: 'ops@example.com', password: 'a long password', ips: ['192.0.2.10'] })
  const monitor = await client.monitor.create('ts-example', { email: 'audit@example.com', frequency: 1000 })
  const credits: SubuserCredits = await client.credits.set('ts-example', { type: 'recurring', resetFrequency: 'monthly', total: 500 })
  let count = 0
  for await (const s of client.subusers.iterAll({ pageSize: 100 })) {
    const typed: Subuser = s
    count += typed.disabled ? 0 : 1
  }
  const acme = client.onBehalfOf('ts-example')
  const scopes: string[] = await acme.scopes.list()
  try {
    await client.monitor.update('ts-example', { email: 'audit@example.com', frequency: 0 })
  } catch (e) {
    if (e instanceof SendGridError && e.code === 'invalid_input') console.log('refused before sending:', e.field)
  }
  const outcomes = await client.bulk.setDisabled(['ts-example'], false, { concurrency: 4 })
  return count + scopes.length + monitor.frequency + (credits.total ?? 0) + outcomes.length
}
