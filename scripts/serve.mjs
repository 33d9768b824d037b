// Copydesk's production HTTP server: Next.js behind a fast path for warm public pages.
// A GET whose whole response is in the public response memo (lib/delivery/public-memo.ts, filled by the
// public route handlers and emptied when any instance changes what readers see) is answered before Next's
// routing runs, by lib/delivery/deliver-public-page.ts through globalThis; everything else, and every miss,
// is Next's. Plain JavaScript: Next loads its own compiled server, and this file must not need a TypeScript
// loader. When the database cannot be reached, a request that fails answers 503 with Retry-After and a
// sentence (see replaceFailedResponses), never Next's 500.
import http from "node:http";
import next from "next";

import { isActionRequest, screenAnonymousAction } from "./serve/anonymous-actions.mjs";

const port = Number(process.env.PORT ?? 3000);
// Unset, Node listens on every interface (IPv6 and IPv4), as `next start` does.
const host = process.env.COPYDESK_HOST || undefined;

// The app counts sign-in attempts per client address. This header carries the connection's own address and
// is overwritten on every request, so a client cannot choose it (lib/auth/client-address.ts reads it, and
// trusts it only because this flag says this server is in front).
const clientAddressHeader = "x-copydesk-client-address";
globalThis.copydeskEdge = { clientAddressHeader };

const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
await app.prepare();
const handleWithNext = app.getRequestHandler();

// Installed by the first public request this process serves (until then the memo is empty anyway).
const answerFromMemo = (request, response) =>
  globalThis.copydeskDelivery?.answerFromMemo(request, response) ?? false;

// The same sentence as lib/errors/unavailable.ts, which this plain-JavaScript file cannot import.
const unavailableSentence =
  "The database cannot be reached right now, so nothing was saved. Please try again in a moment.";
const retryAfterSeconds = 5;
// lib/db/database-outage.ts records when this process last lost a database connection.
const outageWindowMs = 10_000;

const escapeHtml = (text) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const unavailablePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · ${escapeHtml(process.env.NEWSROOM_NAME?.trim() || "Copydesk Desk")}</title>
<style>body{font:1.125rem/1.5 Georgia,serif;color:#1f1f1f;background:#fbfaf7;margin:0}main{max-width:34rem;margin:18vh auto;padding:0 1.25rem}h1{font-size:1.75rem;font-weight:600;margin:0 0 .5rem}</style>
</head><body><main><h1>Temporarily unavailable</h1><p>${unavailableSentence}</p></main></body></html>
`;

function databaseRecentlyLost() {
  const lostAt = globalThis.copydeskDatabaseLostAt;
  return typeof lostAt === "number" && Date.now() - lostAt < outageWindowMs;
}

// Next decodes a server action's arguments before any code of ours runs; a body it cannot decode (not React's
// encoding, cut short, garbage) makes it answer a bare 500. Every action of ours turns its own failures into
// a form state, so a 5xx on an action request is Next refusing the request itself: a 400, in a sentence.
const unreadableActionSentence =
  "The desk could not read this request, so nothing was saved. Reload the page and try again.";

/**
 * What replaces the 5xx Next is about to send, or null to let it through. While this process cannot reach its
 * database, a failure is the database's fault, not a bug: 503 with Retry-After, as JSON under /api/ and as a
 * short page elsewhere. Otherwise an action request Next could not decode gets a 400 (above).
 */
function replacementFor(request, status) {
  if (status < 500 || status === 503) return null;
  const api = request.url?.startsWith("/api/") ?? false;
  if (databaseRecentlyLost()) {
    return {
      status: 503,
      contentType: api ? "application/json" : "text/html; charset=utf-8",
      body: api
        ? JSON.stringify({ error: { code: "unavailable", message: unavailableSentence, details: null } })
        : unavailablePage,
      headers: { "retry-after": String(retryAfterSeconds) },
    };
  }
  if (request.method === "POST" && request.headers["next-action"]) {
    return {
      status: 400,
      contentType: "text/plain; charset=utf-8",
      body: `${unreadableActionSentence}\n`,
      headers: {},
    };
  }
  return null;
}

/** Swaps a failing response, headers and body, for `replacementFor`'s; Next's own chunks for it are dropped. */
function replaceFailedResponses(request, response) {
  const { writeHead, write, end } = response;
  let replacement = null;
  response.writeHead = function (status, ...rest) {
    if (replacement) return this;
    replacement = replacementFor(request, status);
    if (!replacement) return writeHead.call(this, status, ...rest);
    for (const name of this.getHeaderNames()) this.removeHeader(name);
    replacement.bytes = Buffer.from(replacement.body);
    return writeHead.call(this, replacement.status, {
      "content-type": replacement.contentType,
      "content-length": replacement.bytes.length,
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      ...replacement.headers,
    });
  };
  response.write = function (chunk, encoding, callback) {
    if (!this.headersSent && replacementFor(request, this.statusCode)) this.writeHead(this.statusCode);
    if (!replacement) return write.call(this, chunk, encoding, callback);
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    if (!this.headersSent && replacementFor(request, this.statusCode)) this.writeHead(this.statusCode);
    if (!replacement) return end.call(this, chunk, encoding, callback);
    if (this.writableEnded) return this;
    const done = [chunk, encoding, callback].find((argument) => typeof argument === "function");
    return end.call(this, request.method === "HEAD" ? undefined : replacement.bytes, done);
  };
}

// Next's router answers a bare "Internal Server Error" for a path it cannot percent-decode: "/stories/%ZZ",
// or "%C0%AF", which is not UTF-8. Such an escape is taken literally instead (its "%" sent on as "%25"), so
// the route itself answers: the API's JSON not-found, or the branded reader page. Valid escapes are left
// untouched.
function withLiteralBrokenEscapes(url) {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (!path.includes("%")) return url;
  const fixed = path.replace(/(?:%[0-9A-Fa-f]{2})+|%/g, (run) => {
    try {
      decodeURIComponent(run);
      return run;
    } catch {
      return run.replaceAll("%", "%25");
    }
  });
  return queryStart === -1 ? fixed : fixed + url.slice(queryStart);
}

// The server actions' body limit (next.config.js). Next answers a declared body over it with a 500 error; it
// is a 413.
const actionBodyLimitBytes = 12 * 1024 * 1024;

function refuseOversizedAction(request, response) {
  if (request.method !== "POST" || !request.headers["next-action"]) return false;
  if (!(Number(request.headers["content-length"]) > actionBodyLimitBytes)) return false;
  response.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  response.end("This change is larger than 12 MB, more than a story can hold. Nothing was saved.\n");
  return true;
}

function passToNext(request, response) {
  request.headers[clientAddressHeader] = request.socket.remoteAddress ?? "";
  replaceFailedResponses(request, response);
  handleWithNext(request, response);
}

const server = http.createServer((request, response) => {
  request.url = withLiteralBrokenEscapes(request.url ?? "/");
  if (refuseOversizedAction(request, response)) return;
  if (answerFromMemo(request, response)) return;
  if (!isActionRequest(request)) return passToNext(request, response);
  screenAnonymousAction(request, response).then(
    (passed) => passed && passToNext(request, response),
    () => response.destroy(),
  );
});

server.listen(port, host, () => {
  console.log(`Copydesk server listening on port ${port}`);
});

// The job runner (lib/jobs/server-jobs.ts) stops after the web server, so a job it holds is finished or
// handed back to the queue for another instance, rather than left locked.
function stop() {
  server.close(async () => {
    await globalThis.copydeskJobRunner?.stop().catch(() => {});
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 8_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);

// Started by `npm start` (or the e2e server): when that process is gone, whatever killed it, so is this one.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 500).unref();
