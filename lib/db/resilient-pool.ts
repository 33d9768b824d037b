import pg from "pg";

import { logger } from "@/lib/log/logger";

import { isLostConnection, isUnanswered } from "./connection-loss";
import { noteLostConnection } from "./database-outage";

// node-postgres keeps a client's health in fields pg-pool itself reads (`_queryable`, `_ending`) to drop a
// broken client on release; they are the only record of it.
type ClientState = {
  _queryable?: boolean;
  _ending?: boolean;
  _ended?: boolean;
  connection?: { stream?: { destroyed?: boolean; destroy: () => void } };
};
type TrackedClient = pg.PoolClient & { copydeskGeneration?: number };
type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

const readStatement = /^\s*(SELECT|WITH|SHOW|VALUES)\b/i;
// Statements that look like reads but write, lock or advance something: never run twice.
const sideEffects =
  /\b(INSERT|UPDATE|DELETE|MERGE|FOR\s+(NO\s+KEY\s+)?UPDATE|FOR\s+(KEY\s+)?SHARE|NEXTVAL|SETVAL|PG_ADVISORY\w*)\b/i;

function isUsable(client: TrackedClient): boolean {
  const state = client as unknown as ClientState;
  return (
    state._queryable !== false &&
    !state._ending &&
    !state._ended &&
    state.connection?.stream?.destroyed !== true
  );
}

/** A statement that only reads: running it again after a lost connection cannot do anything twice. */
export function isReadOnlyStatement(sql: string): boolean {
  return readStatement.test(sql) && !sideEffects.test(sql);
}

class AttemptFailure {
  constructor(
    readonly error: unknown,
    /** Whether the statement may have reached the server (then only a read is run again). */
    readonly sent: boolean,
  ) {}
}

/**
 * A pg pool that never hands out a connection known to be dead, and runs a statement once more on a fresh
 * connection when its connection died under it — reads always, writes only when they never left.
 *
 * A server restart, a failover or pg_terminate_backend ends every connection at once, but the pool hears of
 * each one only when its socket reports it. So once any connection is lost, every connection opened before
 * that moment is treated as suspect and replaced as it is checked out, instead of being handed to a request.
 * Transactions check out through the same door; re-running an interrupted transaction is db/client.ts's job.
 */
export class ResilientPool extends pg.Pool {
  // Bumped at every lost connection; a connection opened in an earlier generation is suspect.
  private generation = 0;

  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("connect", (client: TrackedClient) => {
      client.copydeskGeneration = this.generation;
      this.closeWhenUnanswered(client);
    });
    // An idle connection the server closed: pg-pool drops it; this only keeps the moment and the reason.
    this.on("error", (error) => this.noteLost(error));
    this.connect = this.checkoutFor as pg.Pool["connect"];
    this.query = this.queryWithRetry as pg.Pool["query"];
  }

  private noteLost(error: unknown): void {
    this.generation += 1;
    noteLostConnection();
    logger.warn("database connection lost", {
      reason: error instanceof Error ? error.message : String(error),
    });
  }

  /**
   * node-postgres's `query_timeout` hands its caller an error but leaves the statement outstanding on the
   * connection, so whatever the holder sends next (Prisma's ROLLBACK) would queue behind it and wait as long
   * again. A statement the server never answered means the connection is of no further use: it is closed at
   * once, and every connection opened before it is suspect (the server is stuck for all of them).
   */
  private closeWhenUnanswered(client: pg.PoolClient): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const close = (error: unknown) => {
      if (!isUnanswered(error)) return;
      (client as unknown as ClientState).connection?.stream?.destroy();
      this.noteLost(error);
    };
    const watched = (...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        return query(...args.slice(0, -1), (error: unknown, ...rest: unknown[]) => {
          close(error);
          return callback(error, ...rest);
        });
      }
      const result = query(...args);
      if (result instanceof Promise) result.catch(close);
      return result;
    };
    Object.defineProperty(client, "query", { value: watched, configurable: true, writable: true });
  }

  private checkoutFor(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const checkout = this.checkout();
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }

  private async checkout(): Promise<pg.PoolClient> {
    // Bounded: each pass removes one suspect connection; more passes than the pool holds means a fresh one.
    for (let pass = 0; ; pass++) {
      const client = await this.acquire();
      const fresh = client.copydeskGeneration === this.generation;
      if (isUsable(client) && (fresh || pass > (this.options.max ?? 10))) return client;
      client.release(
        new Error("connection discarded at checkout: closed, or opened before a connection was lost"),
      );
    }
  }

  private acquire(): Promise<TrackedClient> {
    return new Promise((resolve, reject) => {
      super.connect((error, client) => {
        if (error || !client) {
          if (isLostConnection(error)) this.noteLost(error);
          reject(error ?? new Error("no connection"));
          return;
        }
        // Listen at once, in this callback: the read that made a new connection ready can also carry the
        // server's notice that it is gone, and an 'error' event nobody listens to crashes the process.
        resolve(this.guarded(client));
      });
    });
  }

  /**
   * pg-pool leaves a checked-out connection without an 'error' listener, so a connection that dies between
   * its holder's statements would crash the process. Until it is released, the pool listens; the holder
   * learns of the loss from its next statement.
   */
  private guarded(client: pg.PoolClient): pg.PoolClient {
    const onError = (error: Error) => this.noteLost(error);
    const release = client.release;
    client.on("error", onError);
    client.release = (error?: Error | boolean) => {
      client.removeListener("error", onError);
      client.release = release;
      return release(error);
    };
    return client;
  }

  private async attempt(config: pg.QueryConfig): Promise<pg.QueryResult> {
    let client: pg.PoolClient;
    try {
      client = await this.checkout();
    } catch (error) {
      throw new AttemptFailure(error, false);
    }
    let failure: unknown;
    try {
      return await client.query(config);
    } catch (error) {
      failure = error;
      const neverSent = error instanceof Error && /not queryable/.test(error.message);
      throw new AttemptFailure(error, !neverSent);
    } finally {
      client.release(isLostConnection(failure) ? (failure as Error) : undefined);
    }
  }

  private async queryWithRetry(...args: unknown[]): Promise<pg.QueryResult> {
    const [first, values] = args;
    if (
      args.some((arg) => typeof arg === "function") ||
      (typeof first === "object" && first !== null && "submit" in first)
    ) {
      return (pg.Pool.prototype.query as (...rest: unknown[]) => Promise<pg.QueryResult>).apply(this, args);
    }
    const config: pg.QueryConfig =
      typeof first === "string"
        ? { text: first, values: values as unknown[] | undefined }
        : (first as pg.QueryConfig);
    try {
      return await this.attempt(config);
    } catch (caught) {
      const failure = caught as AttemptFailure;
      if (!isLostConnection(failure.error)) throw failure.error;
      this.noteLost(failure.error);
      // A server that did not answer in time is stuck, not restarted: trying again would only double the
      // wait.
      if (isUnanswered(failure.error)) throw failure.error;
      if (failure.sent && !isReadOnlyStatement(config.text)) throw failure.error;
      try {
        return await this.attempt(config);
      } catch (again) {
        const second = (again as AttemptFailure).error;
        if (isLostConnection(second)) this.noteLost(second);
        throw second;
      }
    }
  }
}
