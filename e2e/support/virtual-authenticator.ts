import type { CDPSession, Page } from "@playwright/test";

/**
 * Chromium's virtual authenticator (DevTools protocol WebAuthn domain) on one page: a platform passkey
 * provider with a PIN or biometric that always succeeds, so the browser's real WebAuthn code runs end to end.
 */
export async function addVirtualAuthenticator(page: Page): Promise<{
  cdp: CDPSession;
  authenticatorId: string;
  credentials: () => Promise<{ credentialId: string; isResidentCredential: boolean; signCount: number }[]>;
}> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}
