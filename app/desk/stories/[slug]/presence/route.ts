import { deskRoute } from "@/app/_support/api-route";
import { StoryPathInput } from "@/lib/api/path-input";
import { PresenceHeartbeatInput, recordPresence } from "@/lib/desk/presence";

/**
 * The edit screen's heartbeat: records who has the story open on which revision and answers who else does.
 * A route handler rather than a server action, so heartbeats never queue behind (or ahead of) a save.
 */
export const POST = deskRoute({
  name: "POST /desk/stories/[slug]/presence",
  permission: "desk:read",
  params: StoryPathInput,
  body: { schema: PresenceHeartbeatInput, called: "heartbeat" },
  run: async ({ actor, params: { slug }, body: { seenRevisionNumber } }) =>
    Response.json(await recordPresence({ slug, actor, seenRevisionNumber }), {
      headers: { "Cache-Control": "no-store" },
    }),
});
