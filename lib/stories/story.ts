import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

import { StorySlugInput } from "./story-slug";

/*
 * The stories table: its row as the desk sees it (StoryDto), as a write holds it (LockedStory), and the
 * refusals that speak of a story as a whole (not found, taken down). Every other room reads and locks
 * stories through here.
 */

/** A story as the desk and the API see it: mutable pointers plus the newest headline. */
export type StoryDto = {
  slug: string;
  status: StoryStatus;
  /** The live revision's developing flag (the newest revision's while nothing is live). */
  developing: boolean;
  /** ISO instants, or null. */
  firstPublishedAt: string | null;
  /**
   * The reader's "Updated" instant: publish time of the newest live material revision; null until one exists.
   */
  lastMaterialUpdateAt: string | null;
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
  /** Headline of the newest revision (draft or live). */
  headline: string;
  lastRevisedAt: string;
  lastRevisedBy: { id: string; name: string };
  /**
   * How many legal removals have been applied to the story. A save carrying content the client holds sends it
   * back as `legalRemovalsSeen`, so a copy made before a removal cannot bring removed text back.
   */
  legalRemovalCount: number;
};

/** The story's columns and its newest revision's headline and author, however they were read. */
export type StoryFields = {
  slug: string;
  status: StoryStatus;
  developing: boolean;
  firstPublishedAt: Date | null;
  lastMaterialUpdateAt: Date | null;
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
  lastRevisedAt: Date;
  headline: string;
  lastRevisedBy: { id: string; name: string };
  legalRemovalCount: number;
};

/** The one place a StoryDto is made: a read, the story list and a freshly appended revision all come here. */
export function toStoryDto(fields: StoryFields): StoryDto {
  return {
    slug: fields.slug,
    status: fields.status,
    developing: fields.developing,
    firstPublishedAt: fields.firstPublishedAt?.toISOString() ?? null,
    lastMaterialUpdateAt: fields.lastMaterialUpdateAt?.toISOString() ?? null,
    latestRevisionNumber: fields.latestRevisionNumber,
    liveRevisionNumber: fields.liveRevisionNumber,
    headline: fields.headline,
    lastRevisedAt: fields.lastRevisedAt.toISOString(),
    lastRevisedBy: fields.lastRevisedBy,
    legalRemovalCount: fields.legalRemovalCount,
  };
}

/**
 * A story's pointers plus its newest revision's headline and author, read through the (story, number) index.
 */
const storySelect = {
  id: true,
  slug: true,
  status: true,
  developing: true,
  firstPublishedAt: true,
  lastMaterialUpdateAt: true,
  latestRevisionNumber: true,
  liveRevisionNumber: true,
  lastRevisedAt: true,
  legalRemovalCount: true,
  revisions: {
    orderBy: { number: "desc" },
    take: 1,
    select: { headline: true, author: { select: { id: true, name: true } } },
  },
} satisfies Prisma.StorySelect;

export function storyNotFound(options: { slug: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `story ${JSON.stringify(options.slug)} not found`,
    userMessage: "There is no story at this address.",
    details: { slug: options.slug },
  });
}

/**
 * Throws not_found for a slug no story can have (a NUL, a space, 500 characters …) before it reaches the
 * database, which could not even compare some of them.
 */
export function assertPossibleSlug(options: { slug: string }): void {
  if (!StorySlugInput.safeParse(options.slug).success) throw storyNotFound({ slug: options.slug });
}

/** Loads a story's DTO by slug, or throws not_found. No authorization: callers decide who may read. */
export async function readStory(options: { slug: string }): Promise<{ id: string; story: StoryDto }> {
  assertPossibleSlug({ slug: options.slug });
  const row = await getDb().story.findUnique({ where: { slug: options.slug }, select: storySelect });
  if (!row) throw storyNotFound({ slug: options.slug });
  const newest = row.revisions[0];
  return {
    id: row.id,
    story: toStoryDto({
      ...row,
      headline: newest?.headline ?? "",
      lastRevisedBy: newest?.author ?? { id: "", name: "" },
    }),
  };
}

/** The desk's view of one story, or a not_found AppError. */
export async function getStoryOrThrow(options: { slug: string; actor: Actor }): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  return (await readStory({ slug: options.slug })).story;
}

/** The story row as held under its row lock for the length of one write transaction. */
export type LockedStory = {
  id: string;
  slug: string;
  status: StoryStatus;
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
  firstPublishedAt: Date | null;
  /** Legal removals applied so far (lib/revisions/legal-removals-seen.ts). */
  legalRemovalCount: number;
};

/**
 * Locks the story row (SELECT … FOR UPDATE) so writers of one story take turns: the base check, the next
 * revision number and the pointer update all happen while no one else can move the story. Writes take it
 * through writeStory (story-write.ts).
 */
export async function lockStory(options: {
  tx: Prisma.TransactionClient;
  slug: string;
}): Promise<LockedStory> {
  assertPossibleSlug({ slug: options.slug });
  const rows = await options.tx.$queryRaw<
    {
      id: string;
      slug: string;
      status: StoryStatus;
      latest: number;
      live: number | null;
      first_published_at: Date | null;
      legal_removal_count: number;
    }[]
  >`SELECT id, slug, status::text AS status, latest_revision_number AS latest, live_revision_number AS live, first_published_at,
           legal_removal_count
      FROM stories WHERE slug = ${options.slug} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw storyNotFound({ slug: options.slug });
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    latestRevisionNumber: row.latest,
    liveRevisionNumber: row.live,
    firstPublishedAt: row.first_published_at,
    legalRemovalCount: row.legal_removal_count,
  };
}

/**
 * A story taken down comes back only through republish, whose reason is recorded: never as a side effect of
 * a save, a publish or a restore. Throws when the story is unpublished.
 */
export function refuseUnpublished(options: { story: Pick<LockedStory, "slug" | "status"> }): void {
  const { slug, status } = options.story;
  if (status !== "unpublished") return;
  throw new AppError({
    code: "conflict",
    message: `publishing on unpublished story ${slug} refused`,
    userMessage:
      "This story is unpublished, so this change cannot go live. Save it as a draft; to put the story back, republish it and give the reason.",
    details: { status: "unpublished" },
  });
}

/**
 * Publishing into a withdrawn story: saving drafts still works, going live needs an explicit republish.
 * Throws when the story is withdrawn.
 */
export function refuseWithdrawn(options: { story: Pick<LockedStory, "slug" | "status"> }): void {
  const { slug, status } = options.story;
  if (status !== "withdrawn") return;
  throw new AppError({
    code: "unprocessable",
    message: `cannot publish into withdrawn story ${slug}`,
    userMessage:
      "This story was withdrawn. Save your changes as a draft; it goes live again only when an editor republishes it.",
    details: { status: "withdrawn" },
  });
}
