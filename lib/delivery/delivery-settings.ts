import "server-only";

import { getEnv } from "@/lib/env";

/**
 * How long an instance may keep answering from its memo without having heard from the database. Each
 * successful catch-up (every `catchUpIntervalMs`, and at once on every NOTIFY) renews the memo's trust for
 * this long; after it, the memo is bypassed until the listener is back. So a lost notification can leave a
 * page stale for at most `stalenessBoundMs` (README, "Several instances").
 */
export const catchUpIntervalMs = 1_000;
export const stalenessBoundMs = 2_000;

export type DeliverySettings = {
  /** The one origin for canonical URLs, feed links and memo keys; the Host header never chooses it. */
  origin: string;
  memoMaxBytes: number;
  cacheControl: string;
  purge: {
    varnishUrls: string[];
    fastly: { serviceId: string; apiToken: string } | null;
    cloudflare: { zoneId: string; apiToken: string } | null;
  };
};

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** PUBLIC_BASE_URL, else NEXTAUTH_URL, else http://localhost:PORT — never the request's Host. */
export function canonicalOrigin(): string {
  const env = getEnv();
  if (env.PUBLIC_BASE_URL)
    return trimSlash(new URL(env.PUBLIC_BASE_URL).origin + new URL(env.PUBLIC_BASE_URL).pathname);
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  return `http://localhost:${env.PORT}`;
}

let cached: DeliverySettings | undefined;

/**
 * Read once per process, like the configuration it comes from (the memo's fast path reads it per request).
 */
export function deliverySettings(): DeliverySettings {
  const env = getEnv();
  return (cached ??= {
    origin: canonicalOrigin(),
    memoMaxBytes: env.PUBLIC_MEMO_MAX_BYTES,
    // Shared caches hold a page for s-maxage (a purge ends it sooner), may serve it while refetching, and
    // keep serving it through an origin outage; browsers revalidate every time, which the ETag makes a 304.
    cacheControl: [
      "public",
      `max-age=${env.PUBLIC_CACHE_MAX_AGE}`,
      `s-maxage=${env.PUBLIC_CACHE_S_MAXAGE}`,
      `stale-while-revalidate=${env.PUBLIC_CACHE_STALE_WHILE_REVALIDATE}`,
      `stale-if-error=${env.PUBLIC_CACHE_STALE_IF_ERROR}`,
    ].join(", "),
    purge: {
      varnishUrls: env.PURGE_VARNISH_URLS,
      fastly:
        env.PURGE_FASTLY_SERVICE_ID && env.PURGE_FASTLY_API_TOKEN
          ? { serviceId: env.PURGE_FASTLY_SERVICE_ID, apiToken: env.PURGE_FASTLY_API_TOKEN }
          : null,
      cloudflare:
        env.PURGE_CLOUDFLARE_ZONE_ID && env.PURGE_CLOUDFLARE_API_TOKEN
          ? { zoneId: env.PURGE_CLOUDFLARE_ZONE_ID, apiToken: env.PURGE_CLOUDFLARE_API_TOKEN }
          : null,
    },
  });
}
