import "server-only";

import { clientAddressFrom } from "@/lib/auth/client-address";
import { getEnv } from "@/lib/env";

/** The client address (per TRUST_PROXY) and user agent of a request, for sessions and the audit. */
export function requestFacts(request: Request | undefined): { clientAddress: string; userAgent: string } {
  const headers = request ? Object.fromEntries(request.headers.entries()) : {};
  return {
    clientAddress: clientAddressFrom({ headers, trustProxyHops: getEnv().TRUST_PROXY }),
    userAgent: headers["user-agent"] ?? "",
  };
}
