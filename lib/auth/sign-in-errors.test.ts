import { describe, expect, it } from "vitest";

import { signInErrorCode, signInErrorMessage } from "./sign-in-errors";

describe("sign-in error sentences", () => {
  it("round-trips each failure through its URL code to a sentence", () => {
    expect(signInErrorMessage({ code: signInErrorCode({ ok: false, reason: "invalid" }) })).toMatch(
      /do not match/,
    );
    expect(signInErrorMessage({ code: signInErrorCode({ ok: false, reason: "deactivated" }) })).toMatch(
      /deactivated/,
    );
    expect(
      signInErrorMessage({ code: signInErrorCode({ ok: false, reason: "locked", retryAfterMinutes: 1 }) }),
    ).toBe("Too many attempts. Try again in 1 minute.");
    expect(signInErrorMessage({ code: "locked-12" })).toBe("Too many attempts. Try again in 12 minutes.");
    expect(
      signInErrorMessage({ code: signInErrorCode({ ok: false, reason: "slowed", retryAfterSeconds: 30 }) }),
    ).toBe("Too many attempts. Wait 30 seconds and try again.");
    expect(signInErrorMessage({ code: "wait-1" })).toBe("Too many attempts. Wait 1 second and try again.");
    expect(signInErrorMessage({ code: "wait-900" })).toBe(
      "Too many attempts. Wait 15 minutes and try again.",
    );
    expect(signInErrorMessage({ code: signInErrorCode({ ok: false, reason: "busy" }) })).toMatch(/very busy/);
  });

  it("never echoes text from the URL", () => {
    // Guards against the sign-in page reflecting attacker-chosen text placed in ?error=.
    expect(signInErrorMessage({ code: "Your account is compromised, call 555-0100" })).toMatch(
      /do not match/,
    );
    expect(signInErrorMessage({ code: null })).toBeNull();
  });
});

describe("second-step sentences", () => {
  it("says plainly what is wrong with a code", () => {
    expect(signInErrorMessage({ code: "code_malformed" })).toBe("Enter the 6-digit code from your app.");
    expect(signInErrorMessage({ code: "code_reused" })).toBe(
      "That code has already been used. Wait for the next one.",
    );
    expect(signInErrorMessage({ code: "code_wrong" })).toMatch(/wrong or has expired/);
    expect(signInErrorMessage({ code: "recovery_code_spent" })).toMatch(/already been used/);
    expect(signInErrorMessage({ code: "second_factor_expired" })).toMatch(/took too long/);
  });

  it("does not find Object's own keys in the table", () => {
    // Guards against ?error=constructor reaching a function instead of a sentence.
    expect(signInErrorMessage({ code: "constructor" })).toMatch(/do not match/);
  });
});
