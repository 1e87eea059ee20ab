// The ESM entry: the same objects as the CommonJS entry (`sendgrid-admin.js`), so
// `import { Client, NotFoundError } from 'sendgrid-admin'` and `require('sendgrid-admin')` give
// identical classes (an error from one passes `instanceof` with the other). Every name the
// `.d.ts` declares is exported here; `__test__/esm.test.mjs` checks that.
import { createRequire } from 'node:module'

const sg = createRequire(import.meta.url)('./sendgrid-admin.js')

export const {
  __napiBindingTarget,
  AccessRequestPager,
  AccountIpPager,
  AccountPager,
  Accounts,
  ApiKeys,
  APIStatusError,
  AuthenticationError,
  BadRequestError,
  Bulk,
  CancelledError,
  Client,
  ConflictError,
  CreatedApiKey,
  Credits,
  DecodeError,
  documentFromYaml,
  documentToYaml,
  InvalidInputError,
  Ips,
  MonitorSettings,
  NotAppliedError,
  NotFoundError,
  PermissionDeniedError,
  planIsEmpty,
  planToText,
  RateLimitError,
  Reputations,
  RequestTimeoutError,
  Scopes,
  SendGridError,
  ServerError,
  Stats,
  SubuserAccessPager,
  SubuserIdPager,
  SubuserPager,
  Subusers,
  TeammatePager,
  Teammates,
  TransportError,
  UnprocessableEntityError,
  User,
  WebsiteAccess,
} = sg

export default sg
