import { isIP } from "node:net";

/**
 * The address sign-in attempts are counted against.
 *
 * Next's server fills X-Forwarded-For with the socket address only when the request has none, so with
 * no trusted proxy a client can put any value there; the per-account limit (which ignores addresses)
 * is the backstop for that. With TRUST_PROXY=N, the Nth entry from the right is the one our own
 * outermost proxy saw, which the client cannot forge.
 */
export function clientAddressFrom(options: { headers: Record<string, string | string[] | undefined>; trustProxyHops: number }): string {
  const raw = options.headers["x-forwarded-for"];
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((entry) => entry.trim()).filter(Boolean);
  const candidate = entries[entries.length - Math.max(options.trustProxyHops, 1)];
  if (!candidate) return "unknown";
  const address = candidate.replace(/^::ffff:/, "");
  return isIP(address) ? address : "unknown";
}
