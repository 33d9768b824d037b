import { beforeEach, describe, expect, it } from "vitest";
import { forgetPublicResponses, publicMemoTicket, rememberPublicResponse } from "./public-response-memo";

const headers = { "content-type": "text/html; charset=utf-8" };

function storyRequest(path: string, init?: RequestInit): Request {
  return new Request(`http://news.example${path}`, { headers: { host: "news.example" }, ...init });
}

function memoised(key: string): string | undefined {
  return globalThis.copydeskPublicMemo?.entries.get(key)?.body.toString();
}

describe("public response memo", () => {
  beforeEach(() => {
    globalThis.copydeskPublicMemo = undefined;
  });

  it("keeps a published page under host and path until its story is invalidated", () => {
    const ticket = publicMemoTicket({ request: storyRequest("/stories/harbor"), tags: ["public:story:harbor"] });
    rememberPublicResponse({ ticket, status: 200, headers, body: "<h1>Harbor</h1>" });
    expect(memoised("news.example/stories/harbor")).toBe("<h1>Harbor</h1>");

    forgetPublicResponses({ tags: ["public:story:other"] });
    expect(memoised("news.example/stories/harbor")).toBe("<h1>Harbor</h1>");

    forgetPublicResponses({ tags: ["public:story:harbor", "public:index"] });
    expect(memoised("news.example/stories/harbor")).toBeUndefined();
  });

  // Regression guard: a render that began before a publish must not store the old page after the publish.
  it("refuses bytes read before an invalidation that happened while they were being rendered", () => {
    const ticket = publicMemoTicket({ request: storyRequest("/stories/harbor"), tags: ["public:story:harbor"] });
    forgetPublicResponses({ tags: ["public:story:harbor"] });
    rememberPublicResponse({ ticket, status: 200, headers, body: "<h1>Old version</h1>" });
    expect(memoised("news.example/stories/harbor")).toBeUndefined();
  });

  it("never keeps not-found answers, query-string variants or non-GET requests", () => {
    const missing = publicMemoTicket({ request: storyRequest("/stories/missing"), tags: ["public:story:missing"] });
    rememberPublicResponse({ ticket: missing, status: 404, headers, body: "Not found" });
    expect(memoised("news.example/stories/missing")).toBeUndefined();

    expect(publicMemoTicket({ request: storyRequest("/stories/harbor/history?from=1&to=2"), tags: ["t"] })).toBeNull();
    expect(publicMemoTicket({ request: storyRequest("/stories/harbor", { method: "POST" }), tags: ["t"] })).toBeNull();
  });
});
