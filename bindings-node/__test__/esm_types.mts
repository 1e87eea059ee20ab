// Type-checked (not run): the ESM entry's types resolve through the package's `exports` map.
import { Client, NotFoundError, SendGridError, type BulkOutcome, type Subuser } from 'sendgrid-admin'

export async function firstDisabled(client: Client): Promise<Subuser | undefined> {
  const pager = client.subusers.iterAll({ pageSize: 100 })
  for (let step = await pager.next(); !step.done; step = await pager.next()) {
    if (step.value.disabled) {
      await pager.return()
      return step.value
    }
  }
  return undefined
}

export async function monitorOrNull(client: Client, name: string) {
  try {
    return await client.monitor.get(name)
  } catch (e) {
    if (e instanceof NotFoundError) return null
    throw e
  }
}

export function failures(out: BulkOutcome[]): SendGridError[] {
  return out.flatMap((o) => (o.error ? [o.error] : []))
}

// Enumerated options are literal unions: a typo is a compile error.
export function typedOptions(client: Client) {
  // @ts-expect-error 'europe' is not a region
  void new Client({ apiKey: 'SG.x', region: 'europe' })
  const sums = { startDate: '2026-01-01', sortByDirection: 'up' } as const
  // @ts-expect-error 'up' is not a sort direction
  void client.stats.sums(sums)
  void client.stats.sums({ startDate: '2026-01-01', sortByDirection: 'desc', aggregatedBy: 'week' })
  return client.subusers.iterAll({ region: 'eu', pageSize: 50 })
}
