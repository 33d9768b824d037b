import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { contentLimits } from "@/lib/revisions/revision-content";
import { SaveRevisionInput } from "@/lib/revisions/save-revision-input";
import { maxRequestBodyBytes } from "@/lib/server/shared-constants.mjs";

import { readJsonBody } from "./read-json-body";

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, bytes - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppError ? error.code : String(error);
}

describe("readJsonBody", () => {
  it("parses a JSON body and treats an empty one as {}", async () => {
    expect(
      await readJsonBody({ request: new Request("http://x/", { method: "POST", body: '{"a":1}' }) }),
    ).toEqual({ a: 1 });
    expect(await readJsonBody({ request: new Request("http://x/", { method: "POST" }) })).toEqual({});
  });

  it("refuses invalid JSON as bad_request", async () => {
    expect(
      await codeOf(readJsonBody({ request: new Request("http://x/", { method: "POST", body: "{nope" }) })),
    ).toBe("bad_request");
  });

  it("refuses a 13 MB body by its Content-Length", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: "x",
      headers: { "content-length": String(13 * 1024 * 1024) },
    });
    expect(await codeOf(readJsonBody({ request }))).toBe("too_large");
  });

  it("refuses a 13 MB body streamed without a Content-Length, by the bytes actually read", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: streamOf(13 * 1024 * 1024),
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await codeOf(readJsonBody({ request }))).toBe("too_large");
  });

  it("accepts a body just under the limit", async () => {
    const body = JSON.stringify({ body: "x".repeat(maxRequestBodyBytes - 20) });
    expect(
      await readJsonBody({ request: new Request("http://x/", { method: "POST", body }) }),
    ).toHaveProperty("body");
  });

  // Regression guard: a 1.5 M-character body of "é" (3 MB of UTF-8) was refused as over 2 MB, though
  // documented as allowed.
  it("fits a revision with every field at its limit, every character escaped as \\uXXXX", async () => {
    const text = (length: number) => "é".repeat(length);
    const revision = {
      baseRevision: 2_147_483_647,
      kind: "editors_note",
      publish: true,
      headline: text(contentLimits.headline),
      dek: text(contentLimits.dek),
      byline: text(contentLimits.byline),
      body: text(contentLimits.body),
      summary: text(contentLimits.summary),
      note: text(contentLimits.publicNote),
      developing: false,
      images: Array.from({ length: contentLimits.images }, () => ({
        url: `/${text(contentLimits.url - 1)}`,
        alt: text(contentLimits.caption),
        caption: text(contentLimits.caption),
        credit: text(contentLimits.name),
      })),
      credits: Array.from({ length: contentLimits.credits }, () => ({
        name: text(contentLimits.name),
        role: "additional_reporting",
        location: text(contentLimits.location),
      })),
    };
    const escaped = JSON.stringify(revision).replace(
      /[^\x00-\x7f]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    expect(Buffer.byteLength(escaped)).toBeGreaterThan(11_000_000);
    expect(Buffer.byteLength(escaped)).toBeLessThanOrEqual(maxRequestBodyBytes);
    const read = await readJsonBody({ request: new Request("http://x/", { method: "POST", body: escaped }) });
    expect(read).toEqual(revision);
    expect(SaveRevisionInput.safeParse(read).success).toBe(true);
  });
});
