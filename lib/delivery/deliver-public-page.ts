import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { databaseRecentlyLost } from "@/lib/db/database-outage";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { publicContentSecurityPolicyFor } from "@/lib/public/public-content-security-policy";
import { renderMessagePage } from "@/lib/render/message-page";
import { retryAfterSeconds } from "@/lib/server/shared-constants.mjs";

import { deliverySettings } from "./delivery-settings";
import { catchUpWithin, ensureInvalidationListener, invalidationsCaughtUpAt } from "./invalidation-listener";
import {
  hasPublicResponse,
  memoTicket,
  memoTrusted,
  recallPublicResponse,
  recallUnvouchedPublicResponse,
  rememberPublicResponse,
  type MemoEntry,
} from "./public-memo";
import { answerFor, makeEntry, type Answer } from "./public-representation";
import { publicRequestKey, type PublicQuery } from "./public-request-key";

export type PublicPage = {
  status: number;
  body: string;
  /**
   * Other sites this page's older images load from, allowed by its CSP alone
   * (lib/public/public-content-security-policy.ts).
   */
  imageOrigins?: string[];
};

const contentTypes = {
  html: "text/html; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;
export type PublicPageType = keyof typeof contentTypes;

// A page and a withdrawn story's 410 are kept (memo and shared caches); a not-found or a refused comparison
// is not, so made-up addresses cannot fill a cache, and a story published later is seen at once.
const keptStatuses = new Set([200, 410]);

function baseHeaders(
  type: PublicPageType,
  cacheable: boolean,
  imageOrigins: string[] = [],
): Record<string, string> {
  return {
    "content-type": contentTypes[type],
    "cache-control": cacheable ? deliverySettings().cacheControl : "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": publicContentSecurityPolicyFor({ imageOrigins }),
  };
}

function toResponse(answer: Answer): Response {
  return new Response(answer.body ? new Uint8Array(answer.body) : null, {
    status: answer.status,
    headers: answer.headers,
  });
}

function badQuery(type: PublicPageType): Response {
  const body =
    type === "html"
      ? renderMessagePage({
          newsroomName: newsroomSettings().name,
          title: "That address doesn’t name a page",
          text: "Check the version numbers or the page in the address.",
        })
      : JSON.stringify({ error: { code: "bad_request", message: "That address doesn’t name a page." } });
  return new Response(body, { status: 400, headers: baseHeaders(type, false) });
}

/**
 * A public route's whole answer: from the memo when it holds the page, else rendered, kept (when the status
 * is worth keeping) and sent with its validator, tag headers and the encoding the client accepts. `render`
 * gets the canonical origin and the page's query in canonical form; it never sees the Host header.
 */
export async function deliverPublicPage(options: {
  request: Request;
  tags: readonly string[];
  type: PublicPageType;
  render: (context: { origin: string; query: PublicQuery }) => Promise<PublicPage>;
}): Promise<Response> {
  const { request, tags, type } = options;
  await ensureInvalidationListener();
  const settings = deliverySettings();
  const url = new URL(request.url);
  const key = publicRequestKey({ origin: settings.origin, url: url.pathname + url.search });
  if (!key.ok) return badQuery(type);
  // Next drops a route handler's Content-Encoding header (and compresses on its own), so the handler always
  // answers uncompressed; the encoded bodies go out from scripts/serve.mjs's fast path, from the next request
  // on.
  const conditional = { acceptEncoding: null, ifNoneMatch: request.headers.get("if-none-match") };
  const reads = request.method === "GET" || request.method === "HEAD";
  // Kept but not vouched for (the last catch-up is older than the bound): catch up first, then use it if
  // still kept.
  if (reads && !memoTrusted() && hasPublicResponse({ key: key.key })) {
    // While this process is already losing its database, the reader does not wait for it at all.
    const unanswered = databaseRecentlyLost() || !(await catchUpWithin({ waitMs: staleAfterMs }));
    const stale = unanswered && !memoTrusted() ? recallUnvouchedPublicResponse({ key: key.key }) : null;
    if (stale) return toResponse(staleAnswerFor({ entry: stale, ...conditional }));
  }
  const kept = reads ? recallPublicResponse({ key: key.key }) : null;
  if (kept) return toResponse(answerFor({ entry: kept, ...conditional }));
  const ticket = memoTicket({ key: key.key, tags });
  const page = await options.render({ origin: settings.origin, query: key.query });
  // A feed's 410 or 404 is a page for people, not a feed.
  const pageType = page.status === 200 ? type : type === "json" ? "json" : "html";
  const cacheable = keptStatuses.has(page.status);
  if (!cacheable) {
    const retry: Record<string, string> =
      page.status === 503 ? { "Retry-After": String(retryAfterSeconds) } : {};
    return new Response(page.body, {
      status: page.status,
      headers: { ...baseHeaders(pageType, false, page.imageOrigins), ...retry },
    });
  }
  const entry = await makeEntry({
    status: page.status,
    headers: baseHeaders(pageType, true, page.imageOrigins),
    body: page.body,
    tags,
  });
  rememberPublicResponse({ ticket, entry, maxBytes: settings.memoMaxBytes });
  return toResponse(answerFor({ entry, ...conditional }));
}

/**
 * While the database does not answer, a page kept in memory is still the best thing a reader can get: it was
 * right when it was last confirmed, and the alternative is a 503. But this instance cannot know what changed
 * since, so the answer says so (`X-Copydesk-Stale` with the instant it was last confirmed, and the standard
 * `Warning: 110`), and no shared cache may keep it (`no-store`): once the database answers again, the next
 * request is vouched for as usual. Readers wait at most `staleAfterMs` for the database before getting it,
 * and not at all once this process has seen a connection fail or time out in the last few seconds.
 */
const staleAfterMs = 1_000;

function staleAnswerFor(options: {
  entry: MemoEntry;
  acceptEncoding: null;
  ifNoneMatch: string | null;
}): Answer {
  const answer = answerFor(options);
  const confirmed = invalidationsCaughtUpAt();
  return {
    ...answer,
    headers: {
      ...answer.headers,
      "cache-control": "no-store",
      warning: '110 - "Response is Stale"',
      "x-copydesk-stale": confirmed ? `unconfirmed since ${confirmed.toISOString()}` : "unconfirmed",
    },
  };
}

/** An uncacheable public answer (a slug that could never exist), with the same headers as the others. */
export function uncachedPublicPage(options: { page: PublicPage; type: PublicPageType }): Response {
  return new Response(options.page.body, {
    status: options.page.status,
    headers: baseHeaders(options.type, false),
  });
}

/**
 * scripts/serve.mjs calls this before Next's routing: a warm page goes out straight from the memo, with the
 * same key, validator and encoding rules as above. Handed to serve.mjs when the process starts
 * (lib/server/server-process.ts).
 */
export function answerFromMemo(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const key = publicRequestKey({ origin: deliverySettings().origin, url: request.url ?? "/" });
  if (!key.ok) return false;
  const entry = recallPublicResponse({ key: key.key });
  if (!entry) return false;
  const answer = answerFor({
    entry,
    acceptEncoding: request.headers["accept-encoding"],
    ifNoneMatch: request.headers["if-none-match"],
  });
  response.writeHead(answer.status, answer.headers);
  response.end(request.method === "HEAD" ? undefined : (answer.body ?? undefined));
  return true;
}
