import NextAuth from "next-auth";

import { createAuthCookieJar } from "@/lib/auth/auth-cookies";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { createSsoAttempt } from "@/lib/auth/sso/sso-attempt";
import { getEnv } from "@/lib/env";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth with this request's cookie jar: sign-in steps set their own cookies beside the session's. */
async function handle(request: Request, context: RouteContext): Promise<Response> {
  const jar = createAuthCookieJar({
    cookieHeader: request.headers.get("cookie"),
    secure: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  const sso = createSsoAttempt();
  const handler = NextAuth(buildAuthOptions({ jar, request, sso }));
  const response: Response = await handler(request, context);
  return jar.applyTo(sso.redirectRefusal(response));
}

export { handle as GET, handle as POST };
