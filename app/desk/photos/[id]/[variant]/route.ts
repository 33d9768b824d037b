import { deskRoute } from "@/app/_support/api-route";
import { DeskPhotoPathInput, deskRenditionUrl, readPhotoOriginal } from "@/lib/media/desk-photo-file";

export const dynamic = "force-dynamic";

/**
 * A library photo on the desk: /thumbnail and /preview redirect to a rendition (immutable, on /media), and
 * /original sends the file as uploaded to a signed-in desk user only (it still carries GPS and serials).
 */
export const GET = deskRoute({
  name: "GET /desk/photos/[id]/[variant]",
  permission: "desk:read",
  params: DeskPhotoPathInput,
  run: async ({ actor, params: { id, variant } }) => {
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
  },
});
