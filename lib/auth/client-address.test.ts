import { afterEach, describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

const original = process.env.TRUST_PROXY;
afterEach(() => {
  if (original === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = original;
});

describe("client address for sign-in limits", () => {
  it("without a trusted proxy uses the address Next's server recorded", () => {
    delete process.env.TRUST_PROXY;
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "::ffff:127.0.0.1" } })).toBe("127.0.0.1");
  });

  it("behind one trusted proxy takes the entry that proxy appended, not what the client sent", () => {
    process.env.TRUST_PROXY = "true";
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7" } })).toBe("203.0.113.7");
    process.env.TRUST_PROXY = "2";
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7, 10.0.0.2" } })).toBe("203.0.113.7");
  });

  it("falls back to one shared bucket when the header is missing or not an address", () => {
    delete process.env.TRUST_PROXY;
    expect(clientAddressFrom({ headers: {} })).toBe("unknown");
    expect(clientAddressFrom({ headers: { "x-forwarded-for": "<script>" } })).toBe("unknown");
  });

  it("refuses a malformed TRUST_PROXY with a message naming it", () => {
    process.env.TRUST_PROXY = "sometimes";
    expect(() => clientAddressFrom({ headers: { "x-forwarded-for": "203.0.113.7" } })).toThrow(/TRUST_PROXY/);
  });
});
