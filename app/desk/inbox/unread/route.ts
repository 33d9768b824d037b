import { deskRoute } from "@/app/_support/api-route";
import { countUnread } from "@/lib/inbox/inbox";

export const dynamic = "force-dynamic";

/**
 * The count beside Inbox in the desk's navigation, read again on client navigation and when the tab comes
 * back (inbox-nav-count.tsx): one indexed count of the signed-in person's own unread items. `userId` says whose,
 * so a tab still showing someone else's desk (a sign-in elsewhere) shows no count rather than theirs.
 */
export const GET = deskRoute({
  name: "GET /desk/inbox/unread",
  permission: "inbox:own",
  run: async ({ actor }) =>
    Response.json(
      { userId: actor.userId, unread: await countUnread({ actor }) },
      { headers: { "Cache-Control": "private, no-store" } },
    ),
});
