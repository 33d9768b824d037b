import type pg from "pg";

/**
 * How long a request waits on PostgreSQL before it gives up and answers 503 with Retry-After
 * (lib/server/shared-constants.mjs).
 *
 * A database that is stuck (a frozen host, a full disk, a network path that swallows packets) does not refuse
 * anything: connections open at the TCP level and statements are sent, then nothing comes back. Without
 * these, a save, a desk page and a reader page all waited over a minute for the kernel to give up on the
 * socket.
 *
 * - `connectionTimeoutMillis`: a new connection that has not finished its start-up handshake.
 * - `query_timeout` (node-postgres, client side): a statement with no answer at all; it is what ends the wait
 *   when the server is stuck, because the server-side timeouts below then never fire.
 * - `statement_timeout` / `lock_timeout` (server side): a server that answers but is slow, or a row lock held
 *   by someone else; cancelled by PostgreSQL itself, so the connection stays usable. Shorter than the
 * client's   limit, so a merely slow server gets the cleaner of the two.
 * - `idle_in_transaction_session_timeout`: a transaction whose holder vanished frees its locks; longer than
 *   the interactive transactions' own limit (20 s, lib/db/client.ts), which ends them first.
 *
 * Only the request-serving connections get these: migrations (lib/db/migrations.ts), the job queue's runner
 * and the admin tools keep their own connections without limits, because a long legitimate statement such as
 * a migration's must not be cut.
 */
const requestStatementTimeoutMs = 5_000;
const requestQueryTimeoutMs = 6_000;
const requestConnectTimeoutMs = 3_000;

export const requestConnectionLimits = {
  connectionTimeoutMillis: requestConnectTimeoutMs,
  query_timeout: requestQueryTimeoutMs,
  statement_timeout: requestStatementTimeoutMs,
  lock_timeout: 4_000,
  idle_in_transaction_session_timeout: 30_000,
} satisfies pg.PoolConfig;

/**
 * For a connection that only listens and reads small rows (the invalidation listener): no server-side limits
 * needed.
 */
export const listenerConnectionLimits = {
  connectionTimeoutMillis: requestConnectTimeoutMs,
  query_timeout: requestQueryTimeoutMs,
} satisfies pg.ClientConfig;
