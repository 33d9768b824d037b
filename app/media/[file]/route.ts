import { tagHeaders } from "@/lib/delivery/public-representation";
import { errorResponse } from "@/lib/errors/error-response";
import { readRendition } from "@/lib/media/read-rendition";
import { mediaCacheTag } from "@/lib/public/cache-tags";

export const dynamic = "force-dynamic";

/**
 * Photo renditions readers get, from Copydesk's own origin. The address is the bytes' SHA-256, so a response
 * never changes: browsers and caches keep it for a year without asking again. Its tag lets a legal removal
 * purge it from the shared caches all the same (lib/media/remove-photo-files.ts).
 */
export async function GET(
  _request: Request,
  context: { params: Promise<{ file: string }> },
): Promise<Response> {
  const { file } = await context.params;
  let rendition: Awaited<ReturnType<typeof readRendition>>;
  try {
    rendition = await readRendition({ file });
  } catch (error) {
    // The database or the photo store is out: a 503 no cache keeps, never a 500 or an immutable error.
    return errorResponse(error, { route: "GET /media/[file]" });
  }
  if (!rendition) {
    return new Response("Not found\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" },
    });
  }
  return new Response(new Uint8Array(rendition.data), {
    status: 200,
    headers: {
      "content-type": rendition.contentType,
      "content-length": String(rendition.data.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${rendition.sha256}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      ...tagHeaders([mediaCacheTag({ sha256: rendition.sha256 })]),
    },
  });
}
