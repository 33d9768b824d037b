import { publicContentSecurityPolicy } from "@/lib/public/public-content-security-policy";
import type { PublicResponse } from "./public-pages";

const contentTypes = {
  html: "text/html; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/**
 * A cached public page as an HTTP response. Browsers revalidate every time (`no-cache`), which is cheap here
 * because the server answers from its cache, and means a reload right after a publish shows the new version.
 */
export function publicResponse(page: PublicResponse, options: { type: keyof typeof contentTypes; maxAgeSeconds?: number }): Response {
  return new Response(page.body, {
    status: page.status,
    headers: {
      "content-type": contentTypes[options.type],
      "cache-control": options.maxAgeSeconds ? `public, max-age=${options.maxAgeSeconds}` : "no-cache",
      "x-content-type-options": "nosniff",
      "content-security-policy": publicContentSecurityPolicy,
    },
  });
}
