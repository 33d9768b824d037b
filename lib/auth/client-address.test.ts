import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { processParts } from "@/lib/server/process-wiring.mjs";
import { clientAddressHeader } from "@/lib/server/shared-constants.mjs";

import { clientAddressFrom } from "./client-address";

describe("client address for sign-in limits", () => {
  beforeEach(() => {
    processParts.edgeInFront = true;
  });
  afterEach(() => {
    processParts.edgeInFront = false;
  });

  it("without a trusted proxy uses the connection's address and ignores X-Forwarded-For", () => {
    // Guards issue 9.2: with TRUST_PROXY=0 the last X-Forwarded-For entry, which the client writes, was used.
    const headers = { [clientAddressHeader]: "::ffff:127.0.0.1", "x-forwarded-for": "203.0.113.99" };
    expect(clientAddressFrom({ headers, trustProxyHops: 0 })).toBe("127.0.0.1");
    expect(
      clientAddressFrom({
        headers: { [clientAddressHeader]: "198.51.100.4", "x-forwarded-for": "1.2.3.4, 5.6.7.8" },
        trustProxyHops: 0,
      }),
    ).toBe("198.51.100.4");
  });

  it("behind N trusted proxies takes the Nth entry from the right, not what the client sent", () => {
    const socket = { [clientAddressHeader]: "10.0.0.9" };
    expect(
      clientAddressFrom({
        headers: { ...socket, "x-forwarded-for": "10.9.9.9, 203.0.113.7" },
        trustProxyHops: 1,
      }),
    ).toBe("203.0.113.7");
    expect(
      clientAddressFrom({
        headers: { ...socket, "x-forwarded-for": "10.9.9.9, 203.0.113.7, 10.0.0.2" },
        trustProxyHops: 2,
      }),
    ).toBe("203.0.113.7");
    expect(
      clientAddressFrom({
        headers: { ...socket, "x-forwarded-for": ["10.9.9.9", "203.0.113.7, 10.0.0.2"] },
        trustProxyHops: 2,
      }),
    ).toBe("203.0.113.7");
    expect(
      clientAddressFrom({ headers: { ...socket, "x-forwarded-for": "203.0.113.7" }, trustProxyHops: 2 }),
    ).toBe("203.0.113.7");
    expect(clientAddressFrom({ headers: socket, trustProxyHops: 1 })).toBe("10.0.0.9");
  });

  it("falls back to one shared bucket when there is no usable address", () => {
    expect(clientAddressFrom({ headers: {}, trustProxyHops: 0 })).toBe("unknown");
    expect(clientAddressFrom({ headers: { [clientAddressHeader]: "<script>" }, trustProxyHops: 0 })).toBe(
      "unknown",
    );
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "<script>" }, trustProxyHops: 1 })).toBe(
      "unknown",
    );
  });

  it("trusts the address header only when scripts/serve.mjs is in front to overwrite it", () => {
    processParts.edgeInFront = false;
    expect(clientAddressFrom({ headers: { [clientAddressHeader]: "203.0.113.50" }, trustProxyHops: 0 })).toBe(
      "unknown",
    );
  });
});
