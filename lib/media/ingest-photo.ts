import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { writeTransaction } from "@/lib/stories/story-write";

import { makeRenditions, readPhotoSize, sha256OfUpload } from "./make-renditions";
import { mediaLimits, renditionTypes } from "./media-limits";
import { readPhotoMetadata } from "./photo-metadata";
import { photoStore, type PhotoStore, type StoredBlob } from "./photo-store";
import { readPhotoSummary, type PhotoSummary } from "./photo-summary";
import { photoWorkQueue, type PhotoWorkQueue } from "./photo-work-queue";
import { uploadTooLarge } from "./read-upload";
import { originalTypes, sniffImage, type OriginalFormat } from "./sniff-image";

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * A decoding failure as the uploader should hear it: a HEIC this build cannot read says how to get a JPEG.
 */
function decodingRefusal(options: { format: OriginalFormat; error: unknown }): unknown {
  if (options.format !== "heic") return options.error;
  return new AppError({
    code: "unprocessable",
    message: "upload refused: HEIC not decodable by this build",
    userMessage:
      "Copydesk can’t read HEIC photos (the iPhone’s usual format) on this server. Export the photo as JPEG and upload that.",
    cause: options.error,
  });
}

/** Decodes, renders and reads the metadata of one photo. */
async function processPhoto(options: {
  bytes: Buffer;
  size: { width: number; height: number };
  format: OriginalFormat;
}) {
  const { bytes, size, format } = options;
  // Metadata is read in a worker thread while libvips decodes on its own threads: neither holds the event
  // loop.
  const [decoded, read] = await Promise.all([
    makeRenditions({ bytes, size }).catch((error: unknown) => {
      throw decodingRefusal({ format, error });
    }),
    readPhotoMetadata({ bytes }),
  ]);
  return { decoded, ...read };
}

/**
 * Takes one uploaded photo: checks it is an image by its bytes (never its name), decodes it fully (refusing
 * bombs and truncated files), reads its caption and credit, makes every rendition, and only then stores the
 * original, the renditions and the photo row together. Any refusal happens before anything is written.
 * Decoding waits its turn in the instance's photo line (`photoWorkQueue`). Uploading the same file again
 * returns the photo already stored. `notes` tell the editor what was skipped or shortened of the metadata.
 */
export async function ingestPhoto(options: {
  actor: Actor;
  bytes: Buffer;
  store?: PhotoStore;
  queue?: PhotoWorkQueue;
}): Promise<{ photo: PhotoSummary; created: boolean; notes: string[] }> {
  const { actor, bytes } = options;
  assertCan({ actor, permission: "photo:upload" });
  if (bytes.byteLength > mediaLimits.maxUploadBytes)
    throw uploadTooLarge({ limitBytes: mediaLimits.maxUploadBytes });
  if (bytes.byteLength === 0) {
    throw new AppError({
      code: "unprocessable",
      message: "upload refused: empty",
      userMessage: "That file is empty. Choose a photo to upload.",
    });
  }
  const format = sniffImage({ bytes });
  const originalSha256 = await sha256OfUpload(bytes);
  const store = options.store ?? photoStore();

  const existing = await readPhotoSummary({ where: { originalSha256 } });
  if (existing) return { photo: existing, created: false, notes: [] };

  const size = await readPhotoSize({ bytes }).catch((error: unknown) => {
    throw decodingRefusal({ format, error });
  });
  // The line holds the upload until it is stored: its original and renditions stay in memory until then.
  return (options.queue ?? photoWorkQueue).run({
    personId: actor.userId,
    pixels: size.width * size.height,
    work: async () =>
      storePhoto({
        actor,
        bytes,
        format,
        originalSha256,
        store,
        processed: await processPhoto({ bytes, size, format }),
      }),
  });
}

/**
 * Stores a processed photo: its blobs, then the photo row with its renditions in one transaction, so a
 * failure leaves no photo. The same file stored meanwhile by another upload is answered as that photo.
 */
async function storePhoto(options: {
  actor: Actor;
  bytes: Buffer;
  format: OriginalFormat;
  originalSha256: string;
  store: PhotoStore;
  processed: Awaited<ReturnType<typeof processPhoto>>;
}): Promise<{ photo: PhotoSummary; created: boolean; notes: string[] }> {
  const { actor, bytes, format, originalSha256, store } = options;
  const { decoded, metadata, notes } = options.processed;
  const blobs: StoredBlob[] = [
    { sha256: originalSha256, contentType: originalTypes[format], data: bytes },
    ...decoded.renditions.map((rendition) => ({
      sha256: rendition.sha256,
      contentType: renditionTypes[rendition.format],
      data: rendition.data,
    })),
  ];
  await store.putBeforeCommit({ blobs });
  let id: string;
  try {
    id = await writeTransaction({
      work: async (tx) => {
        await store.putInTransaction({ tx, blobs });
        const photo = await tx.photo.create({
          data: {
            originalSha256,
            originalType: originalTypes[format],
            originalBytes: bytes.byteLength,
            width: decoded.width,
            height: decoded.height,
            caption: metadata.caption,
            creator: metadata.creator,
            credit: metadata.credit,
            copyright: metadata.copyright,
            takenAt: metadata.takenAt,
            uploadedById: actor.userId,
            renditions: {
              createMany: {
                data: decoded.renditions.map((rendition) => ({
                  format: rendition.format,
                  width: rendition.width,
                  height: rendition.height,
                  sha256: rendition.sha256,
                  bytes: rendition.data.byteLength,
                })),
              },
            },
          },
          select: { id: true },
        });
        return photo.id;
      },
    });
  } catch (error) {
    // The same file sent twice at once (a double click, two tabs): the other upload stored it first.
    const stored = isUniqueViolation(error) ? await readPhotoSummary({ where: { originalSha256 } }) : null;
    if (stored) return { photo: stored, created: false, notes };
    throw error;
  }
  const photo = await readPhotoSummary({ where: { id } });
  return { photo: photo!, created: true, notes };
}
