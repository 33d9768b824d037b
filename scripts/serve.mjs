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

const server = http.createServer((request, response) => {
  if (answerFromMemo(request, response)) return;
  request.headers[clientAddressHeader] = request.socket.remoteAddress ?? "";
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
