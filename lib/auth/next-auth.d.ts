// The session carries only ids; role and status are read from the database per request, and the
// server-side session row (lib/auth/sessions.ts) decides whether the session is still open.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string };
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
