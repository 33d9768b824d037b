import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { ingestPhoto } from "@/lib/media/ingest-photo";
import { readPhotoRequest } from "@/lib/media/read-photo-request";
import { searchPhotos } from "@/lib/media/search-photos";

export const dynamic = "force-dynamic";

/** The photo library, newest first, searched by caption, credit or creator (`q`) and date (`from`, `to`). */
export const GET = apiRoute({
  name: "GET /api/v1/photos",
  run: async ({ actor, query }) => json(await searchPhotos({ actor, query: Object.fromEntries(query) })),
});

/**
 * Uploads one photo (multipart/form-data, part `file`); 201 with the new photo, 200 if that file is already
 * in the library; `notes` say what of the file's metadata was skipped or shortened.
 */
export const POST = apiRoute({
  name: "POST /api/v1/photos",
  run: async ({ actor, request }) => {
    const bytes = await readPhotoRequest({ request });
    const { photo, created, notes } = await ingestPhoto({ actor, bytes });
    return json({ photo, notes }, created ? 201 : 200);
  },
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "POST"] });
