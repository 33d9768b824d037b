/**
 * Which check an ID token failed, from openid-client v5's refusal (RPError; lib/client.js validateJWT and
 * validateIdToken): the person is told in a sentence (sign-in-errors.ts), the audit keeps the exact message.
 */
export type IdTokenFault = "audience" | "issuer" | "expired" | "signature" | "nonce" | "other";

export function idTokenFault(error: unknown): IdTokenFault {
  const message = error instanceof Error ? error.message : String(error);
  if (/\baud\b|azp/.test(message)) return "audience";
  if (/\biss\b/.test(message)) return "issuer";
  if (/expired|iat|nbf|not active yet/.test(message)) return "expired";
  if (/JWT alg|signature|decode JWT|no valid key|JWKS/i.test(message)) return "signature";
  if (/nonce/.test(message)) return "nonce";
  return "other";
}

export function idTokenErrorCode(fault: IdTokenFault): string {
  return `sso-token-${fault}`;
}
