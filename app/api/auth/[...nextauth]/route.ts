import NextAuth from "next-auth";

import { createAuthCookieJar } from "@/lib/auth/auth-cookies";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { getEnv } from "@/lib/env";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth with this request's cookie jar: sign-in steps set their own cookies beside the session's. */
async function handle(request: Request, context: RouteContext): Promise<Response> {
  const jar = createAuthCookieJar({
    cookieHeader: request.headers.get("cookie"),
    secure: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  const handler = NextAuth(buildAuthOptions({ jar }));
  const response: Response = await handler(request, context);
  return jar.applyTo(response);
}

export { handle as GET, handle as POST };
