import { json, otherMethods } from "@/app/_support/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createAuthCookieJar } from "@/lib/auth/auth-cookies";
import { assertSameSiteRequest } from "@/lib/auth/cross-site";
import { ceremonyRequest } from "@/lib/auth/passkeys/ceremony-request";
import { passkeySignInOptions } from "@/lib/auth/passkeys/passkey-sign-in-options";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/errors/error-response";

export const dynamic = "force-dynamic";

/**
 * The sign-in page's passkey prompt starts here, before anyone is signed in: the second step after a password
 * (the sign-in cookie names it), or a passkey sign-in (a new step, its cookie set). JSON from this site only,
 * like every browser write.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const siteUrl = getEnv().NEXTAUTH_URL;
    assertSameSiteRequest({ request, siteOrigins: siteUrl ? [siteUrl] : [] });
    const jar = createAuthCookieJar({
      cookieHeader: request.headers.get("cookie"),
      secure: siteUrl?.startsWith("https://") ?? false,
    });
    const { requestOrigin, clientAddress } = ceremonyRequest(request.headers);
    const answer = await passkeySignInOptions({
      jar,
      input: (await readJsonBody({ request, limitBytes: 1024 })) as object,
      requestOrigin,
      clientAddress,
    });
    return jar.applyTo(json(answer));
  } catch (error) {
    return errorResponse(error, { route: "POST /api/sign-in/passkey-options" });
  }
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["POST"] });
