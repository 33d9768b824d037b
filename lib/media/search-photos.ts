import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/validation/parse-input";
import { photoSummarySelect, toPhotoSummary, type PhotoSummary } from "./photo-summary";
import { SearchPhotosInput } from "./search-photos-input";

/** A story a photo appears in, with the revisions that use it (newest first). */
export type PhotoUseDto = { slug: string; revisions: number[]; live: boolean };
export type LibraryPhoto = PhotoSummary & { uses: PhotoUseDto[] };

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * The photo library, newest upload first: every word of `q` must appear in the caption, credit or creator;
 * `from`/`to` bound the day the photo was taken, or uploaded when the file does not say. Each photo lists
 * the stories whose revisions use it.
 */
export async function searchPhotos(options: { actor: Actor; query: Record<string, unknown> }): Promise<{ photos: LibraryPhoto[] }> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const input = parseInput({ schema: SearchPhotosInput, input: Object.fromEntries(Object.entries(options.query).map(([key, value]) => [key, emptyToUndefined(value)])) });
  const words = (input.q ?? "").split(/\s+/).filter(Boolean);
  const range = {
    ...(input.from ? { gte: new Date(`${input.from}T00:00:00Z`) } : {}),
    ...(input.to ? { lt: new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
  const where: Prisma.PhotoWhereInput = {
    AND: [
      ...words.map((word) => ({
        OR: (["caption", "credit", "creator"] as const).map((field) => ({ [field]: { contains: word, mode: "insensitive" as const } })),
      })),
      ...(input.from || input.to ? [{ OR: [{ takenAt: range }, { takenAt: null, createdAt: range }] }] : []),
    ],
  };
  const rows = await getDb().photo.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit, select: photoSummarySelect });
  const uses = rows.length
    ? await getDb().photoUse.findMany({
        where: { photoId: { in: rows.map((row) => row.id) } },
        orderBy: { revision: { number: "desc" } },
        select: { photoId: true, revision: { select: { number: true, story: { select: { slug: true, liveRevisionNumber: true } } } } },
      })
    : [];
  const usesOf = new Map<string, Map<string, PhotoUseDto>>();
  for (const use of uses) {
    const stories = usesOf.get(use.photoId) ?? new Map<string, PhotoUseDto>();
    usesOf.set(use.photoId, stories);
    const { slug, liveRevisionNumber } = use.revision.story;
    const entry = stories.get(slug) ?? { slug, revisions: [], live: false };
    stories.set(slug, entry);
    if (!entry.revisions.includes(use.revision.number)) entry.revisions.push(use.revision.number);
    if (use.revision.number === liveRevisionNumber) entry.live = true;
  }
  return { photos: rows.map((row) => ({ ...toPhotoSummary(row), uses: [...(usesOf.get(row.id)?.values() ?? [])] })) };
}
