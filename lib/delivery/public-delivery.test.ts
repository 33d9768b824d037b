import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";

import { processParts } from "@/lib/server/process-wiring.mjs";

import {
  forgetPublicResponses,
  memoSize,
  memoTicket,
  recallPublicResponse,
  rememberPublicResponse,
  trustMemo,
} from "./public-memo";
import { answerFor, makeEntry, preferredCoding } from "./public-representation";
import { publicRequestKey } from "./public-request-key";

const origin = "https://news.example";
const page = `<!doctype html><p>${"The council voted on Tuesday. ".repeat(200)}</p>`;

function entry(body = page, tags = ["public:story:harbor"]) {
  return makeEntry({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body, tags });
}

describe("memo keys", () => {
  it("gives every spelling of the same version one key, and refuses a spelling of none", () => {
    const key = (url: string) => publicRequestKey({ origin, url });
    const one = key("/stories/harbor/history?from=1&to=2");
    expect(one).toMatchObject({
      ok: true,
      key: "https://news.example/stories/harbor/history?from=1&to=2",
      query: { from: "1", to: "2" },
    });
    for (const spelling of [
      "from=01&to=2",
      "to=2&from=1e0",
      "from=%201&to=2.0",
      "from=1&to=2&utm_source=x",
    ]) {
      expect(key(`/stories/harbor/history?${spelling}`), spelling).toEqual(one);
    }
    for (const bad of [
      "from=abc",
      "from=0",
      "from=1.5",
      "from=0x10",
      "from=-1",
      "from=1&from=2",
      "from=99999999999",
    ]) {
      expect(key(`/stories/harbor/history?${bad}`), bad).toEqual({ ok: false, parameter: "from" });
    }
    expect(key("/corrections?before=2026-12-01T10:00:00%2B01:00")).toMatchObject({
      ok: true,
      query: { before: "2026-12-01T09:00:00.000Z" },
    });
    expect(key("/corrections?before=yesterday")).toEqual({ ok: false, parameter: "before" });
    // Pages that read no query: any query is the same page.
    expect(key("/stories/harbor?fbclid=1")).toEqual(key("/stories/harbor"));
  });
});

describe("representations", () => {
  it("decodes gzip and brotli to exactly the page, prefers brotli, and answers a matching If-None-Match with 304", async () => {
    const kept = await entry();
    const br = answerFor({ entry: kept, acceptEncoding: "gzip, deflate, br", ifNoneMatch: null });
    const gzip = answerFor({ entry: kept, acceptEncoding: "gzip", ifNoneMatch: null });
    const plain = answerFor({ entry: kept, acceptEncoding: null, ifNoneMatch: null });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body!).toString()).toBe(page);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body!).toString()).toBe(page);
    expect(plain.body!.toString()).toBe(page);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    for (const answer of [br, gzip, plain]) {
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(answer.headers.xkey).toBe("public:story:harbor");
      expect(answer.headers["surrogate-key"]).toBe("public:story:harbor");
      expect(answer.headers["cache-tag"]).toBe("public:story:harbor");
    }
    expect(answerFor({ entry: kept, acceptEncoding: "br", ifNoneMatch: br.headers.etag! }).status).toBe(304);
    expect(answerFor({ entry: kept, acceptEncoding: "br", ifNoneMatch: `W/${br.headers.etag}` }).status).toBe(
      304,
    );
    expect(answerFor({ entry: kept, acceptEncoding: "gzip", ifNoneMatch: br.headers.etag! }).status).toBe(
      200,
    );
    expect(
      answerFor({ entry: await entry(`${page}changed`), acceptEncoding: "br", ifNoneMatch: br.headers.etag! })
        .status,
    ).toBe(200);
  });

  it("reads Accept-Encoding weights", () => {
    expect(preferredCoding("br;q=0, gzip")).toBe("gzip");
    expect(preferredCoding("*")).toBe("br");
    expect(preferredCoding("identity")).toBe("identity");
    expect(preferredCoding("gzip;q=0")).toBe("identity");
  });
});

describe("the memo", () => {
  beforeEach(() => {
    processParts.publicMemo = undefined;
    trustMemo({ until: Date.now() + 60_000 });
  });

  it("stays within its byte budget, dropping the least recently used page first", async () => {
    const one = await entry();
    const budget = one.bytes * 2 + 10;
    for (const key of ["a", "b"])
      rememberPublicResponse({
        ticket: memoTicket({ key, tags: one.tags }),
        entry: await entry(),
        maxBytes: budget,
      });
    expect(recallPublicResponse({ key: "a" })).not.toBeNull();
    rememberPublicResponse({
      ticket: memoTicket({ key: "c", tags: one.tags }),
      entry: await entry(),
      maxBytes: budget,
    });
    expect(recallPublicResponse({ key: "b" })).toBeNull();
    expect(recallPublicResponse({ key: "a" })).not.toBeNull();
    expect(memoSize().bytes).toBeLessThanOrEqual(budget);
    expect(
      rememberPublicResponse({
        ticket: memoTicket({ key: "huge", tags: [] }),
        entry: await entry(page.repeat(10)),
        maxBytes: budget,
      }),
    ).toBe(false);
  });

  it("does not keep a render that began before an invalidation, and answers nothing once no longer trusted", async () => {
    const ticket = memoTicket({ key: "k", tags: ["public:story:harbor"] });
    forgetPublicResponses({ tags: ["public:story:harbor"] });
    expect(rememberPublicResponse({ ticket, entry: await entry(), maxBytes: 1e9 })).toBe(false);
    rememberPublicResponse({
      ticket: memoTicket({ key: "k", tags: ["public:story:harbor"] }),
      entry: await entry(),
      maxBytes: 1e9,
    });
    expect(recallPublicResponse({ key: "k" })).not.toBeNull();
    processParts.publicMemo!.trustedUntil = Date.now() - 1;
    expect(recallPublicResponse({ key: "k" })).toBeNull();
  });
});
