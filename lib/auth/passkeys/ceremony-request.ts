import "server-only";

import { clientAddressFrom } from "@/lib/auth/client-address";
import { getEnv } from "@/lib/env";

/** What a passkey ceremony needs to know of the request carrying it: where it came from, and from whom. */
export function ceremonyRequest(headers: Headers): {
  requestOrigin: string | null;
  clientAddress: string;
  userAgent: string;
} {
  return {
    requestOrigin: headers.get("origin"),
    clientAddress: clientAddressFrom({
      headers: Object.fromEntries(headers.entries()),
      trustProxyHops: getEnv().TRUST_PROXY,
    }),
    userAgent: headers.get("user-agent") ?? "",
  };
}
