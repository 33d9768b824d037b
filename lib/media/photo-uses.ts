import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { imagesMissingAlt } from "@/lib/revisions/publication-requirements";
import type { StoryImage } from "@/lib/revisions/revision-content";

/**
 * Checked before a revision is written: every library photo it names exists, and a revision readers will
 * get gives every picture alt text (a caption describes the news, not the picture, so it is no substitute).
 */
export async function assertPhotosUsable(options: {
  tx: Prisma.TransactionClient;
  images: readonly StoryImage[];
  publish: boolean;
}): Promise<void> {
  const { tx, images, publish } = options;
  const ids = [...new Set(images.flatMap((image) => (image.photoId ? [image.photoId] : [])))];
  if (ids.length > 0) {
    const found = new Set(
      (await tx.photo.findMany({ where: { id: { in: ids } }, select: { id: true } })).map(
        (photo) => photo.id,
      ),
    );
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError({
        code: "validation_failed",
        message: `revision names photos not in the library: ${missing.join(", ")}`,
        userMessage: "A photo in this story is not in the photo library. Upload it again or choose another.",
        details: {
          fields: images.flatMap((image, index) =>
            image.photoId && missing.includes(image.photoId)
              ? [{ path: `images.${index}.photoId`, message: "no such photo" }]
              : [],
          ),
        },
      });
    }
  }
  if (publish) {
    const withoutAlt = imagesMissingAlt(images);
    if (withoutAlt.length > 0) {
      throw new AppError({
        code: "validation_failed",
        message: `publishing with ${withoutAlt.length} image(s) lacking alt text`,
        userMessage:
          "Every photo needs alt text before the story is published: describe what the picture shows for readers who can’t see it.",
        details: { fields: withoutAlt },
      });
    }
  }
}

/** Records which photos a new revision uses; these rows are append-only and keep the photos from deletion. */
export async function recordPhotoUses(options: {
  tx: Prisma.TransactionClient;
  revisionId: string;
  images: readonly StoryImage[];
}): Promise<void> {
  const data = options.images.flatMap((image, position) =>
    image.photoId ? [{ revisionId: options.revisionId, photoId: image.photoId, position }] : [],
  );
  if (data.length > 0) await options.tx.photoUse.createMany({ data });
}
