import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip as gzipCallback } from "node:zlib";

import type { MemoEntry } from "./public-memo";

/**
 * A public response as the bytes a cache keeps: one strong ETag per encoding, and the gzip and brotli bodies
 * made once, when the entry is made, so a warm request never compresses. Brotli at quality 5: close to
 * quality 11's size on these pages at a small fraction of its time (a cold page must render fast too).
 */
const minCompressBytes = 512;
// Compressed on libuv's thread pool, not the event loop: a 2 MB change-log page took over 100 ms
// synchronously, and every other request on the instance waited for it.
const gzipAsync = promisify(gzipCallback);
const brotliAsync = promisify(brotliCompress);

export function tagHeaders(tags: readonly string[]): Record<string, string> {
  // Fastly reads Surrogate-Key, Cloudflare Cache-Tag, Varnish's xkey module xkey.
  return { "surrogate-key": tags.join(" "), "cache-tag": tags.join(","), xkey: tags.join(" ") };
}

export async function makeEntry(options: {
  status: number;
  headers: Record<string, string>;
  body: string;
  tags: readonly string[];
}): Promise<MemoEntry> {
  const identity = Buffer.from(options.body);
  const compress = identity.length >= minCompressBytes;
  const [gzip, br] = compress
    ? await Promise.all([
        gzipAsync(identity, { level: 6 }),
        brotliAsync(identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        }),
      ])
    : [null, null];
  const etag = createHash("sha256").update(identity).digest("base64url").slice(0, 32);
  const headers = { ...options.headers, ...tagHeaders(options.tags), vary: "Accept-Encoding" };
  const bytes = identity.length + (gzip?.length ?? 0) + (br?.length ?? 0) + 512;
  return { status: options.status, headers, etag, identity, gzip, br, tags: options.tags, bytes };
}

type Coding = "br" | "gzip" | "identity";

// Clients send few distinct Accept-Encoding values, and the memo's fast path asks on every request: the answer
// per value is kept, up to a bound so that made-up values cannot grow it.
const codingByAcceptEncoding = new Map<string, Coding>();
const maxKeptAcceptEncodings = 64;

/**
 * The best coding the client accepts (q > 0), brotli first; identity unless explicitly refused is assumed.
 */
export function preferredCoding(acceptEncoding: string | null | undefined): Coding {
  if (!acceptEncoding) return "identity";
  const known = codingByAcceptEncoding.get(acceptEncoding);
  if (known) return known;
  if (codingByAcceptEncoding.size >= maxKeptAcceptEncodings) codingByAcceptEncoding.clear();
  const coding = parsedPreferredCoding(acceptEncoding);
  codingByAcceptEncoding.set(acceptEncoding, coding);
  return coding;
}

function parsedPreferredCoding(acceptEncoding: string): Coding {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const wants = (coding: string) => (accepted.get(coding) ?? accepted.get("*") ?? 0) > 0;
  if (wants("br")) return "br";
  if (wants("gzip") || (accepted.get("x-gzip") ?? 0) > 0) return "gzip";
  return "identity";
}

function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  // If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix a cache added still matches.
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

export type Answer = { status: number; headers: Record<string, string>; body: Buffer | null };

// The full answer for each coding of an entry, made on its first request: a warm hit then builds no headers.
// Shared between requests, so frozen; a 304 is made apart.
const answersByEntry = new WeakMap<MemoEntry, Partial<Record<Coding, Answer>>>();

function fullAnswer(entry: MemoEntry, coding: Coding): Answer {
  let answers = answersByEntry.get(entry);
  if (!answers) answersByEntry.set(entry, (answers = {}));
  const kept = answers[coding];
  if (kept) return kept;
  const body =
    coding === "br" && entry.br
      ? entry.br
      : coding !== "identity" && entry.gzip
        ? entry.gzip
        : entry.identity;
  const used = body === entry.br ? "br" : body === entry.gzip ? "gzip" : "identity";
  const etag = `"${entry.etag}${used === "br" ? "-br" : used === "gzip" ? "-gz" : ""}"`;
  const headers: Record<string, string> = { ...entry.headers, etag };
  if (used !== "identity") headers["content-encoding"] = used;
  headers["content-length"] = String(body.length);
  const answer: Answer = { status: entry.status, headers: Object.freeze(headers), body };
  answers[coding] = answer;
  return answer;
}

/** What to send for `entry` to a client with these request headers: the right encoding, or a 304. */
export function answerFor(options: {
  entry: MemoEntry;
  acceptEncoding: string | null | undefined;
  ifNoneMatch: string | null | undefined;
}): Answer {
  const { entry } = options;
  const answer = fullAnswer(entry, preferredCoding(options.acceptEncoding));
  if (!options.ifNoneMatch || entry.status !== 200 || !matches(options.ifNoneMatch, answer.headers.etag!))
    return answer;
  const headers: Record<string, string> = { ...answer.headers };
  delete headers["content-type"];
  delete headers["content-encoding"];
  delete headers["content-length"];
  return { status: 304, headers, body: null };
}
