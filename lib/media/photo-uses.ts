import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { findBodyPhotoLines, isBodyPhotoProblem, type BodyPhoto } from "@/lib/render/body-photo-line";
import { bodyPhotosMissingAlt, imagesMissingAlt } from "@/lib/revisions/publication-requirements";
import type { StoryImage } from "@/lib/revisions/revision-content";

/** The photo lines of a body that can be read, with their paragraph, and a sentence for each that cannot. */
function readBodyPhotos(body: string): {
  placed: (BodyPhoto & { paragraph: number })[];
  unreadable: string[];
} {
  const placed: (BodyPhoto & { paragraph: number })[] = [];
  const unreadable: string[] = [];
  if (!body.includes("::photo")) return { placed, unreadable };
  for (const line of findBodyPhotoLines(body)) {
    if (isBodyPhotoProblem(line.read))
      unreadable.push(
        `The photo line in paragraph ${line.paragraph} ${line.read.problem}: choose the photo again or remove the line.`,
      );
    else placed.push({ ...line.read, paragraph: line.paragraph });
  }
  return { placed, unreadable };
}

/** Refused on the body field: the desk shows it under the body, the API in `details.fields`. */
function bodyRefusal(options: { message: string; sentences: string[] }): AppError {
  const text = options.sentences.join(" ");
  return new AppError({
    code: "validation_failed",
    message: options.message,
    userMessage: text,
    details: { fields: [{ path: "body", message: text }] },
  });
}

/**
 * Checked before a revision is written: every photo line in the body can be read, every library photo it
 * names (listed or placed in the body) exists, and a revision readers will get gives every picture alt text (a
 * caption describes the news, not the picture, so it is no substitute).
 */
export async function assertPhotosUsable(options: {
  tx: Prisma.TransactionClient;
  images: readonly StoryImage[];
  body: string;
  publish: boolean;
}): Promise<void> {
  const { tx, images, publish } = options;
  const body = readBodyPhotos(options.body);
  if (body.unreadable.length > 0) {
    throw bodyRefusal({
      message: `body has ${body.unreadable.length} unreadable photo line(s)`,
      sentences: body.unreadable,
    });
  }
  const ids = [
    ...new Set([
      ...images.flatMap((image) => (image.photoId ? [image.photoId] : [])),
      ...body.placed.map((photo) => photo.photoId),
    ]),
  ];
  if (ids.length > 0) {
    const found = new Set(
      (await tx.photo.findMany({ where: { id: { in: ids } }, select: { id: true } })).map(
        (photo) => photo.id,
      ),
    );
    const missing = ids.filter((id) => !found.has(id));
    const listedMissing = images.flatMap((image, index) =>
      image.photoId && missing.includes(image.photoId)
        ? [{ path: `images.${index}.photoId`, message: "no such photo" }]
        : [],
    );
    if (listedMissing.length > 0) {
      throw new AppError({
        code: "validation_failed",
        message: `revision names photos not in the library: ${missing.join(", ")}`,
        userMessage: "A photo in this story is not in the photo library. Upload it again or choose another.",
        details: { fields: listedMissing },
      });
    }
    const placedMissing = body.placed.filter((photo) => missing.includes(photo.photoId));
    if (placedMissing.length > 0) {
      throw bodyRefusal({
        message: `body places photos not in the library: ${missing.join(", ")}`,
        sentences: placedMissing.map(
          (photo) =>
            `The photo in paragraph ${photo.paragraph} is not in the photo library: choose it again or remove it.`,
        ),
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
    const placedWithoutAlt = bodyPhotosMissingAlt(options.body);
    if (placedWithoutAlt.length > 0) {
      const paragraphs = body.placed
        .filter((photo) => photo.alt.trim() === "")
        .map((photo) => photo.paragraph);
      throw bodyRefusal({
        message: `publishing with ${placedWithoutAlt.length} body photo(s) lacking alt text`,
        sentences: [
          `The photo in ${paragraphs.length === 1 ? "paragraph" : "paragraphs"} ${paragraphs.join(", ")} needs alt text before the story is published: describe what the picture shows for readers who can’t see it.`,
        ],
      });
    }
  }
}

/**
 * Records which photos a new revision uses, listed images first and then the photos placed in the body in
 * body order; these rows are append-only and keep the photos from deletion.
 */
export async function recordPhotoUses(options: {
  tx: Prisma.TransactionClient;
  revisionId: string;
  images: readonly StoryImage[];
  body: string;
}): Promise<void> {
  const listed = options.images.map((image) => image.photoId ?? null);
  const placed = readBodyPhotos(options.body).placed.map((photo) => photo.photoId);
  const data = [...listed, ...placed].flatMap((photoId, position) =>
    photoId ? [{ revisionId: options.revisionId, photoId, position }] : [],
  );
  if (data.length > 0) await options.tx.photoUse.createMany({ data });
}
