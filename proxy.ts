import { NextResponse, type NextRequest } from "next/server";

/*
 * Content-Security-Policy for the app's React pages (desk, sign-in, Next's own error pages) — and nothing
 * else: this proxy never decides who may see what (authorization lives in lib/auth and is checked in every
 * page, action and route handler).
 *
 * Those pages carry Next's inline framework scripts, so each response gets a fresh nonce, which Next reads
 * from the request's CSP header and puts on its own scripts (the root layout renders per request for this).
 *
 * The public reader routes (/, /stories/{slug}, …/history, …/version, …/feed.xml, /feed.xml, /corrections)
 * are left out of the matcher: they are served whole from the cache at a thousand-plus requests a second, and
 * send their own strict, nonce-free policy (lib/public/public-content-security-policy.ts) with every
 * response, so running the proxy for them would only add cost. Static files and the JSON API carry no
 * documents to protect.
 */

function appPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React `style`, toast libraries) cannot carry nonces; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Photos are served from this origin (/media/…); no other host, so no contributor can plant a tracking
    // pixel in an editor's browser. blob: shows a file being uploaded before it is stored.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = appPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // Lets a page that sends a signed-out visitor to sign in name the page to come back to (checked by
  // safeCallbackPath).
  requestHeaders.set("x-copydesk-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source:
        "/((?!api/|_next/static|_next/image|favicon\\.ico$|reader\\.js$|styles/|images/|media/|feed\\.xml$|corrections(?:/feed\\.xml)?$|stories/[^/]+(?:/history|/version|/feed\\.xml)?$|$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
