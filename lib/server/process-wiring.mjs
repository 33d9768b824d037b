/**
 * The parts one Copydesk server process shares, and the one place that keeps them on globalThis.
 *
 * Why a global at all: scripts/serve.mjs is plain Node, outside Next's bundles, and Next compiles
 * instrumentation.ts and the route handlers into separate bundles, each with its own copy of every module in
 * lib/. A variable of a module would exist once per copy; this object exists once per process, whichever copy
 * of this file makes it first. Every other module reaches a part through its named slot, typed in
 * process-wiring.d.mts. Plain JavaScript, so serve.mjs can import it without a TypeScript loader.
 *
 * The slots, each written by its owner alone:
 * - edgeInFront: scripts/serve.mjs is in front of Next and overwrites the client-address header on every
 *   request, so lib/auth/client-address.ts may trust it (not with `next dev`, or in tests).
 * - prisma: the Prisma client (lib/db/client.ts), made on first use so a build needs no database.
 * - databaseLostAt: when a connection to the database was last lost (lib/db/database-outage.ts); serve.mjs
 *   answers 503 instead of Next's 500 while it is recent.
 * - publicMemo: whole public responses kept in memory (lib/delivery/public-memo.ts).
 * - invalidationListener: hears every instance's changes and vouches for the memo
 *   (lib/delivery/invalidation-listener.ts).
 * - signInLimits: the sign-in limiters and their pool (lib/auth/sign-in-limits.ts).
 * - jobRunner: this process's job runner (lib/jobs/server-jobs.ts).
 * - started: what serve.mjs calls once the parts above have started (lib/server/server-process.ts).
 *
 * Start, in order. serve.mjs sets edgeInFront and asks Next to prepare; Next runs instrumentation.ts, whose
 * register() calls startServerProcess (lib/server/server-process.ts): the invalidation listener starts (the
 * memo is trusted from its first catch-up), then the job runner, then `started` is announced with the memo's
 * answer and the stop. serve.mjs waits for that, then listens. The database client connects on first use.
 *
 * Stop, in order (SIGTERM or SIGINT to serve.mjs): the web server stops taking requests and finishes those it
 * has; the job runner finishes its jobs or hands them back to the queue; the listener closes; the database
 * client disconnects.
 *
 * A public request, from the socket:
 *   socket → serve.mjs's http server → answerFromMemo (lib/delivery/deliver-public-page.ts)
 *     hit  → the kept bytes go out at once, in the encoding asked for; Next never sees the request.
 *     miss → Next's router → the route handler (app/route.ts, app/stories/[slug]/…, app/feed.xml/…) →
 *            deliverPublicPage → the page is rendered from the database → rememberPublicResponse fills the
 *            memo → the next request for it is a hit.
 * A change that commits drops the story's kept pages: at once in the process that made it
 * (invalidatePublicStory), and in every instance when its listener hears the change.
 */

function emptyParts() {
  const parts = {
    edgeInFront: false,
    prisma: undefined,
    databaseLostAt: undefined,
    publicMemo: undefined,
    invalidationListener: undefined,
    signInLimits: undefined,
    jobRunner: undefined,
    started: undefined,
    announceStarted: undefined,
    failToStart: undefined,
  };
  parts.started = new Promise((resolve, reject) => {
    parts.announceStarted = resolve;
    parts.failToStart = reject;
  });
  // Nobody waits for it under `next dev` or in tests; a failed start is still thrown where it happened.
  parts.started.catch(() => {});
  return parts;
}

export const processParts = (globalThis.copydeskProcess ??= emptyParts());
