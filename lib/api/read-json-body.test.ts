import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { maxJsonBodyBytes, readJsonBody } from "./read-json-body";

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
  const error = await promise.then(() => null, (caught: unknown) => caught);
  return error instanceof AppError ? error.code : String(error);
}

describe("readJsonBody", () => {
  it("parses a JSON body and treats an empty one as {}", async () => {
    expect(await readJsonBody({ request: new Request("http://x/", { method: "POST", body: '{"a":1}' }) })).toEqual({ a: 1 });
    expect(await readJsonBody({ request: new Request("http://x/", { method: "POST" }) })).toEqual({});
  });

  it("refuses invalid JSON as bad_request", async () => {
    expect(await codeOf(readJsonBody({ request: new Request("http://x/", { method: "POST", body: "{nope" }) }))).toBe("bad_request");
  });

  it("refuses a 5 MB body by its Content-Length", async () => {
    const request = new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": String(5 * 1024 * 1024) } });
    expect(await codeOf(readJsonBody({ request }))).toBe("too_large");
  });

  it("refuses a 5 MB body streamed without a Content-Length, by the bytes actually read", async () => {
    const request = new Request("http://x/", { method: "POST", body: streamOf(5 * 1024 * 1024), duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await codeOf(readJsonBody({ request }))).toBe("too_large");
  });

  it("accepts a body just under the limit", async () => {
    const body = JSON.stringify({ body: "x".repeat(maxJsonBodyBytes - 20) });
    expect(await readJsonBody({ request: new Request("http://x/", { method: "POST", body }) })).toHaveProperty("body");
  });
});
