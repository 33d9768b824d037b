import { publicContentSecurityPolicyFor } from "@/lib/public/public-content-security-policy";
import type { PublicResponse } from "./public-pages";
import { rememberPublicResponse, type PublicMemoTicket } from "./public-response-memo";

const contentTypes = {
  html: "text/html; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/**
 * A cached public page as an HTTP response. Browsers revalidate every time (`no-cache`), which is cheap here
 * because the server answers from its cache, and means a reload right after a publish shows the new version.
 * With a memo ticket, a 200 is also kept in the process's response memo (app/_public/public-response-memo.ts).
 */
export function publicResponse(
  page: PublicResponse,
  options: { type: keyof typeof contentTypes; maxAgeSeconds?: number; memo?: PublicMemoTicket | null },
): Response {
  const headers = {
    "content-type": contentTypes[options.type],
    "cache-control": options.maxAgeSeconds ? `public, max-age=${options.maxAgeSeconds}` : "no-cache",
    "x-content-type-options": "nosniff",
    "content-security-policy": publicContentSecurityPolicyFor({ imageOrigins: page.imageOrigins ?? [] }),
  };
  rememberPublicResponse({ ticket: options.memo ?? null, status: page.status, headers, body: page.body });
  return new Response(page.body, { status: page.status, headers });
}
