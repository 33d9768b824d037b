/**
 * Whole public responses kept in this process's memory, in front of the page renderers.
 *
 * Why: Next's own routing costs about 1.3 ms of CPU per request, which held one server process at 600–750
 * warm req/s. scripts/serve.mjs answers from this memo before Next's routing runs. Entries are dropped by tag
 * when a change is heard of (lib/delivery/invalidation-listener.ts: this process's own changes at once, every
 * other instance's through PostgreSQL NOTIFY and a catch-up read of `public_invalidations`). The memo is only
 * answered from while the listener has recently caught up (`trustedUntil`), which is what bounds how stale a
 * page can be when a notification is lost. A generation number stops a render that began before an
 * invalidation from storing stale bytes after it. Bounded by bytes (PUBLIC_MEMO_MAX_BYTES), least recently
 * used first out. Its state is the process's `publicMemo` (lib/server/process-wiring.mjs), so every bundle's
 * copy of this file, and the fast path in scripts/serve.mjs, read and fill the same memo.
 */
import { processParts } from "@/lib/server/process-wiring.mjs";

export type MemoEntry = {
  status: number;
  headers: Record<string, string>;
  etag: string;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  tags: readonly string[];
  bytes: number;
};

export type MemoState = {
  entries: Map<string, MemoEntry>;
  bytes: number;
  generation: number;
  trustedUntil: number;
  /** The key last set in `entries`, so its last in use order: a hit on it has nothing to move. */
  newest?: string;
};

function memo(): MemoState {
  processParts.publicMemo ??= { entries: new Map(), bytes: 0, generation: 0, trustedUntil: 0 };
  return processParts.publicMemo;
}

/** The listener calls this after each successful catch-up that began at `since`. */
export function trustMemo(options: { until: number }): void {
  const state = memo();
  state.trustedUntil = Math.max(state.trustedUntil, options.until);
}

export function memoTrusted(options: { now?: number } = {}): boolean {
  return (options.now ?? Date.now()) < memo().trustedUntil;
}

export type MemoTicket = { key: string; tags: readonly string[]; generation: number };

export function memoTicket(options: { key: string; tags: readonly string[] }): MemoTicket {
  return { key: options.key, tags: options.tags, generation: memo().generation };
}

/** An entry, only while the memo is trusted; a hit becomes the most recently used. */
export function recallPublicResponse(options: { key: string }): MemoEntry | null {
  return memoTrusted() ? recallUnvouchedPublicResponse(options) : null;
}

/**
 * An entry whether or not the memo is vouched for: only for answering while the database does not answer, and
 * then labelled stale (deliver-public-page.ts). A hit becomes the most recently used.
 */
export function recallUnvouchedPublicResponse(options: { key: string }): MemoEntry | null {
  const state = memo();
  const entry = state.entries.get(options.key);
  if (!entry) return null;
  // A warm page is usually asked for many times in a row: moving it to the end each time is wasted work.
  if (state.newest === options.key) return entry;
  state.entries.delete(options.key);
  state.entries.set(options.key, entry);
  state.newest = options.key;
  return entry;
}

function drop(state: MemoState, key: string): void {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.bytes -= entry.bytes;
}

export function rememberPublicResponse(options: {
  ticket: MemoTicket;
  entry: MemoEntry;
  maxBytes: number;
}): boolean {
  const { ticket, entry, maxBytes } = options;
  const state = memo();
  if (state.generation !== ticket.generation || entry.bytes > maxBytes) return false;
  drop(state, ticket.key);
  while (state.bytes + entry.bytes > maxBytes) {
    const oldest = state.entries.keys().next();
    if (oldest.done) break;
    drop(state, oldest.value);
  }
  state.entries.set(ticket.key, entry);
  state.newest = ticket.key;
  state.bytes += entry.bytes;
  return true;
}

export function forgetPublicResponses(options: { tags: readonly string[] }): void {
  const state = memo();
  state.generation += 1;
  for (const [key, entry] of state.entries) {
    if (entry.tags.some((tag) => options.tags.includes(tag))) drop(state, key);
  }
}

/** Everything, e.g. when the catch-up finds the sequence went backwards (a restored database). */
export function forgetAllPublicResponses(): void {
  const state = memo();
  state.generation += 1;
  state.entries.clear();
  state.bytes = 0;
}

/** Whether an entry is kept for `key`, vouched for or not (the caller then catches up before using it). */
export function hasPublicResponse(options: { key: string }): boolean {
  return memo().entries.has(options.key);
}

export function memoSize(): { entries: number; bytes: number } {
  const state = memo();
  return { entries: state.entries.size, bytes: state.bytes };
}
