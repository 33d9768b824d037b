import { deskRoute } from "@/app/_support/api-route";
import { ingestPhoto } from "@/lib/media/ingest-photo";
import { readPhotoRequest } from "@/lib/media/read-photo-request";

export const dynamic = "force-dynamic";

/**
 * The desk editor's upload (drop, paste or file picker): the raw file as application/octet-stream, from a
 * signed-in browser on this site. Answers the photo with its caption and credit as read from the file, and
 * notes on metadata skipped or shortened.
 */
export const POST = deskRoute({
  name: "POST /desk/photos/upload",
  permission: "photo:upload",
  streamedBody: "application/octet-stream",
  run: async ({ actor, request }) => {
    const { photo, created, notes } = await ingestPhoto({
      actor,
      bytes: await readPhotoRequest({ request }),
    });
    return Response.json(
      { photo, notes },
      { status: created ? 201 : 200, headers: { "cache-control": "no-store" } },
    );
  },
});
