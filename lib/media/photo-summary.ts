import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

import { renditionExtensions, type RenditionFormat } from "./media-limits";

export type PhotoRenditionDto = {
  format: RenditionFormat;
  width: number;
  height: number;
  bytes: number;
  url: string;
};

/** A photo as the desk and the API show it: what the file said, and the renditions readers get. */
export type PhotoSummary = {
  id: string;
  width: number;
  height: number;
  caption: string;
  creator: string;
  credit: string;
  copyright: string;
  /** ISO, from the file's EXIF/IPTC; null when it does not say. */
  takenAt: string | null;
  createdAt: string;
  originalType: string;
  originalBytes: number;
  renditions: PhotoRenditionDto[];
};

export const photoSummarySelect = {
  id: true,
  width: true,
  height: true,
  caption: true,
  creator: true,
  credit: true,
  copyright: true,
  takenAt: true,
  createdAt: true,
  originalType: true,
  originalBytes: true,
  renditions: {
    orderBy: [{ width: "asc" }, { format: "asc" }],
    select: { format: true, width: true, height: true, bytes: true, sha256: true },
  },
} satisfies Prisma.PhotoSelect;

/** The public, immutable address of a rendition: Copydesk's own origin, named by the bytes' SHA-256. */
export const renditionUrl = (rendition: { sha256: string; format: string }) =>
  `/media/${rendition.sha256}.${renditionExtensions[rendition.format as RenditionFormat]}`;

export function toPhotoSummary(
  row: Prisma.PhotoGetPayload<{ select: typeof photoSummarySelect }>,
): PhotoSummary {
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    caption: row.caption,
    creator: row.creator,
    credit: row.credit,
    copyright: row.copyright,
    takenAt: row.takenAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    originalType: row.originalType,
    originalBytes: row.originalBytes,
    renditions: row.renditions.map((rendition) => ({
      format: rendition.format as RenditionFormat,
      width: rendition.width,
      height: rendition.height,
      bytes: rendition.bytes,
      url: renditionUrl(rendition),
    })),
  };
}

export async function readPhotoSummary(options: {
  where: Prisma.PhotoWhereUniqueInput;
}): Promise<PhotoSummary | null> {
  const row = await getDb().photo.findUnique({ where: options.where, select: photoSummarySelect });
  return row ? toPhotoSummary(row) : null;
}
