// Copydesk's production HTTP server: Next.js behind a fast path for warm public pages.
// A GET whose whole response is in the public response memo (lib/delivery/public-memo.ts, filled by the
// public route handlers and emptied when any instance changes what readers see) is answered before Next's
// routing runs; everything else, and every miss, is Next's. lib/server/process-wiring.mjs traces a request
// through it and says in what order the process's parts start and stop. Plain JavaScript: Next loads its own
// compiled server, and this file must not need a TypeScript loader. When the database cannot be reached, a
// request that fails answers 503 with Retry-After and a sentence (see replaceFailedResponses), never Next's
// 500.
import http from "node:http";
import next from "next";

/* eslint-disable no-restricted-imports -- plain Node, which resolves no "@/" alias */
import { processParts } from "../lib/server/process-wiring.mjs";
import {
  clientAddressHeader,
  databaseOutageWindowMs,
  databaseUnavailableMessage,
  retryAfterSeconds,
} from "../lib/server/shared-constants.mjs";
/* eslint-enable no-restricted-imports */
import { isActionRequest, screenAction } from "./serve/screen-actions.mjs";

const port = Number(process.env.PORT ?? 3000);
// Unset, Node listens on every interface (IPv6 and IPv4), as `next start` does.
const host = process.env.COPYDESK_HOST || undefined;

// The app counts sign-in attempts per client address. clientAddressHeader carries the connection's own
// address and is overwritten on every request (passToNext), so a client cannot choose it;
// lib/auth/client-address.ts trusts it only because this says this server is in front.
processParts.edgeInFront = true;

const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
await app.prepare();
const handleWithNext = app.getRequestHandler();
// As Next prepared, instrumentation.ts started the process's parts (lib/server/server-process.ts).
const { answerFromMemo, stop: stopParts } = await processParts.started;

const escapeHtml = (text) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const unavailablePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · ${escapeHtml(process.env.NEWSROOM_NAME?.trim() || "Copydesk Desk")}</title>
<style>body{font:1.125rem/1.5 Georgia,serif;color:#1f1f1f;background:#fbfaf7;margin:0}main{max-width:34rem;margin:18vh auto;padding:0 1.25rem}h1{font-size:1.75rem;font-weight:600;margin:0 0 .5rem}</style>
</head><body><main><h1>Temporarily unavailable</h1><p>${databaseUnavailableMessage}</p></main></body></html>
`;

// lib/db/database-outage.ts records when this process last lost a database connection, and asks the same.
function databaseRecentlyLost() {
  const lostAt = processParts.databaseLostAt;
  return lostAt !== undefined && Date.now() - lostAt < databaseOutageWindowMs;
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
        ? JSON.stringify({
            error: { code: "unavailable", message: databaseUnavailableMessage, details: null },
          })
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

/**
 * Swaps a failing response, headers and body, for `replacementFor`'s; Next's own chunks for it are dropped.
 */
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

function passToNext(request, response) {
  request.headers[clientAddressHeader] = request.socket.remoteAddress ?? "";
  replaceFailedResponses(request, response);
  handleWithNext(request, response);
}

const server = http.createServer((request, response) => {
  request.url = withLiteralBrokenEscapes(request.url ?? "/");
  if (answerFromMemo(request, response)) return;
  if (!isActionRequest(request)) return passToNext(request, response);
  screenAction(request, response).then(
    (passed) => passed && passToNext(request, response),
    () => response.destroy(),
  );
});

server.listen(port, host, () => {
  console.log(`Copydesk server listening on port ${port}`);
});

// The process's parts stop after the web server (lib/server/server-process.ts), so a job the runner holds is
// finished or handed back to the queue for another instance, rather than left locked.
function stop() {
  server.close(async () => {
    await stopParts().catch(() => {});
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
