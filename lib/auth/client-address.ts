import { isIP } from "node:net";

import { processParts } from "@/lib/server/process-wiring.mjs";
import { clientAddressHeader } from "@/lib/server/shared-constants.mjs";

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

function normalise(candidate: string | undefined): string | undefined {
  const address = candidate?.trim().replace(/^::ffff:/, "");
  return address && isIP(address) ? address : undefined;
}

/**
 * The address sign-in attempts are counted against.
 *
 * With no trusted proxy (TRUST_PROXY=0) it is the address of the connection itself, which the server in
 * scripts/serve.mjs records in clientAddressHeader (lib/server/shared-constants.mjs); X-Forwarded-For is the client's own text and is ignored.
 * With TRUST_PROXY=N it is the Nth entry of X-Forwarded-For from the right: the address our outermost proxy
 * saw, which the client cannot forge. When the header has fewer entries, the leftmost one is taken (every
 * entry was then written by a trusted proxy). Without serve.mjs in front, the header is not trusted at all.
 */
export function clientAddressFrom(options: {
  headers: Record<string, string | string[] | undefined>;
  trustProxyHops: number;
}): string {
  const socket = processParts.edgeInFront
    ? normalise(single(options.headers[clientAddressHeader]))
    : undefined;
  if (options.trustProxyHops <= 0) return socket ?? "unknown";
  const entries = single(options.headers["x-forwarded-for"])
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return socket ?? "unknown";
  return normalise(entries[Math.max(0, entries.length - options.trustProxyHops)]) ?? "unknown";
}
