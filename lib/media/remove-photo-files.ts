import "server-only";

import { z } from "zod";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { DeliverySettings } from "@/lib/delivery/delivery-settings";
import { purgeTags } from "@/lib/delivery/purge-story";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { mediaCacheTag } from "@/lib/public/cache-tags";

import { photoStore, type PhotoStore } from "./photo-store";

/*
 * The files of photos a legal removal took out (lib/legal-removals). The database store's bytes are deleted
 * by the removal's own transaction; an object store (S3) cannot take part in it, so the approval queues this
 * job in that transaction and the job deletes the objects afterwards, retried until the store answers. The
 * removed renditions' /media/ addresses are then purged from the shared caches, which keep them for a year.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const RemovePhotoFilesInput = z.object({
  /** Originals and renditions: every file of the removed photos. */
  files: z.array(sha256).max(10_000),
  /** The renditions among them, which readers fetched at /media/<sha256>.<ext>. */
  served: z.array(sha256).max(10_000),
});
export type RemovePhotoFiles = z.infer<typeof RemovePhotoFilesInput>;

/** The files of these photos, read inside the approval's transaction before it makes them tombstones. */
export async function removedPhotoFiles(options: {
  tx: Prisma.TransactionClient;
  photoIds: readonly string[];
}): Promise<RemovePhotoFiles> {
  if (options.photoIds.length === 0) return { files: [], served: [] };
  const photos = await options.tx.photo.findMany({
    where: { id: { in: [...options.photoIds] }, removedAt: null },
    select: { originalSha256: true, renditions: { select: { sha256: true } } },
  });
  const served = [
    ...new Set(photos.flatMap((photo) => photo.renditions.map((rendition) => rendition.sha256))),
  ];
  const files = [...new Set([...photos.map((photo) => photo.originalSha256), ...served])];
  return { files, served };
}

/** Queues the deletion in the caller's transaction: it happens exactly when the removal commits. */
export async function enqueueRemovedPhotoFiles(options: {
  tx: Prisma.TransactionClient;
  files: RemovePhotoFiles;
}): Promise<void> {
  if (options.files.files.length === 0) return;
  await enqueueJob({
    tx: options.tx,
    task: "media.remove-photo-files",
    payload: options.files,
    // About a day of backoff: an object store out for a while still loses the files once it is back.
    maxAttempts: 25,
  });
}

/**
 * Deletes the files no photo names any more (the same bytes uploaded again later belong to that photo), then
 * purges the removed renditions' addresses from the shared caches. Safe to run again.
 */
export async function removePhotoFiles(options: {
  payload: unknown;
  store?: PhotoStore;
  /** The shared caches to purge; the configured ones by default. */
  purge?: DeliverySettings["purge"];
}): Promise<{ removed: string[] }> {
  const { files, served } = RemovePhotoFilesInput.parse(options.payload);
  const db = getDb();
  const [originals, renditions] = await Promise.all([
    db.photo.findMany({ where: { originalSha256: { in: files } }, select: { originalSha256: true } }),
    db.photoRendition.findMany({ where: { sha256: { in: files } }, select: { sha256: true } }),
  ]);
  const named = new Set([
    ...originals.map((photo) => photo.originalSha256),
    ...renditions.map((r) => r.sha256),
  ]);
  const removed = files.filter((file) => !named.has(file));
  await (options.store ?? photoStore()).remove({ sha256s: removed });
  const gone = served.filter((file) => !named.has(file));
  // Cloudflare takes at most 30 tags in one purge.
  for (let at = 0; at < gone.length; at += 30)
    await purgeTags({
      tags: gone.slice(at, at + 30).map((file) => mediaCacheTag({ sha256: file })),
      what: "removed photo files",
      settings: options.purge,
    });
  return { removed };
}

/** Job "media.remove-photo-files". */
export async function removePhotoFilesTask(payload: unknown): Promise<void> {
  await removePhotoFiles({ payload });
}
