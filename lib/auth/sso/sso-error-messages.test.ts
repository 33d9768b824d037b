import { describe, expect, it } from "vitest";

import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

import { idTokenErrorCode, type IdTokenFault } from "./id-token-refusal";
import { ssoErrorCode, type SsoRefusalReason } from "./sso-refusals";

const okta = { name: "Okta", allowedDomains: ["example.org", "news.example.org", "example.net"] };
const passwordMismatch = signInErrorMessage({ code: "invalid" });

describe("single sign-on refusal sentences", () => {
  it("gives every refusal reason and ID-token fault its own sentence, never the password one", () => {
    const reasons: SsoRefusalReason[] = [
      "email_missing",
      "email_unverified",
      "domain_not_allowed",
      "deactivated",
      "not_invited",
      "no_role",
      "identity_conflict",
      "token_invalid",
    ];
    const faults: IdTokenFault[] = ["audience", "issuer", "expired", "signature", "nonce", "other"];
    const codes = [
      ...reasons.map(ssoErrorCode),
      ...faults.map(idTokenErrorCode),
      "password-sso-only",
      "passkey-sso-only",
    ];
    for (const code of codes) {
      const sentence = signInErrorMessage({ code, sso: okta });
      expect(sentence, code).toBeTruthy();
      expect(sentence, code).not.toBe(passwordMismatch);
    }
  });

  it("names the provider and the allowed domains", () => {
    expect(signInErrorMessage({ code: "sso-domain-not-allowed", sso: okta })).toBe(
      "Sign-in is open to addresses at example.org, news.example.org or example.net only.",
    );
    expect(signInErrorMessage({ code: "sso-email-unverified", sso: okta })).toMatch(
      /^Your Okta account has no verified/,
    );
    expect(signInErrorMessage({ code: "password-sso-only", sso: okta })).toBe(
      "Password sign-in is turned off for your account. Use “Sign in with Okta” instead.",
    );
  });
});
