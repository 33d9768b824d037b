import "server-only";

import { getDb } from "@/lib/db/client";
import { bodyPhotoIds } from "@/lib/render/body-photo-placeholder";
import type { PublicArticleImage, PublicArticlePicture, PublicBodyPhoto } from "@/lib/render/public-article";
import type { StoryImage } from "@/lib/revisions/revision-content";

import { renditionFormats, renditionTypes } from "./media-limits";
import { renditionUrl } from "./photo-summary";

type RenditionRow = { format: string; width: number; height: number; sha256: string };

/** The width named by `url` for Open Graph and feeds: big enough for a share card, not the largest file. */
const shareWidth = 1600;

/**
 * A photo's `<picture>`: one srcset per format (AVIF, WebP, then JPEG as the fallback) and its upright size.
 */
function pictureOf(options: { width: number; height: number; renditions: readonly RenditionRow[] }): {
  picture: PublicArticlePicture;
  url: string;
} {
  const sources = renditionFormats.flatMap((format) => {
    const ofFormat = options.renditions
      .filter((rendition) => rendition.format === format)
      .sort((a, b) => a.width - b.width);
    if (ofFormat.length === 0) return [];
    return [
      {
        type: renditionTypes[format],
        srcset: ofFormat.map((rendition) => `${renditionUrl(rendition)} ${rendition.width}w`).join(", "),
      },
    ];
  });
  const jpegs = options.renditions
    .filter((rendition) => rendition.format === "jpeg")
    .sort((a, b) => a.width - b.width);
  const share = jpegs.filter((rendition) => rendition.width <= shareWidth).at(-1) ?? jpegs[0];
  return {
    picture: { width: options.width, height: options.height, sources },
    url: share ? renditionUrl(share) : "",
  };
}

type ResolvedPicture = ReturnType<typeof pictureOf> | { removed: true };

/**
 * Library photos by id, resolved to their pictures; ids not in the library are missing from the map, and a
 * photo taken down on legal advice (a tombstone: no files, no words) is `removed`.
 */
async function picturesById(ids: readonly string[]): Promise<Map<string, ResolvedPicture>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().photo.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      width: true,
      height: true,
      removedAt: true,
      renditions: { select: { format: true, width: true, height: true, sha256: true } },
    },
  });
  return new Map(
    rows.map((row): [string, ResolvedPicture] => [
      row.id,
      row.removedAt ? { removed: true } : pictureOf(row),
    ]),
  );
}

/**
 * The story's images as readers get them: library photos resolved to their renditions on this origin,
 * older images by URL as they were written. A photo that cannot be found is left out rather than broken.
 */
export async function resolveStoryImages(options: {
  images: readonly StoryImage[];
}): Promise<PublicArticleImage[]> {
  const byId = await picturesById([
    ...new Set(options.images.flatMap((image) => (image.photoId ? [image.photoId] : []))),
  ]);
  return options.images.flatMap((image): PublicArticleImage[] => {
    const base = { alt: image.alt, caption: image.caption ?? "", credit: image.credit ?? "" };
    if (!image.photoId) return [{ ...base, url: image.url }];
    const resolved = byId.get(image.photoId);
    if (!resolved) return [];
    // Another story's words about a removed photo go with it: only its place is shown.
    if ("removed" in resolved) return [{ alt: "", caption: "", credit: "", url: "", removed: true }];
    return [{ ...base, url: resolved.url, picture: resolved.picture }];
  });
}

/**
 * The pictures of the photos a body places (its photo lines), each once, in body order; a photo not in the
 * library is left out, and the page leaves its place empty.
 */
export async function resolveBodyPhotos(options: { body: string }): Promise<PublicBodyPhoto[]> {
  const ids = bodyPhotoIds(options.body);
  const byId = await picturesById(ids);
  return ids.flatMap((photoId): PublicBodyPhoto[] => {
    const resolved = byId.get(photoId);
    if (!resolved) return [];
    if ("removed" in resolved) return [{ photoId, url: "", removed: true }];
    return [{ photoId, url: resolved.url, picture: resolved.picture }];
  });
}

/**
 * Origins of images by URL on other sites, for the per-page CSP allowance that keeps stories written before
 * the photo library showing their pictures. Library photos and paths on this site need none.
 */
export function externalImageOrigins(options: {
  images: readonly { url: string; picture?: unknown }[];
}): string[] {
  const origins = new Set<string>();
  for (const image of options.images) {
    if (image.picture || !/^https?:\/\//i.test(image.url)) continue;
    try {
      origins.add(new URL(image.url).origin);
    } catch {
      // An unparsable URL cannot load anyway.
    }
  }
  return [...origins].sort();
}
