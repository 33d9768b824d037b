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
      "was a form post, not JSON",
    ],
    [
      "text/plain (a no-preflight fetch)",
      { origin: site, contentType: "text/plain" },
      "was a form post, not JSON",
    ],
    [
      "multipart",
      { origin: site, contentType: "multipart/form-data; boundary=x" },
      "was a form post, not JSON",
    ],
    // A string body without a type goes as text/plain, which a form can send.
    ["no content type", { origin: site }, "was a form post, not JSON"],
    [
      "JSON from another origin",
      { origin: "https://evil.example", contentType: "application/json" },
      "came from https://evil.example, not from this site",
    ],
    [
      "JSON from a look-alike origin",
      { origin: "https://desk.example.org.evil.example", contentType: "application/json" },
      "came from https://desk.example.org.evil.example, not from this site",
    ],
    ["JSON without an Origin", { contentType: "application/json" }, "had no Origin header"],
    [
      "JSON from origin null",
      { origin: "null", contentType: "application/json" },
      "came from null, not from this site",
    ],
  ])("refuses %s with a 403 that names the problem", (_name, options, problem) => {
    // Guards issue 9.9: the JSON API accepted the desk's session cookie with any content type and origin.
    expect(() => assertSameSiteRequest({ request: request(options), siteOrigins: [site] })).toThrow(
      expect.objectContaining({
        code: "forbidden",
        userMessage: expect.stringContaining(`This request was refused because it ${problem}`),
      }),
    );
  });

  // Guards issue 23: the desk reached at 127.0.0.1 while configured as localhost could not upload a photo,
  // although the browser's Origin equalled the Host it asked.
  it("accepts an Origin equal to the Host the request was sent to, at any address of the server", () => {
    const upload = (host: string, origin: string, extra: Record<string, string> = {}) =>
      new Request("http://localhost:3000/desk/photos/upload", {
        method: "POST",
        headers: { host, origin, "content-type": "application/octet-stream", ...extra },
        body: "x",
      });
    const check = (request: Request, trustProxyHops = 0) => {
      try {
        assertSameSiteRequest({
          request,
          siteOrigins: ["http://localhost:3000"],
          trustProxyHops,
          bodyType: "application/octet-stream",
        });
        return "accepted";
      } catch (error) {
        return (error as { userMessage: string }).userMessage;
      }
    };
    expect(check(upload("127.0.0.1:3000", "http://127.0.0.1:3000"))).toBe("accepted");
    expect(check(upload("desk.internal:3000", "http://desk.internal:3000"))).toBe("accepted");
    // Another port is another origin.
    expect(check(upload("127.0.0.1:3000", "http://127.0.0.1:4000"))).toMatch(
      /came from http:\/\/127.0.0.1:4000/,
    );
    // The scheme counts: a plain-http request is not the https origin of the same host.
    expect(check(upload("127.0.0.1:3000", "https://127.0.0.1:3000"))).toMatch(/not from this site/);
    // Behind a TLS proxy the forwarded scheme and host count, but only when TRUST_PROXY vouches for the proxy.
    const proxied = () =>
      upload("10.0.0.5:3000", "https://desk.example.org", {
        "x-forwarded-proto": "https",
        "x-forwarded-host": "desk.example.org",
      });
    expect(check(proxied(), 1)).toBe("accepted");
    expect(check(proxied(), 0)).toMatch(/came from https:\/\/desk.example.org, not from this site/);
  });

  it("says an upload sent as a form is a form post, not the raw file", () => {
    expect(() =>
      assertSameSiteRequest({
        request: request({ origin: site, contentType: "multipart/form-data; boundary=x" }),
        siteOrigins: [site],
        bodyType: "application/octet-stream",
      }),
    ).toThrow(
      expect.objectContaining({ userMessage: expect.stringContaining("was a form post, not the raw file") }),
    );
  });
});
