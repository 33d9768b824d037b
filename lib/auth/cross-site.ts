import { AppError } from "@/lib/errors/app-error";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function forbiddenCrossSite(message: string): AppError {
  return new AppError({
    code: "forbidden",
    message,
    userMessage:
      "This request was refused because it could have come from another site. A signed-in browser may change things through the API only with a JSON body sent from this site; scripts should send `Authorization: Bearer <token>` instead.",
  });
}

/**
 * Cross-site request forgery guard for requests authenticated by the session cookie, which a browser also
 * sends when another site submits a form or fires a fetch at us. A request that changes anything must be
 * JSON (a cross-site form cannot send that type, and a cross-site fetch of it needs a preflight we never
 * grant) and carry an Origin of this site. Bearer-token requests never reach this check.
 */
export function assertSameSiteRequest(options: {
  request: Request;
  siteOrigins: readonly string[];
  bodyType?: "application/json" | "application/octet-stream";
}): void {
  const { request } = options;
  if (safeMethods.has(request.method.toUpperCase())) return;
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  // Neither type is one a cross-site form can send, and a cross-site fetch of either needs a preflight.
  if (contentType !== (options.bodyType ?? "application/json"))
    throw forbiddenCrossSite(
      `cookie-authenticated ${request.method} with content type ${contentType ?? "none"}`,
    );
  const origin = request.headers.get("origin");
  const allowed = new Set([
    new URL(request.url).origin,
    ...options.siteOrigins.map((site) => new URL(site).origin),
  ]);
  if (!origin || !allowed.has(origin))
    throw forbiddenCrossSite(`cookie-authenticated ${request.method} from origin ${origin ?? "none"}`);
}
