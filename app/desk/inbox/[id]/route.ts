import { safeCallbackPath } from "@/lib/auth/callback-path";
import { can } from "@/lib/auth/permissions";
import { getSessionActor } from "@/lib/auth/session-actor";
import { isAppError } from "@/lib/errors/app-error";
import { openInboxItem } from "@/lib/inbox/inbox";

export const dynamic = "force-dynamic";

function goTo(path: string): Response {
  // A relative Location keeps the visitor on this site, whatever Host the request carried.
  return new Response(null, {
    status: 303,
    headers: { location: path, "cache-control": "private, no-store" },
  });
}

/**
 * An inbox item's one address, on the desk and in email: checks the item is the visitor's own, marks it read
 * and leads to the comment or review it is about. Signed out, it goes through sign-in and back; an item that
 * is not the visitor's is answered as one that does not exist.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const actor = await getSessionActor();
  if (!actor) {
    const back = safeCallbackPath({ value: new URL(request.url).pathname });
    return goTo(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (!can({ actor, permission: "inbox:own" })) return goTo("/desk/inbox?missing=1");
  try {
    return goTo((await openInboxItem({ actor, id })).path);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return goTo("/desk/inbox?missing=1");
    throw error;
  }
}
