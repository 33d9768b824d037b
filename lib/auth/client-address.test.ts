import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("client address for sign-in limits", () => {
  it("without a trusted proxy uses the address Next's server recorded", () => {
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "::ffff:127.0.0.1" }, trustProxyHops: 0 })).toBe("127.0.0.1");
  });

  it("behind trusted proxies takes the entry the outermost one appended, not what the client sent", () => {
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7" }, trustProxyHops: 1 })).toBe("203.0.113.7");
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7, 10.0.0.2" }, trustProxyHops: 2 })).toBe("203.0.113.7");
  });

  it("falls back to one shared bucket when the header is missing, too short or not an address", () => {
    expect(clientAddressFrom({ headers: {}, trustProxyHops: 0 })).toBe("unknown");
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "203.0.113.7" }, trustProxyHops: 2 })).toBe("unknown");
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "<script>" }, trustProxyHops: 0 })).toBe("unknown");
  });
});
