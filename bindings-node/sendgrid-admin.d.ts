// Types of the package entry: the generated native types, plus SendGridError and async
// iteration of the pagers.
import type { AccessRequest, Account, AccountIp, Subuser, SubuserAccess, Teammate } from './index'

export * from './index'

/** The stable error kinds of the core, one per failure category. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'transport'
  | 'decode'
  | 'conflict'
  | 'not_applied'

/** One entry of SendGrid's `errors[]`. */
export interface ErrorDetail {
  /** The field SendGrid blames, if any. */
  field: string | null
  /** The message. */
  message: string
  /** Help text or a docs link, when given. */
  help?: unknown
  /** SendGrid's id of this error (e.g. "10-40400"), when given. */
  errorId?: string
}

/** Every error of this library (rejections and constructor throws). */
export declare class SendGridError extends Error {
  /** The error kind, e.g. "not_found". */
  readonly code: ErrorCode
  /** The HTTP status, when SendGrid answered. */
  readonly status: number | null
  /** SendGrid's `errors[]`. */
  readonly errors: ErrorDetail[]
  /** The request id SendGrid gave the failed request. */
  readonly requestId: string | null
  /** For rate_limited (or a `Retry-After`): milliseconds to wait before trying again. */
  readonly retryAfterMs: number | null
  /** How many attempts were made (0 for invalid input). */
  readonly attempts: number
  /** For invalid_input: the field that was refused. */
  readonly field: string | null
}

declare module './index' {
  interface Client {
    /** Closes the client (`await using client = new Client(...)`). */
    [Symbol.asyncDispose](): Promise<void>
  }
  interface SubuserPager {
    [Symbol.asyncIterator](): AsyncIterator<Subuser>
  }
  interface TeammatePager {
    [Symbol.asyncIterator](): AsyncIterator<Teammate>
  }
  interface SubuserAccessPager {
    [Symbol.asyncIterator](): AsyncIterator<SubuserAccess>
  }
  interface AccessRequestPager {
    [Symbol.asyncIterator](): AsyncIterator<AccessRequest>
  }
  interface AccountPager {
    [Symbol.asyncIterator](): AsyncIterator<Account>
  }
  interface AccountIpPager {
    [Symbol.asyncIterator](): AsyncIterator<AccountIp>
  }
  interface SubuserIdPager {
    [Symbol.asyncIterator](): AsyncIterator<string>
  }
}
