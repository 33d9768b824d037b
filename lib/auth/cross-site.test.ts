import { describe, expect, it } from "vitest";

import { assertSameSiteRequest } from "./cross-site";

const site = "https://desk.example.org";

function request(options: { method?: string; origin?: string; contentType?: string; url?: string }): Request {
  const headers = new Headers();
  if (options.origin) headers.set("origin", options.origin);
  if (options.contentType) headers.set("content-type", options.contentType);
  return new Request(options.url ?? `${site}/api/v1/stories`, {
    method: options.method ?? "POST",
    headers,
    body: options.method === "GET" ? undefined : "{}",
  });
}

describe("cross-site guard for cookie-authenticated API requests", () => {
  it("lets same-site JSON through, and reads through whatever their type", () => {
    expect(() =>
      assertSameSiteRequest({
        request: request({ origin: site, contentType: "application/json" }),
        siteOrigins: [],
      }),
    ).not.toThrow();
    expect(() =>
      assertSameSiteRequest({
        request: request({ origin: site, contentType: "application/json; charset=utf-8" }),
        siteOrigins: [],
      }),
    ).not.toThrow();
    expect(() =>
      assertSameSiteRequest({ request: request({ method: "GET" }), siteOrigins: [] }),
    ).not.toThrow();
    // Behind a proxy the app may see itself as localhost; NEXTAUTH_URL names the public origin.
    expect(() =>
      assertSameSiteRequest({
        request: request({
          url: "http://localhost:3000/api/v1/stories",
          origin: site,
          contentType: "application/json",
        }),
        siteOrigins: [site],
      }),
    ).not.toThrow();
  });

  it.each([
    [
      "a form post from another site",
      { origin: "https://evil.example", contentType: "application/x-www-form-urlencoded" },
    ],
    ["text/plain (a no-preflight fetch)", { origin: site, contentType: "text/plain" }],
    ["multipart", { origin: site, contentType: "multipart/form-data; boundary=x" }],
    ["no content type", { origin: site }],
    ["JSON from another origin", { origin: "https://evil.example", contentType: "application/json" }],
    [
      "JSON from a look-alike origin",
      { origin: "https://desk.example.org.evil.example", contentType: "application/json" },
    ],
    ["JSON without an Origin", { contentType: "application/json" }],
    ["JSON from origin null", { origin: "null", contentType: "application/json" }],
  ])("refuses %s with a 403 that says why", (_name, options) => {
    // Guards issue 9.9: the JSON API accepted the desk's session cookie with any content type and origin.
    expect(() => assertSameSiteRequest({ request: request(options), siteOrigins: [site] })).toThrow(
      expect.objectContaining({ code: "forbidden", userMessage: expect.stringContaining("another site") }),
    );
  });
});
