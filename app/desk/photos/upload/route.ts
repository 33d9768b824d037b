import { assertSameSiteRequest } from "@/lib/auth/cross-site";
import { getSessionActor, unauthenticatedError } from "@/lib/auth/session-actor";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/errors/error-response";
import { ingestPhoto } from "@/lib/media/ingest-photo";
import { readPhotoRequest } from "@/lib/media/read-photo-request";

export const dynamic = "force-dynamic";

/**
 * The desk editor's upload (drop, paste or file picker): the raw file as application/octet-stream, from a
 * signed-in browser on this site. Answers the photo with its caption and credit as read from the file, and
 * notes on metadata skipped or shortened.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await getSessionActor();
    if (!actor) throw unauthenticatedError();
    const siteUrl = getEnv().NEXTAUTH_URL;
    assertSameSiteRequest({
      request,
      siteOrigins: siteUrl ? [siteUrl] : [],
      bodyType: "application/octet-stream",
    });
    const bytes = await readPhotoRequest({ request });
    const { photo, created, notes } = await ingestPhoto({ actor, bytes });
    return Response.json(
      { photo, notes },
      { status: created ? 201 : 200, headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, { route: "POST /desk/photos/upload" });
  }
}
