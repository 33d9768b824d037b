import "server-only";

import { headers } from "next/headers";

import { clientAddressFrom } from "@/lib/auth/client-address";
import { getEnv } from "@/lib/env";

/** Where a server action came from, for the sign-in security audit: the client's address and browser. */
export async function actionOrigin(): Promise<{ clientAddress: string; userAgent: string }> {
  const incoming = await headers();
  const record = Object.fromEntries(incoming.entries());
  return {
    clientAddress: clientAddressFrom({ headers: record, trustProxyHops: getEnv().TRUST_PROXY }),
    userAgent: incoming.get("user-agent") ?? "",
  };
}
