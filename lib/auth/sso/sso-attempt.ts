import "server-only";

/**
 * One single-sign-on callback's outcome that next-auth cannot carry: when openid-client refuses the ID token,
 * next-auth only ever says "OAuthCallback". The provider notes the precise refusal here, and the auth route
 * sends the browser straight to the sign-in page with that code instead.
 */
export type SsoAttempt = {
  refusalCode?: string;
  /** next-auth's response, redirected to the sign-in page with the refusal when one was noted. */
  redirectRefusal(response: Response): Response;
};

export function createSsoAttempt(): SsoAttempt {
  const attempt: SsoAttempt = {
    redirectRefusal(response) {
      const location = response.headers.get("location");
      if (!attempt.refusalCode || !location || !location.includes("error=OAuthCallback")) return response;
      const headers = new Headers(response.headers);
      headers.set("location", `/signin?error=${encodeURIComponent(attempt.refusalCode)}`);
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    },
  };
  return attempt;
}
