import { z } from "zod";

/**
 * The ID token's claims Copydesk reads, after openid-client has verified the token's signature, issuer,
 * audience, expiry and nonce. Anything else in the token is ignored; a claim of the wrong shape counts as absent.
 */
export const SsoClaimsInput = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional().catch(undefined),
  // Only the boolean true counts: a string "true" or a missing claim is not a verified address.
  email_verified: z.unknown().optional(),
  name: z.string().trim().max(200).optional().catch(undefined),
  given_name: z.string().trim().max(100).optional().catch(undefined),
  family_name: z.string().trim().max(100).optional().catch(undefined),
});

export type SsoClaims = z.infer<typeof SsoClaimsInput>;

/** The groups claim as a list: IdPs send an array of names (or ids), some a single string. */
export function groupsFrom(claims: Record<string, unknown>, claimName: string): string[] {
  const value = claims[claimName];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === "string");
  return [];
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** The name a new person is credited under: the IdP's name, else given and family names, else the address. */
export function displayNameFrom(claims: SsoClaims, email: string): string {
  const joined = [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return (claims.name || joined || email.slice(0, email.lastIndexOf("@"))).slice(0, 100);
}
