"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { getSessionActor } from "@/lib/auth/session-actor";
import { endSession } from "@/lib/auth/sessions";

// next-auth's JWT session lives only in this cookie (split into .0, .1… when large; __Secure- on https).
const sessionCookie = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** Signs out on the server, so the button works before (or without) JavaScript. */
export async function signOutAction(): Promise<void> {
  // The session ends on the server first, so a copied cookie stops working too.
  const sessionId = (await getSessionActor())?.sessionId;
  if (sessionId) await endSession({ sessionId });
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (!sessionCookie.test(cookie.name)) continue;
    // Browsers only accept overwriting a __Secure- cookie from a Set-Cookie that is itself Secure.
    jar.set(cookie.name, "", {
      path: "/",
      maxAge: 0,
      httpOnly: true,
      sameSite: "lax",
      secure: cookie.name.startsWith("__Secure-"),
    });
  }
  redirect("/signin?signedOut=1");
}
