import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

import type { StoryDto } from "./story-dto";

/** A story's pointers plus its newest revision's headline and author, read through the (story, number) index. */
export const storySelect = {
  id: true,
  slug: true,
  status: true,
  developing: true,
  firstPublishedAt: true,
  lastMaterialUpdateAt: true,
  latestRevisionNumber: true,
  liveRevisionNumber: true,
  lastRevisedAt: true,
  revisions: {
    orderBy: { number: "desc" },
    take: 1,
    select: { headline: true, author: { select: { id: true, name: true } } },
  },
} satisfies Prisma.StorySelect;

export type StoryRow = Prisma.StoryGetPayload<{ select: typeof storySelect }>;

export function toStoryDto(row: StoryRow): StoryDto {
  const newest = row.revisions[0];
  return {
    slug: row.slug,
    status: row.status,
    developing: row.developing,
    firstPublishedAt: row.firstPublishedAt?.toISOString() ?? null,
    lastMaterialUpdateAt: row.lastMaterialUpdateAt?.toISOString() ?? null,
    latestRevisionNumber: row.latestRevisionNumber,
    liveRevisionNumber: row.liveRevisionNumber,
    headline: newest?.headline ?? "",
    lastRevisedAt: row.lastRevisedAt.toISOString(),
    lastRevisedBy: newest?.author ?? { id: "", name: "" },
  };
}
