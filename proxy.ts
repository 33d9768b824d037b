import { NextResponse, type NextRequest } from "next/server";

/*
 * Content-Security-Policy for the whole app — and nothing else: this proxy never decides who may see what
 * (authorization lives in lib/auth and is checked in every page, action and route handler).
 *
 * Public reader pages (/, /stories/…, /feed.xml) are complete HTML strings with no inline script or style
 * (one external /reader.js, one stylesheet), so they get a strict policy without nonces and stay cacheable.
 * JSON-LD is an application/ld+json data block, which CSP does not treat as script.
 * App pages (desk, sign-in) are React pages whose framework scripts are inline: they get a fresh nonce per
 * request, which Next reads from the request's CSP header and puts on its own scripts.
 */

const publicPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

function appPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React `style`, toast libraries) cannot carry nonces; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function isPublicPath(pathname: string): boolean {
  return pathname === "/" || pathname === "/feed.xml" || pathname.startsWith("/stories/");
}

export function proxy(request: NextRequest): NextResponse {
  if (isPublicPath(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", publicPolicy);
    return response;
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = appPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files and the JSON API carry no documents to protect.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|reader\\.js|styles/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
