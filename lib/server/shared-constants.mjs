// What scripts/serve.mjs, next.config.js and the app must agree on, written once. Plain JavaScript: serve.mjs
// and next.config.js load it with Node itself, without a TypeScript loader; the app imports it with its types
// (shared-constants.d.mts).

/**
 * The largest request body the API (lib/api/read-json-body.ts) and the desk's server actions (next.config.js)
 * take. Sized so that every field at its documented limit fits even in the longest encoding JSON allows,
 * every character escaped as \uXXXX (Python's json.dumps does this by default): 6 bytes for each of the
 * 1.86 M characters a revision may hold is 11.2 MB (lib/api/read-json-body.test.ts checks that promise).
 * scripts/serve.mjs refuses an action that declares more before reading a byte of it.
 */
export const maxRequestBodyBytes = 12 * 1024 * 1024;

/** What every 503 says when the database cannot be reached (API, forms, and scripts/serve.mjs for pages). */
export const databaseUnavailableMessage =
  "The database cannot be reached right now, so nothing was saved. Please try again in a moment.";

/** Seconds a client should wait before trying again (the Retry-After header of every 503). */
export const retryAfterSeconds = 5;

/**
 * How long after this process last lost (or failed to make) a database connection a failure is taken to be
 * the database's fault: a 503, not a 500 (lib/db/database-outage.ts, and scripts/serve.mjs for Next's own).
 */
export const databaseOutageWindowMs = 10_000;

/**
 * The request header in which scripts/serve.mjs passes the connection's own address to the app, overwritten
 * on every request so a client cannot choose it (lib/auth/client-address.ts).
 */
export const clientAddressHeader = "x-copydesk-client-address";
