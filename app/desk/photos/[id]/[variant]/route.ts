import { requireSessionActor } from "@/lib/auth/session-actor";
import { errorResponse } from "@/lib/errors/error-response";
import { deskRenditionUrl, readPhotoOriginal } from "@/lib/media/desk-photo-file";

export const dynamic = "force-dynamic";

/**
 * A library photo on the desk: /thumbnail and /preview redirect to a rendition (immutable, on /media), and
 * /original sends the file as uploaded to a signed-in desk user only (it still carries GPS and serials).
 */
export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string; variant: string }> },
): Promise<Response> {
  const { id, variant } = await context.params;
  try {
    const actor = await requireSessionActor();
    if (variant === "original") {
      const original = await readPhotoOriginal({ actor, photoId: id });
      return new Response(new Uint8Array(original.data), {
        headers: {
          "content-type": original.contentType,
          "cache-control": "private, no-store",
          "content-disposition": `attachment; filename="photo-${id}"`,
          "x-content-type-options": "nosniff",
        },
      });
    }
    if (variant !== "thumbnail" && variant !== "preview") return new Response("Not found\n", { status: 404 });
    const location = await deskRenditionUrl({ actor, photoId: id, size: variant });
    return new Response(null, {
      status: 302,
      headers: { location, "cache-control": "private, max-age=300" },
    });
  } catch (error) {
    return errorResponse(error, { route: `GET /desk/photos/[id]/${variant}` });
  }
}
