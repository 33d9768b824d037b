import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
// What an HTML form can send without script (and fetch without a preflight).
const formTypes = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

const advice =
  "A signed-in browser may change things only from a page of this site; scripts should send `Authorization: Bearer <token>` instead.";

function refused(options: { internal: string; problem: string }): AppError {
  return new AppError({
    code: "forbidden",
    message: options.internal,
    userMessage: `This request was refused because it ${options.problem}. ${advice}`,
  });
}

/** Where a proxy that TRUST_PROXY vouches for says the browser asked: the nearest proxy's value. */
function forwarded(request: Request, name: string): string | undefined {
  const entries = request.headers
    .get(name)
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries?.at(-1);
}

/**
 * The origins this request counts as same-site: the address it was sent to (its Host header, with the scheme
 * it arrived by; behind a proxy TRUST_PROXY vouches for, X-Forwarded-Host and -Proto), the server's own idea of
 * its address, and the configured NEXTAUTH_URL and PUBLIC_BASE_URL. A browser sets Host itself, so a page on
 * another site cannot choose it; and a site that merely resolves to this server never gets our cookies.
 */
export function sameSiteOrigins(options: {
  request: Request;
  siteOrigins: readonly string[];
  trustProxyHops: number;
}): Set<string> {
  const { request } = options;
  const url = new URL(request.url);
  const origins = new Set([url.origin, ...options.siteOrigins.map((site) => new URL(site).origin)]);
  const trusted = options.trustProxyHops > 0;
  const proto =
    (trusted ? forwarded(request, "x-forwarded-proto") : undefined) ?? url.protocol.replace(/:$/, "");
  const host = (trusted ? forwarded(request, "x-forwarded-host") : undefined) ?? request.headers.get("host");
  if (host && /^(https?)$/.test(proto)) {
    try {
      origins.add(new URL(`${proto}://${host}`).origin);
    } catch {
      // A Host header that is no host names no origin.
    }
  }
  return origins;
}

/** NEXTAUTH_URL, PUBLIC_BASE_URL and TRUST_PROXY, as assertSameSiteRequest takes them. */
export function configuredSameSite(): { siteOrigins: string[]; trustProxyHops: number } {
  const env = getEnv();
  return {
    siteOrigins: [env.NEXTAUTH_URL, env.PUBLIC_BASE_URL].filter((site): site is string => Boolean(site)),
    trustProxyHops: env.TRUST_PROXY,
  };
}

/**
 * Cross-site request forgery guard for requests authenticated by the session cookie, which a browser also
 * sends when another site submits a form or fires a fetch at us. A request that changes anything must carry
 * a body type no form can send (JSON, or the raw bytes of an upload: a cross-site fetch of either needs a
 * preflight we never grant) and an Origin of this site (sameSiteOrigins). Bearer-token requests never reach
 * this check. The refusal names the actual problem.
 */
export function assertSameSiteRequest(options: {
  request: Request;
  siteOrigins: readonly string[];
  trustProxyHops?: number;
  bodyType?: "application/json" | "application/octet-stream";
}): void {
  const { request } = options;
  const method = request.method.toUpperCase();
  if (safeMethods.has(method)) return;
  const expected = options.bodyType ?? "application/json";
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== expected) {
    const what = expected === "application/json" ? "JSON" : "the raw file (application/octet-stream)";
    throw refused({
      internal: `cookie-authenticated ${method} with content type ${contentType ?? "none"}`,
      problem:
        contentType && formTypes.has(contentType)
          ? `was a form post, not ${what}`
          : `was sent as ${contentType ? contentType.slice(0, 80) : "no content type"}, not ${what}`,
    });
  }
  const origin = request.headers.get("origin");
  if (!origin)
    throw refused({
      internal: `cookie-authenticated ${method} without an Origin header`,
      problem: "had no Origin header, so it could have come from another site",
    });
  const allowed = sameSiteOrigins({
    request,
    siteOrigins: options.siteOrigins,
    trustProxyHops: options.trustProxyHops ?? 0,
  });
  if (!allowed.has(origin))
    throw refused({
      internal: `cookie-authenticated ${method} from origin ${origin}`,
      problem: `came from ${origin.slice(0, 100)}, not from this site`,
    });
}
