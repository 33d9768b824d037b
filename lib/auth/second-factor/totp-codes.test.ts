import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { checkTotpCode, newTotpSecret, totpSettings } from "./totp-codes";

// RFC 6238, Appendix B: the SHA-1 rows (8-digit codes, the 20-byte ASCII seed "12345678901234567890").
const rfcSecret = new TextEncoder().encode("12345678901234567890");
const rfcVectors: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP codes (RFC 6238)", () => {
  it("verifies with HMAC-SHA-1, 30-second steps, as the RFC's SHA-1 vectors are computed", () => {
    expect(totpSettings).toEqual({ algorithm: "sha1", digits: 6, period: 30 });
  });

  it.each(rfcVectors)("accepts the RFC's code at T=%i through the sign-in check", async (time, code) => {
    expect(await checkTotpCode({ secret: rfcSecret, code, nowSeconds: time, digits: 8 })).toEqual({
      valid: true,
      timeStep: Math.floor(time / 30),
    });
  });

  it.each(rfcVectors)("generates the RFC's code at T=%i", async (time, code) => {
    expect(await generate({ secret: rfcSecret, algorithm: "sha1", digits: 8, period: 30, epoch: time })).toBe(
      code,
    );
  });

  it("accepts one step of clock drift either way, and refuses a code two steps late", async () => {
    const [time, code] = rfcVectors[3]!;
    for (const drift of [-30, 30])
      expect(
        (await checkTotpCode({ secret: rfcSecret, code, nowSeconds: time + drift, digits: 8 })).valid,
      ).toBe(true);
    expect((await checkTotpCode({ secret: rfcSecret, code, nowSeconds: time + 61, digits: 8 })).valid).toBe(
      false,
    );
  });

  it("refuses a wrong code", async () => {
    expect(
      (await checkTotpCode({ secret: rfcSecret, code: "12345678", nowSeconds: 59, digits: 8 })).valid,
    ).toBe(false);
  });

  it("makes 160-bit base32 secrets", () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});
