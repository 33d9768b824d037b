import { createAuthCookieJar } from "@/lib/auth/auth-cookies";
import { describeSecondStep } from "@/lib/auth/second-factor/start-second-step";
import { errorResponse } from "@/lib/errors/error-response";

export const dynamic = "force-dynamic";

/**
 * The sign-in form's second step asks which answers to offer (authenticator app, passkey, recovery code). No
 * session exists yet: only the HttpOnly challenge cookie the password step set says who is signing in.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const factors = await describeSecondStep({
      jar: createAuthCookieJar({ cookieHeader: request.headers.get("cookie"), secure: false }),
    });
    return Response.json(factors ? { live: true, ...factors } : { live: false }, {
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, { route: "GET /api/sign-in/second-step" });
  }
}
