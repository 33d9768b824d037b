import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "../env";
import { logger } from "../log/logger";
import { clientAddressFrom } from "./client-address";
import { signInWithPassword } from "./sign-in";
import { signInErrorCode } from "./sign-in-errors";

// A working shift and then some; the role and `active` are re-read on every request regardless.
const sessionMaxAgeSeconds = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        let result;
        try {
          result = await signInWithPassword({ email, password, clientAddress: clientAddressFrom({ headers: request.headers ?? {}, trustProxyHops: getEnv().TRUST_PROXY }) });
        } catch (error) {
          logger.error("sign-in failed unexpectedly", { error });
          throw new Error("unavailable");
        }
        if (!result.ok) throw new Error(signInErrorCode(result));
        // Only the id goes into the session token; everything else is read from the database per request.
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return user ? { sub: user.id } : { sub: token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } };
    },
  },
  logger: {
    error: (code, metadata) => logger.error(`next-auth: ${code}`, { metadata }),
    warn: (code) => logger.warn(`next-auth: ${code}`),
    debug: () => {},
  },
};
