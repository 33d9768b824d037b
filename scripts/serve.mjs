// Copydesk's production HTTP server: Next.js behind a fast path for warm public pages.
// A GET whose whole response is in the public response memo (app/_public/public-response-memo.ts, filled by
// the public route handlers and emptied by invalidatePublicStory, in this same process) is answered before
// Next's routing runs; everything else, and every miss, is Next's. Plain JavaScript: Next loads its own
// compiled server, and this file must not need a TypeScript loader.
// When the database cannot be reached, a request that fails answers 503 with Retry-After and a sentence
// (see answerUnavailableOnOutage), never Next's 500.
import http from "node:http";
import next from "next";

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

function answerFromMemo(request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const entry = globalThis.copydeskPublicMemo?.entries.get(`${request.headers.host}${request.url}`);
  if (!entry) return false;
  response.writeHead(entry.status, { ...entry.headers, "content-length": entry.body.length });
  response.end(request.method === "HEAD" ? undefined : entry.body);
  return true;
}

// The same sentence as lib/errors/unavailable.ts, which this plain-JavaScript file cannot import.
const unavailableSentence = "The database cannot be reached right now, so nothing was saved. Please try again in a moment.";
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

/**
 * A page render or route that fails while this process cannot reach its database is the database's fault,
 * not a bug: the 5xx Next is about to send is replaced, headers and body, by a 503 with Retry-After, as
 * JSON under /api/ and as a short page elsewhere. Next's own chunks for that response are dropped.
 */
function answerUnavailableOnOutage(request, response) {
  const { writeHead, write, end } = response;
  const replaces = (status) => status >= 500 && status !== 503 && databaseRecentlyLost();
  const api = request.url?.startsWith("/api/") ?? false;
  const body = Buffer.from(api ? JSON.stringify({ error: { code: "unavailable", message: unavailableSentence, details: null } }) : unavailablePage);
  let replaced = false;
  response.writeHead = function (status, ...rest) {
    if (replaced || !replaces(status)) return writeHead.call(this, status, ...rest);
    replaced = true;
    for (const name of this.getHeaderNames()) this.removeHeader(name);
    return writeHead.call(this, 503, {
      "content-type": api ? "application/json" : "text/html; charset=utf-8",
      "content-length": body.length,
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    });
  };
  response.write = function (chunk, encoding, callback) {
    if (!this.headersSent && replaces(this.statusCode)) this.writeHead(this.statusCode);
    if (!replaced) return write.call(this, chunk, encoding, callback);
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    if (!this.headersSent && replaces(this.statusCode)) this.writeHead(this.statusCode);
    if (!replaced) return end.call(this, chunk, encoding, callback);
    if (this.writableEnded) return this;
    return end.call(this, request.method === "HEAD" ? undefined : body, [chunk, encoding, callback].find((argument) => typeof argument === "function"));
  };
}

// Next's router answers a bare "Internal Server Error" for a path it cannot percent-decode: "/stories/%ZZ", or
// "%C0%AF", which is not UTF-8. Such an escape is taken literally instead (its "%" sent on as "%25"), so the route
// itself answers: the API's JSON not-found, or the branded reader page. Valid escapes are left untouched.
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

// The server actions' body limit (next.config.js). Next answers a declared body over it with a 500 error; it is a 413.
const actionBodyLimitBytes = 12 * 1024 * 1024;

function refuseOversizedAction(request, response) {
  if (request.method !== "POST" || !request.headers["next-action"]) return false;
  if (!(Number(request.headers["content-length"]) > actionBodyLimitBytes)) return false;
  response.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  response.end("This change is larger than 12 MB, more than a story can hold. Nothing was saved.\n");
  return true;
}

const server = http.createServer((request, response) => {
  request.url = withLiteralBrokenEscapes(request.url ?? "/");
  if (refuseOversizedAction(request, response)) return;
  if (answerFromMemo(request, response)) return;
  request.headers[clientAddressHeader] = request.socket.remoteAddress ?? "";
  answerUnavailableOnOutage(request, response);
  handleWithNext(request, response);
});

server.listen(port, host, () => {
  console.log(`Copydesk server listening on port ${port}`);
});

// The job runner (lib/jobs/server-jobs.ts) stops after the web server, so a job it holds is finished or handed
// back to the queue for another instance, rather than left locked.
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
