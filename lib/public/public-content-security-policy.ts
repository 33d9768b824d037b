/**
 * The Content-Security-Policy of the public reader pages (/, /stories/…, /feed.xml). They are complete HTML
 * strings with no inline script or style (one external /reader.js, one stylesheet), so the policy needs no
 * nonces and a cached page stays valid for every reader. JSON-LD is an application/ld+json data block, which
 * CSP does not treat as script. Sent by the public route handlers themselves (see proxy.ts for why).
 *
 * Images come from this origin only (photos are served at /media/…), so no third party sees readers.
 * Stories written before the photo library may name images on other sites; their pages alone allow just
 * those origins (publicContentSecurityPolicyFor), so old stories keep their pictures.
 */
export function publicContentSecurityPolicyFor(options: { imageOrigins?: readonly string[] }): string {
  const extra = (options.imageOrigins ?? []).filter((origin) => /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(origin));
  return policy(["'self'", ...extra].join(" "));
}

const policy = (imageSources: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${imageSources}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
