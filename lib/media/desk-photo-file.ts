import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { photoStore } from "./photo-store";
import { renditionUrl } from "./photo-summary";

const photoNotFound = (photoId: string) =>
  new AppError({
    code: "not_found",
    message: `photo ${photoId} not found`,
    userMessage: "That photo is not in the library.",
  });

/**
 * The desk's address of a photo file, /desk/photos/{id}/{variant}: one that names nothing is a 404, not a
 * 400.
 */
export const DeskPhotoPathInput = z.object({ id: z.string(), variant: z.string() });

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rendition the desk shows for a photo: a small WebP for thumbnails, a mid-size JPEG for previews. */
export async function deskRenditionUrl(options: {
  actor: Actor;
  photoId: string;
  size: "thumbnail" | "preview";
}): Promise<string> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  if (!uuid.test(options.photoId)) throw photoNotFound(options.photoId);
  const [format, maxWidth] = options.size === "thumbnail" ? ["webp", 320] : ["jpeg", 1024];
  const renditions = await getDb().photoRendition.findMany({
    where: { photoId: options.photoId, format },
    orderBy: { width: "asc" },
    select: { sha256: true, format: true, width: true },
  });
  const chosen = renditions.filter((rendition) => rendition.width <= maxWidth).at(-1) ?? renditions[0];
  if (!chosen) throw photoNotFound(options.photoId);
  return renditionUrl(chosen);
}

/** The file as uploaded, metadata and all (GPS included): for the desk only, never served to readers. */
export async function readPhotoOriginal(options: {
  actor: Actor;
  photoId: string;
}): Promise<{ contentType: string; data: Buffer }> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  if (!uuid.test(options.photoId)) throw photoNotFound(options.photoId);
  const photo = await getDb().photo.findUnique({
    where: { id: options.photoId },
    select: { originalSha256: true, originalType: true },
  });
  const blob = photo ? await photoStore().get({ sha256: photo.originalSha256 }) : null;
  if (!photo || !blob) throw photoNotFound(options.photoId);
  return { contentType: photo.originalType, data: blob.data };
}
