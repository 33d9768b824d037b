import "server-only";

import { parse, serialize } from "cookie";

/**
 * The cookies a sign-in step reads and writes beside next-auth's own session cookie: the sign-in challenge
 * between the password and the second factor, and the remembered-device cookie. One jar is made per request by
 * the auth route (app/api/auth/[...nextauth]/route.ts) and handed to the providers, so they never reach for a
 * request-global; the route copies what was set onto next-auth's response.
 */
export type AuthCookieJar = {
  read(name: string): string | undefined;
  set(name: string, value: string, options: { maxAgeSeconds: number }): void;
  clear(name: string): void;
  /** A copy of the response with the jar's Set-Cookie headers added. */
  applyTo(response: Response): Response;
};

/** Cookies are Secure (and may carry the __Host- prefix) when the desk is served over https. */
export function authCookieName(options: { base: string; secure: boolean }): string {
  return options.secure ? `__Host-${options.base}` : options.base;
}

export function createAuthCookieJar(options: {
  cookieHeader: string | null;
  secure: boolean;
}): AuthCookieJar {
  const incoming = parse(options.cookieHeader ?? "");
  const outgoing: string[] = [];
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: options.secure };
  return {
    read: (name) => incoming[name],
    set(name, value, { maxAgeSeconds }) {
      outgoing.push(serialize(name, value, { ...base, maxAge: maxAgeSeconds }));
    },
    clear(name) {
      outgoing.push(serialize(name, "", { ...base, maxAge: 0 }));
    },
    applyTo(response) {
      if (outgoing.length === 0) return response;
      const headers = new Headers(response.headers);
      for (const cookie of outgoing) headers.append("set-cookie", cookie);
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    },
  };
}
