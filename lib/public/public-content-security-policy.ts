/**
 * The Content-Security-Policy of the public reader pages (/, /stories/…, /feed.xml). They are complete HTML
 * strings with no inline script or style (one external /reader.js, one stylesheet), so the policy needs no
 * nonces and a cached page stays valid for every reader. JSON-LD is an application/ld+json data block, which
 * CSP does not treat as script. Sent by the public route handlers themselves (see proxy.ts for why).
 */
export const publicContentSecurityPolicy = [
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
