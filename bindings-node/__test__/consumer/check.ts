// A TypeScript user's project: this file type-checks against the installed package's types with
// the newest TypeScript and the oldest we support, under a default and a strict tsconfig
// (`bash __test__/consumer_check.sh`), and `skipLibCheck` off so our own .d.ts is checked too.
import { Client, InvalidInputError, SendGridError } from 'sendgrid-admin'

export async function check(): Promise<number> {
  await using client = new Client({ apiKey: 'SG.sandbox-key', baseUrl: 'http://127.0.0.1:4010' })
  const controller = new AbortController()
  const quick = client.withOptions({ timeoutMs: 500, signal: controller.signal })
  try {
    await quick.monitor.get('acme')
  } catch (e) {
    if (e instanceof InvalidInputError) return -1
    if (e instanceof SendGridError) return e.status ?? 0
  }
  let n = 0
  for await (const s of client.subusers.iterAll({ pageSize: 100 })) n += s.disabled ? 0 : 1
  return n
}
