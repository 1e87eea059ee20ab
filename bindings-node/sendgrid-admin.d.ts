// Types of the package entry (CommonJS `require` and ESM `import` alike): the generated native
// types, plus the error classes and async iteration of the pagers. They use Node's globals
// (`AbortSignal`, `Symbol.asyncDispose`), so they load Node's types: TypeScript 7 no longer
// includes every installed @types package by itself.
/// <reference types="node" />

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
  | 'cancelled'

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

/** Every error of this library (rejections, constructor throws, bulk failures); the class is
 * the one for its `code` (`NotFoundError` for "not_found", ...), and the stack shows the call. */
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
  /** For transport and decode errors: an `Error` with the underlying reason. */
  readonly cause?: Error
}

/** A value was refused before any request was sent; `field` names it (code "invalid_input"). */
export declare class InvalidInputError extends SendGridError {}
/** SendGrid answered with an error status. */
export declare class APIStatusError extends SendGridError {
  /** Every header of the answer (names in lowercase). */
  readonly headers: Record<string, string>
  /** The raw body of the answer (at most 64 KiB). */
  readonly body: string | null
}
/** HTTP 401: the API key is missing, wrong or revoked (code "unauthorized"). */
export declare class AuthenticationError extends APIStatusError {}
/** HTTP 403: the key lacks the scope, or the on-behalf-of target is not allowed ("forbidden"). */
export declare class PermissionDeniedError extends APIStatusError {}
/** HTTP 404: the subuser, teammate, account, monitor or request does not exist ("not_found"). */
export declare class NotFoundError extends APIStatusError {}
/** HTTP 400 (or another 4xx): SendGrid refused the request; see `errors` ("bad_request"). */
export declare class BadRequestError extends APIStatusError {}
/** HTTP 409, or an item that changed since the plan (code "conflict"). */
export declare class ConflictError extends BadRequestError {}
/** HTTP 422: SendGrid understood the request but refused its content ("bad_request"). */
export declare class UnprocessableEntityError extends BadRequestError {}
/** HTTP 429: too many requests; `retryAfterMs` says how long to wait ("rate_limited"). */
export declare class RateLimitError extends APIStatusError {}
/** HTTP 5xx: SendGrid failed ("server"). */
export declare class ServerError extends APIStatusError {}
/** The connection failed or broke; `cause` holds the reason ("transport"). */
export declare class TransportError extends SendGridError {}
/** The connect or total timeout elapsed, or HTTP 408 ("timeout"). */
export declare class RequestTimeoutError extends TransportError {}
/** An answer did not match the model; `cause` holds what did not match ("decode"). */
export declare class DecodeError extends SendGridError {}
/** SendGrid accepted a write but did not apply all of it ("not_applied"). */
export declare class NotAppliedError extends SendGridError {}
/** The call was cancelled by the `signal` of `withOptions`; a request in flight was dropped
 * (a write may or may not have been applied) ("cancelled"). */
export declare class CancelledError extends SendGridError {}

declare module './index' {
  interface Client {
    /** Closes the client (`await using client = new Client(...)`). */
    [Symbol.asyncDispose](): Promise<void>
  }
  interface SubuserPager {
    [Symbol.asyncIterator](): SubuserPager
  }
  interface TeammatePager {
    [Symbol.asyncIterator](): TeammatePager
  }
  interface SubuserAccessPager {
    [Symbol.asyncIterator](): SubuserAccessPager
  }
  interface AccessRequestPager {
    [Symbol.asyncIterator](): AccessRequestPager
  }
  interface AccountPager {
    [Symbol.asyncIterator](): AccountPager
  }
  interface AccountIpPager {
    [Symbol.asyncIterator](): AccountIpPager
  }
  interface SubuserIdPager {
    [Symbol.asyncIterator](): SubuserIdPager
  }
}
