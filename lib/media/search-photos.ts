import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { gapChoices, instantsOfLocalTime } from "@/lib/schedules/newsroom-local-time";
import { parseInput } from "@/lib/validation/parse-input";
import { textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

import { photoSummarySelect, toPhotoSummary, type PhotoSummary } from "./photo-summary";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD" });

/**
 * The photo library's search: words in caption, credit or creator, and a range of days taken (or uploaded).
 */
export const SearchPhotosInput = z.strictObject({
  q: textInput({ max: 200 }).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: wholeNumberText({ example: "48", max: 200 }).default(48),
});
export type SearchPhotosInput = z.infer<typeof SearchPhotosInput>;

/** A story a photo appears in, with the revisions that use it (newest first). */
export type PhotoUseDto = { slug: string; revisions: number[]; live: boolean };
export type LibraryPhoto = PhotoSummary & { uses: PhotoUseDto[] };

/**
 * The first instant of a calendar day ("2024-08-14") in the newsroom's zone; after the gap if midnight is
 * skipped.
 */
function startOfNewsroomDay(options: { day: string; zone: string }): Date {
  const [year, month, day] = options.day.split("-").map(Number) as [number, number, number];
  const local = { year, month, day, hour: 0, minute: 0 };
  return (
    instantsOfLocalTime({ local, zone: options.zone })[0] ?? gapChoices({ local, zone: options.zone }).after
  );
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * The photo library, newest upload first: every word of `q` must appear in the caption, credit or creator;
 * `from`/`to` bound the day (in the newsroom's zone, as the desk shows times) the photo was taken, or
 * uploaded when the file does not say. Each photo lists the stories whose revisions use it.
 */
export async function searchPhotos(options: {
  actor: Actor;
  query: Record<string, unknown>;
}): Promise<{ photos: LibraryPhoto[] }> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const input = parseInput({
    schema: SearchPhotosInput,
    input: Object.fromEntries(
      Object.entries(options.query).map(([key, value]) => [key, emptyToUndefined(value)]),
    ),
  });
  const words = (input.q ?? "").split(/\s+/).filter(Boolean);
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const range = {
    ...(input.from ? { gte: startOfNewsroomDay({ day: input.from, zone }) } : {}),
    ...(input.to ? { lt: startOfNewsroomDay({ day: nextDay(input.to), zone }) } : {}),
  };
  const where: Prisma.PhotoWhereInput = {
    AND: [
      ...words.map((word) => ({
        OR: (["caption", "credit", "creator"] as const).map((field) => ({
          [field]: { contains: word, mode: "insensitive" as const },
        })),
      })),
      ...(input.from || input.to ? [{ OR: [{ takenAt: range }, { takenAt: null, createdAt: range }] }] : []),
    ],
  };
  const rows = await getDb().photo.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: photoSummarySelect,
  });
  const uses = rows.length
    ? await getDb().photoUse.findMany({
        where: { photoId: { in: rows.map((row) => row.id) } },
        orderBy: { revision: { number: "desc" } },
        select: {
          photoId: true,
          revision: { select: { number: true, story: { select: { slug: true, liveRevisionNumber: true } } } },
        },
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
  return {
    photos: rows.map((row) => ({ ...toPhotoSummary(row), uses: [...(usesOf.get(row.id)?.values() ?? [])] })),
  };
}
