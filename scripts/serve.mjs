// Copydesk's production HTTP server: Next.js behind a fast path for warm public pages.
// A GET whose whole response is in the public response memo (app/_public/public-response-memo.ts, filled by
// the public route handlers and emptied by invalidatePublicStory, in this same process) is answered before
// Next's routing runs; everything else, and every miss, is Next's. Plain JavaScript: Next loads its own
// compiled server, and this file must not need a TypeScript loader.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
// Unset, Node listens on every interface (IPv6 and IPv4), as `next start` does.
const host = process.env.COPYDESK_HOST || undefined;

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
  handleWithNext(request, response);
});

server.listen(port, host, () => {
  console.log(`Copydesk server listening on port ${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
