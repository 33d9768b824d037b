/**
 * Whole public responses kept in this process's memory, in front of Next's tagged data cache.
 *
 * Why: Next's own routing costs about 1.3 ms of CPU per request even when the page comes straight from its
 * cache, which held one server process at 600–750 warm req/s. Copydesk's server (scripts/serve.mjs) answers a
 * request from this memo before Next's routing runs. Entries are copies of responses Next produced from its
 * cache; invalidatePublicStory drops them by the same tags, in the same process, so a publish is visible at
 * the next request exactly as with Next's cache alone. A generation number stops a render that began before
 * an invalidation from storing stale bytes after it.
 */
type MemoEntry = { status: number; headers: Record<string, string>; body: Buffer; tags: readonly string[] };
type MemoState = { entries: Map<string, MemoEntry>; generation: number };

declare global {
  // Shared with scripts/serve.mjs, which reads `entries` by `${host}${path}`.
  var copydeskPublicMemo: MemoState | undefined;
}

// Bounded, because the Host header is the client's: oldest entries go first.
const maxEntries = 5_000;

function memo(): MemoState {
  globalThis.copydeskPublicMemo ??= { entries: new Map(), generation: 0 };
  return globalThis.copydeskPublicMemo;
}

export type PublicMemoTicket = { key: string; tags: readonly string[]; generation: number };

/** Taken before the page is read. Requests with a query string are never kept, so keys stay one per page. */
export function publicMemoTicket(options: { request: Request; tags: readonly string[] }): PublicMemoTicket | null {
  const url = new URL(options.request.url);
  const host = options.request.headers.get("host");
  if (url.search || !host || options.request.method !== "GET") return null;
  return { key: `${host}${url.pathname}`, tags: options.tags, generation: memo().generation };
}

export function rememberPublicResponse(options: { ticket: PublicMemoTicket | null; status: number; headers: Record<string, string>; body: string }): void {
  const { ticket } = options;
  const state = memo();
  if (!ticket || options.status !== 200 || state.generation !== ticket.generation) return;
  if (state.entries.size >= maxEntries && !state.entries.has(ticket.key)) {
    const oldest = state.entries.keys().next();
    if (!oldest.done) state.entries.delete(oldest.value);
  }
  state.entries.set(ticket.key, { status: options.status, headers: options.headers, body: Buffer.from(options.body), tags: ticket.tags });
}

export function forgetPublicResponses(options: { tags: readonly string[] }): void {
  const state = memo();
  state.generation += 1;
  for (const [key, entry] of state.entries) {
    if (entry.tags.some((tag) => options.tags.includes(tag))) state.entries.delete(key);
  }
}
