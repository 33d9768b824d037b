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
