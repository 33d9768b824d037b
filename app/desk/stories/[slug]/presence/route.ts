import { assertCan } from "@/lib/auth/permissions";
import { requireSessionActor } from "@/lib/auth/session-actor";
import { PresenceHeartbeatInput, recordPresence } from "@/lib/desk/presence";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * The edit screen's heartbeat: records who has the story open on which revision and answers who else does.
 * A route handler rather than a server action, so heartbeats never queue behind (or ahead of) a save.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const actor = await requireSessionActor();
    assertCan({ actor, permission: "desk:read" });
    const { slug } = await params;
    // JSON only: a cross-site form cannot send it without a preflight, so nobody can be made "present" from
    // elsewhere.
    if (!request.headers.get("content-type")?.startsWith("application/json")) {
      throw new AppError({
        code: "bad_request",
        message: "presence heartbeat without JSON",
        userMessage: "Send the heartbeat as JSON.",
      });
    }
    const { seenRevisionNumber } = parseInput({
      schema: PresenceHeartbeatInput,
      input: await request.json().catch(() => null),
    });
    const snapshot = await recordPresence({ slug, actor, seenRevisionNumber });
    return Response.json(snapshot, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { route: "desk presence" });
  }
}
