import "server-only";

import { isIP } from "node:net";

import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/** Who a passkey is made for (WebAuthn's relying party): the desk at its configured address. */
export type RelyingParty = { id: string; origin: string; name: string };

/**
 * The desk's own address (NEXTAUTH_URL, else PUBLIC_BASE_URL, else http://localhost:PORT, as `npm start` gives
 * next-auth) decides the relying party: a passkey is bound by the browser to the host name it was made on, so
 * the desk must always name the same one.
 * Null when that address is an IP address: browsers refuse WebAuthn there, so passkeys need a host name.
 */
export function passkeyRelyingParty(env: Env = getEnv()): RelyingParty | null {
  const url = new URL(env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  return { id: host, origin: url.origin, name: "Copydesk" };
}

/**
 * The relying party, for a ceremony a browser at `requestOrigin` is starting. A desk reached at another
 * address (an internal host name, 127.0.0.1) cannot make or use passkeys for its configured one — the browser
 * would refuse — so the person is sent to the address that works instead of meeting a browser error.
 */
export function requirePasskeyRelyingParty(options: { requestOrigin: string | null }): RelyingParty {
  const party = passkeyRelyingParty();
  if (!party)
    throw new AppError({
      code: "unavailable",
      message: "passkeys need a host name in NEXTAUTH_URL, not an IP address",
      userMessage:
        "Passkeys are not available on this desk: its address is an IP address, and browsers allow passkeys only on a named address. Ask your admin to set NEXTAUTH_URL to the desk's host name.",
    });
  if (options.requestOrigin && options.requestOrigin !== party.origin)
    throw new AppError({
      code: "conflict",
      message: `passkey ceremony from ${options.requestOrigin}, configured ${party.origin}`,
      userMessage: `Passkeys work only at the desk's own address, ${party.origin}. Open the desk there to use one.`,
    });
  return party;
}
