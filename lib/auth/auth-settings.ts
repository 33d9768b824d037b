import { z } from "zod";

const TrustProxyInput = z
  .union([z.literal("true").transform(() => 1), z.literal("false").transform(() => 0), z.coerce.number().int().min(0).max(10)])
  .default(0);

export type AuthSettings = {
  /** How many reverse proxies in front of Copydesk append to X-Forwarded-For (0: none is trusted). */
  trustProxyHops: number;
};

/** Auth's reading of the environment, kept in one place so it can move to lib/env.ts unchanged. */
export function readAuthSettings(): AuthSettings {
  const parsed = TrustProxyInput.safeParse(process.env.TRUST_PROXY || undefined);
  if (!parsed.success) throw new Error("Invalid configuration: TRUST_PROXY must be true, false or a number of proxy hops (0-10)");
  return { trustProxyHops: parsed.data };
}
