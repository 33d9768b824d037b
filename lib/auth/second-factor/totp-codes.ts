import "server-only";

import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 as authenticator apps expect it: HMAC-SHA-1, 6 digits, a new code every 30 seconds. */
export const totpSettings = { algorithm: "sha1", digits: 6, period: 30 } as const;

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Checks a code against a secret at a moment, accepting the step before and after (a phone's clock drifts, and
 * typing takes a few seconds). Whether the step was already used is the caller's business (totp-factor.ts).
 * `digits` and a raw byte secret are only for the RFC's own test vectors.
 */
export async function checkTotpCode(options: {
  secret: string | Uint8Array;
  code: string;
  nowSeconds?: number;
  digits?: 6 | 8;
}): Promise<TotpCheck> {
  const result = await verify({
    strategy: "totp",
    secret: options.secret,
    token: options.code,
    algorithm: totpSettings.algorithm,
    digits: options.digits ?? totpSettings.digits,
    period: totpSettings.period,
    epoch: options.nowSeconds ?? Math.floor(Date.now() / 1000),
    epochTolerance: totpSettings.period,
  });
  // otplib's result type covers HOTP too; a TOTP match always carries its time step.
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}

/** A new base32 secret of 20 random bytes (160 bits, RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address an authenticator app scans from the QR code. */
export function totpAddress(options: { secret: string; email: string; issuer: string }): string {
  return generateURI({
    issuer: options.issuer,
    label: options.email,
    secret: options.secret,
    algorithm: totpSettings.algorithm,
    digits: totpSettings.digits,
    period: totpSettings.period,
  });
}
