import { isAppError } from "@/lib/errors/app-error";

// SQLSTATE: 57P01 admin shutdown (restart, pg_terminate_backend), 57P02 crash shutdown, 57P03 cannot connect
// now (starting up, shutting down), 08… connection exceptions.
const lostConnectionSqlState = /^(57P0[123]|08)/;
const socketErrorCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// node-postgres says these in words only, without a code.
const lostConnectionMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly|Query read timeout/;
// @prisma/adapter-pg's names for the same failures.
const lostConnectionKinds = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout"]);
// Prisma's own: P1001 cannot reach the server, P1002 it timed out, P1017 it closed the connection.
const lostConnectionPrismaCodes = new Set(["P1001", "P1002", "P1017"]);
// Busy rather than gone: no connection in time (P2024), a transaction that could not start in time or whose
// connection went away under it (P2028), too many connections (53300).
const busyPrismaCodes = new Set(["P2024", "P2028"]);
// PostgreSQL's own limits (lib/db/database-timeouts.ts): 57014 statement_timeout, 55P03 lock_timeout.
const busySqlStates = new Set(["53300", "57014", "55P03"]);
// node-postgres's client-side limits: a statement or a connection start-up the server never answered.
const unansweredMessages =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

type ErrorShape = {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  cause?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** The error and everything it wraps: `cause` chains and Prisma's driver adapter error. */
function* layers(error: unknown): Generator<ErrorShape> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const layer = queue.shift();
    if (typeof layer !== "object" || layer === null || seen.has(layer)) continue;
    seen.add(layer);
    const shape = layer as ErrorShape;
    yield shape;
    queue.push(shape.cause, shape.meta?.driverAdapterError);
  }
}

/** The SQLSTATE a database error carries, however the driver adapter and Prisma wrapped it. */
export function sqlStateOf(error: unknown): string | null {
  for (const layer of layers(error)) {
    if (typeof layer.originalCode === "string" && /^[0-9A-Z]{5}$/.test(layer.originalCode))
      return layer.originalCode;
    if (typeof layer.code === "string" && /^[0-9A-Z]{5}$/.test(layer.code) && !/^P\d{4}$/.test(layer.code))
      return layer.code;
  }
  return null;
}

function lostHere(layer: ErrorShape): boolean {
  const code =
    typeof layer.code === "string"
      ? layer.code
      : typeof layer.originalCode === "string"
        ? layer.originalCode
        : "";
  if (lostConnectionSqlState.test(code) || socketErrorCodes.has(code) || lostConnectionPrismaCodes.has(code))
    return true;
  if (typeof layer.originalCode === "string" && lostConnectionSqlState.test(layer.originalCode)) return true;
  if (typeof layer.kind === "string" && lostConnectionKinds.has(layer.kind)) return true;
  return typeof layer.message === "string" && lostConnectionMessages.test(layer.message);
}

/**
 * The statement failed because its connection is gone (server restart, failover, pg_terminate_backend, an
 * idle timeout, a network cut) or no connection could be made: running it again on a fresh connection may
 * work.
 */
export function isLostConnection(error: unknown): boolean {
  for (const layer of layers(error)) if (lostHere(layer)) return true;
  return false;
}

/**
 * The server did not answer in time (lib/db/database-timeouts.ts): it is stuck rather than gone. Also a lost
 * connection, but not one worth trying again at once: a second attempt would only double the wait.
 */
export function isUnanswered(error: unknown): boolean {
  for (const layer of layers(error))
    if (typeof layer.message === "string" && unansweredMessages.test(layer.message)) return true;
  return false;
}

/** The database cannot serve this request right now: answer 503 (try again later), never 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isAppError(error)) return error.code === "unavailable";
  for (const layer of layers(error)) {
    if (lostHere(layer)) return true;
    if (layer.name === "PrismaClientInitializationError") return true;
    if (typeof layer.code === "string" && (busyPrismaCodes.has(layer.code) || busySqlStates.has(layer.code)))
      return true;
    if (typeof layer.originalCode === "string" && busySqlStates.has(layer.originalCode)) return true;
    if (layer.kind === "TooManyConnections") return true;
  }
  return false;
}
