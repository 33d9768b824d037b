/** What the sign-in page knows about single sign-on, for its sentences (no secrets). */
export type SsoPageFacts = { name: string; allowedDomains: string[] };

function domainsInWords(domains: string[]): string {
  if (domains.length <= 1) return domains[0] ?? "the newsroom’s domain";
  return `${domains.slice(0, -1).join(", ")} or ${domains.at(-1)}`;
}

// next-auth's own codes for an OAuth sign-in that went wrong before Copydesk could decide (the provider
// unreachable, the person cancelling there, a lost state cookie); details are in the server log.
const nextAuthOAuthCodes = ["OAuthSignin", "OAuthCallback", "Callback", "AccessDenied"];

/** Refusals of a single sign-on (shown beside its button rather than in the password form). */
export function isSsoErrorCode(code: string): boolean {
  return code.startsWith("sso-") || nextAuthOAuthCodes.includes(code);
}

/**
 * The sentences for single-sign-on refusals (codes from sso-refusals.ts and id-token-refusal.ts) and for
 * password sign-in turned off; null for any other code. Read by lib/auth/sign-in-errors.ts.
 */
export function ssoErrorMessage(options: { code: string; sso?: SsoPageFacts }): string | null {
  const name = options.sso?.name ?? "your identity provider";
  const account = options.sso ? `Your ${name} account` : "Your account at your identity provider";
  switch (options.code) {
    case "passkey-sso-only":
      return options.sso
        ? `Passkey sign-in is turned off for your account. Use “Sign in with ${name}” instead.`
        : "Passkey sign-in is turned off for your account. Use single sign-on instead.";
    case "password-sso-only":
      return options.sso
        ? `Password sign-in is turned off for your account. Use “Sign in with ${name}” instead.`
        : "Password sign-in is turned off for your account. Use single sign-on instead.";
    case "sso-email-missing":
      return `${account} has no email address Copydesk can use. Ask your IT team to add one.`;
    case "sso-email-unverified":
      return `${account} has no verified email address, so Copydesk cannot tell who you are. Ask your IT team to verify it.`;
    case "sso-domain-not-allowed":
      return `Sign-in is open to addresses at ${domainsInWords(options.sso?.allowedDomains ?? [])} only.`;
    case "sso-deactivated":
      return "Your Copydesk account is deactivated. Ask a newsroom admin if you need access again.";
    case "sso-not-invited":
      return "Ask a newsroom admin to invite you first: Copydesk lets in only people the newsroom has added.";
    case "sso-no-role":
      return `${account} is not in any group that has access to Copydesk. Ask your IT team to add you to one.`;
    case "sso-identity-conflict":
      return `Your email address belongs to a Copydesk account that is linked to someone else at ${name}. Ask a newsroom admin.`;
    case "sso-token-invalid":
    case "sso-token-other":
    case "sso-token-nonce":
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
    case "AccessDenied":
      return `Signing in with ${name} did not complete. Please try again.`;
    case "sso-token-audience":
      return `${name}’s answer was meant for another application, so Copydesk refused it. Ask your IT team to check Copydesk’s client ID.`;
    case "sso-token-issuer":
      return `The answer did not come from the ${name} Copydesk is set up for, so Copydesk refused it.`;
    case "sso-token-expired":
      return `${name}’s answer had expired when it reached Copydesk. Please try again; if it keeps happening, check this computer’s clock.`;
    case "sso-token-signature":
      return `${name}’s answer was not signed as Copydesk expects, so Copydesk refused it.`;
    default:
      return null;
  }
}
