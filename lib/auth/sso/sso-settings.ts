import "server-only";

import type { Role } from "@/lib/db/generated/enums";
import { getEnv, type Env } from "@/lib/env";

/** Single sign-on as configured (lib/env.ts validates it); null when OIDC_ISSUER is not set. */
export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The identity provider's name as people know it ("Okta"), on the button and in refusals. */
  displayName: string;
  allowedDomains: string[];
  provisioning: "auto" | "invited";
  scopes: string;
  groupsClaim: string;
  /** Unset: roles stay as an admin set them. Set: the role follows the IdP's groups at every sign-in. */
  roleMap: { group: string; role: Role }[] | null;
};

export function ssoSettings(env: Env = getEnv()): SsoSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    // The issuer identifier is compared exactly with the ID token's `iss`; a trailing slash is not ours to add.
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    displayName: env.OIDC_DISPLAY_NAME,
    allowedDomains: env.OIDC_ALLOWED_DOMAINS,
    provisioning: env.OIDC_PROVISIONING,
    scopes: env.OIDC_SCOPES,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    roleMap: env.OIDC_ROLE_MAP && env.OIDC_ROLE_MAP.length > 0 ? env.OIDC_ROLE_MAP : null,
  };
}

/** How password sign-in is offered: to everyone, or only to the break-glass admins (single sign-on for the rest). */
export function passwordSignInPolicy(
  env: Env = getEnv(),
): { mode: "on" } | { mode: "break_glass"; emails: string[] } {
  return env.PASSWORD_SIGN_IN === "break_glass"
    ? { mode: "break_glass", emails: env.BREAK_GLASS_EMAILS }
    : { mode: "on" };
}
