import "server-only";

import pg from "pg";

import { isLostConnection } from "@/lib/db/connection-loss";
import { noteLostConnection } from "@/lib/db/database-outage";
import { listenerConnectionLimits } from "@/lib/db/database-timeouts";
import { readDatabaseUrl } from "@/lib/db/database-url";
import { logger } from "@/lib/log/logger";
import { publicIndexCacheTag, storyCacheTags } from "@/lib/public/cache-tags";
import { processParts } from "@/lib/server/process-wiring.mjs";

import { catchUpIntervalMs, stalenessBoundMs } from "./delivery-settings";
import { forgetAllPublicResponses, forgetPublicResponses, memoTrusted, trustMemo } from "./public-memo";

/**
 * Hears of every change readers can see, from any instance: `LISTEN copydesk_public_invalidations` on a
 * connection of its own (NOTIFY is sent by the trigger that writes `public_invalidations`, at COMMIT), plus a
 * catch-up read of the rows after the last one seen, at once on each notification, every second, and on every
 * reconnect. A notification lost while the connection was down is therefore found by the next catch-up; and
 * each catch-up that succeeds renews the memo's trust for `stalenessBoundMs`, so if catching up keeps failing
 * the memo stops answering instead of serving what it can no longer check.
 */
export const listenerApplicationName = "copydesk-invalidation-listener";
const channel = "copydesk_public_invalidations";
const pruneEveryMs = 10 * 60_000;

/**
 * Ids come from a sequence at INSERT, but a row becomes visible at COMMIT, and commits need not follow the
 * ids: a transaction that drew a lower id can commit after a higher one was read. So each catch-up also reads
 * again the rows of the last `recentWindowSeconds` (longer than any write transaction may last: 20 s, in
 * lib/db/client.ts) and applies those it has not applied yet.
 */
const recentWindowSeconds = 120;
const recentRows = `created_at > clock_timestamp() - interval '${recentWindowSeconds} seconds'`;

export type ListenerState = {
  client: pg.Client | null;
  lastSeenId: bigint | null;
  /** Ids applied that are still inside the recent window, with when they were applied. */
  applied: Map<string, number>;
  /** When the last successful catch-up began: everything committed before that instant has been applied. */
  caughtUpAt: number | null;
  timer: NodeJS.Timeout | null;
  syncing: Promise<void> | null;
  /** A connection being made: one at a time, however long a stuck server takes to refuse it. */
  connecting: Promise<void> | null;
  again: boolean;
  lastPrune: number;
  stopped: boolean;
};

export function tagsOfChangedStory(options: { slug: string }): string[] {
  return [...storyCacheTags({ slug: options.slug }), publicIndexCacheTag];
}

async function catchUp(state: ListenerState, client: pg.Client): Promise<void> {
  const started = Date.now();
  if (state.lastSeenId === null) {
    // The memo starts empty, so only what commits after this moment matters.
    const { rows } = await client.query<{ id: string }>(
      `SELECT id::text AS id FROM public_invalidations WHERE ${recentRows}`,
    );
    for (const row of rows) state.applied.set(row.id, started);
    const { rows: newest } = await client.query<{ id: string | null }>(
      "SELECT max(id)::text AS id FROM public_invalidations",
    );
    state.lastSeenId = BigInt(newest[0]?.id ?? "0");
  } else {
    const after = state.lastSeenId;
    const { rows } = await client.query<{ id: string; slug: string }>(
      `SELECT id::text AS id, slug FROM public_invalidations WHERE id > $1 OR ${recentRows} ORDER BY id`,
      [after.toString()],
    );
    for (const row of rows) {
      if (BigInt(row.id) > state.lastSeenId) state.lastSeenId = BigInt(row.id);
      if (state.applied.has(row.id)) continue;
      forgetPublicResponses({ tags: tagsOfChangedStory({ slug: row.slug }) });
      state.applied.set(row.id, started);
    }
    if (state.lastSeenId === after) {
      const { rows: newest } = await client.query<{ id: string | null }>(
        "SELECT max(id)::text AS id FROM public_invalidations",
      );
      // The sequence went backwards (a restored or recreated database): nothing in the memo can be vouched
      // for.
      if (BigInt(newest[0]?.id ?? "0") < after) {
        forgetAllPublicResponses();
        state.applied.clear();
        state.lastSeenId = BigInt(newest[0]?.id ?? "0");
      }
    }
  }
  for (const [id, appliedAt] of state.applied)
    if (started - appliedAt > 2 * recentWindowSeconds * 1_000) state.applied.delete(id);
  state.caughtUpAt = started;
  trustMemo({ until: started + stalenessBoundMs });
  if (Date.now() - state.lastPrune > pruneEveryMs) {
    state.lastPrune = Date.now();
    await client.query("DELETE FROM public_invalidations WHERE created_at < now() - interval '1 day'");
  }
}

function sync(state: ListenerState): Promise<void> {
  if (state.syncing) {
    state.again = true;
    return state.syncing;
  }
  const client = state.client;
  if (!client) return Promise.resolve();
  state.syncing = catchUp(state, client)
    .catch((error: unknown) => {
      logger.warn("public invalidation catch-up failed; reconnecting", {
        reason: error instanceof Error ? error.message : String(error),
      });
      if (isLostConnection(error)) noteLostConnection();
      drop(state, client);
    })
    .finally(() => {
      state.syncing = null;
      if (state.again) {
        state.again = false;
        void sync(state);
      }
    });
  return state.syncing;
}

function drop(state: ListenerState, client: pg.Client): void {
  if (state.client !== client) return;
  state.client = null;
  client.end().catch(() => {});
}

async function connect(state: ListenerState): Promise<void> {
  const client = new pg.Client({
    connectionString: readDatabaseUrl(),
    application_name: listenerApplicationName,
    keepAlive: true,
    ...listenerConnectionLimits,
  });
  client.on("error", () => drop(state, client));
  client.on("end", () => drop(state, client));
  client.on("notification", () => void sync(state));
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (error) {
    client.end().catch(() => {});
    throw error;
  }
  state.client = client;
  await sync(state);
}

function reconnect(state: ListenerState): Promise<void> {
  state.connecting ??= connect(state)
    .catch((error: unknown) => {
      if (isLostConnection(error)) noteLostConnection();
      logger.warn("public invalidation listener cannot connect; the response memo is bypassed until it can", {
        reason: error instanceof Error ? error.message : String(error),
      });
    })
    .finally(() => {
      state.connecting = null;
    });
  return state.connecting;
}

function tick(state: ListenerState): void {
  if (state.stopped) return;
  if (state.client) {
    void sync(state);
    return;
  }
  void reconnect(state);
}

/**
 * Starts this process's listener, once (lib/server/server-process.ts, at start; a public request outside a
 * server started that way, such as a test's, starts it too). Resolves once it has caught up (or failed to).
 */
export async function ensureInvalidationListener(): Promise<void> {
  if (processParts.invalidationListener) return;
  const state: ListenerState = {
    client: null,
    lastSeenId: null,
    applied: new Map(),
    caughtUpAt: null,
    timer: null,
    syncing: null,
    connecting: null,
    again: false,
    lastPrune: 0,
    stopped: false,
  };
  processParts.invalidationListener = state;
  state.timer = setInterval(() => tick(state), catchUpIntervalMs);
  state.timer.unref();
  await reconnect(state);
}

/**
 * A catch-up now (or the one already running), for a request that found the memo no longer vouched for. Under
 * heavy load the periodic catch-up can fall behind its window; requests then wait together for one query
 * instead of each rendering the page from the database, which would only add to the load.
 */
export async function catchUpNow(): Promise<void> {
  const state = processParts.invalidationListener;
  if (!state?.client) return;
  // A catch-up that began before this request can finish too late to vouch for the memo (the bound counts
  // from its start): then one that begins now. Requests arriving meanwhile share it.
  await state.syncing;
  if (!memoTrusted()) await sync(state);
}

/**
 * `catchUpNow`, waited for at most `waitMs`: true when it finished (caught up, or failed at once, e.g. no
 * connection), false when the database did not answer in that time.
 */
export async function catchUpWithin(options: { waitMs: number }): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), options.waitMs);
  });
  try {
    return await Promise.race([catchUpNow().then(() => true as const), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** When this process last caught up with every instance's changes (null before its first catch-up). */
export function invalidationsCaughtUpAt(): Date | null {
  const caughtUpAt = processParts.invalidationListener?.caughtUpAt;
  return caughtUpAt ? new Date(caughtUpAt) : null;
}

/** Stops the listener of this process and forgets it (the server's stop, and tests). */
export async function stopInvalidationListener(): Promise<void> {
  const state = processParts.invalidationListener;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  processParts.invalidationListener = undefined;
  await state.syncing;
  await state.client?.end().catch(() => {});
}

/** This process's own change: dropped at once, before the response that made it is sent. */
export function forgetChangedStory(options: { slug: string }): void {
  forgetPublicResponses({ tags: tagsOfChangedStory(options) });
}
