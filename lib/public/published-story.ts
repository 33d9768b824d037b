import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { publicRemovalNotices } from "@/lib/legal-removals/public-removal-notices";
import { resolveBodyPhotos, resolveStoryImages } from "@/lib/media/photo-pictures";
import type { PublicArticle, PublicArticleNote, PublicNoteKind } from "@/lib/render/public-article";
import { noteRequiredKinds, type StoryImage } from "@/lib/revisions/revision-content";
import { isOneOf } from "@/lib/validation/one-of";

import { newsroomSettings } from "./newsroom-settings";
import { isPubliclyVisible } from "./public-visibility";

/** Unknown, draft-only and unpublished stories look the same to readers: not found. */
function publicStoryNotFound(options: { slug: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `no published story ${JSON.stringify(options.slug)}`,
    userMessage: "There is no story at this address.",
    details: { slug: options.slug },
  });
}

export type PublishedStory = {
  article: PublicArticle;
  /** The live revision: what the open-page notice compares against. */
  liveRevisionNumber: number;
};

const publicStorySelect = {
  id: true,
  slug: true,
  status: true,
  firstPublishedAt: true,
  lastMaterialUpdateAt: true,
  liveRevisionNumber: true,
  embargoUntil: true,
} satisfies Prisma.StorySelect;

const liveRevisionSelect = {
  headline: true,
  dek: true,
  byline: true,
  body: true,
  images: true,
  developing: true,
  credits: {
    orderBy: { position: "asc" },
    select: { role: true, location: true, contributor: { select: { name: true } } },
  },
} satisfies Prisma.RevisionSelect;

/** The story row readers may see: published with a live revision, else not found. */
export async function readPublicStoryRow(options: { slug: string }) {
  const story = await getDb().story.findUnique({ where: { slug: options.slug }, select: publicStorySelect });
  if (
    !story ||
    !isPubliclyVisible(story) ||
    story.liveRevisionNumber === null ||
    story.firstPublishedAt === null
  ) {
    throw publicStoryNotFound({ slug: options.slug });
  }
  return { ...story, liveRevisionNumber: story.liveRevisionNumber, firstPublishedAt: story.firstPublishedAt };
}

/**
 * A published revision's public notes, in the order readers get them: notes carried from drafts, then its
 * own.
 */
export function notesOfPublication(row: {
  kind: string;
  publicNote: string | null;
  carriedNotes: unknown;
  publishedAt: Date;
}): PublicArticleNote[] {
  const publishedAt = row.publishedAt.toISOString();
  // Written only by appendRevision, in this shape.
  const carried = (row.carriedNotes as { kind: PublicNoteKind; text: string }[]).map((note) => ({
    kind: note.kind,
    text: note.text,
    publishedAt,
  }));
  const own =
    row.publicNote && isOneOf(noteRequiredKinds, row.kind)
      ? [{ kind: row.kind, text: row.publicNote, publishedAt }]
      : [];
  return [...carried, ...own];
}

/**
 * Public notes of every published correction, clarification and editor's note up to the live revision, oldest
 * first, including notes saved in drafts that a later publication made live. Collected from history rather
 * than from the live revision, so a later update never drops one.
 */
export async function readPublicNotes(options: {
  storyId: string;
  upTo: number;
}): Promise<PublicArticleNote[]> {
  const rows = await getDb().revision.findMany({
    where: {
      storyId: options.storyId,
      number: { lte: options.upTo },
      publishedAt: { not: null },
      OR: [{ kind: { in: [...noteRequiredKinds] } }, { NOT: { carriedNotes: { equals: [] } } }],
    },
    orderBy: { number: "asc" },
    select: { kind: true, publicNote: true, carriedNotes: true, publishedAt: true },
  });
  return rows.flatMap((row) =>
    row.publishedAt ? notesOfPublication({ ...row, publishedAt: row.publishedAt }) : [],
  );
}

/** The published story by slug, from its LIVE revision only; throws a not_found AppError otherwise. */
export async function readPublishedStory(options: { slug: string }): Promise<PublishedStory> {
  const story = await readPublicStoryRow(options);
  const [live, notes, removalNotices] = await Promise.all([
    getDb().revision.findUnique({
      where: { storyId_number: { storyId: story.id, number: story.liveRevisionNumber } },
      select: liveRevisionSelect,
    }),
    readPublicNotes({ storyId: story.id, upTo: story.liveRevisionNumber }),
    publicRemovalNotices({ storyId: story.id }),
  ]);
  if (!live) throw publicStoryNotFound(options);
  const { baseUrl: _baseUrl, ...newsroom } = newsroomSettings();
  const [images, bodyPhotos] = await Promise.all([
    // Stored only after validation with StoryImageInput, so the JSON column holds that shape.
    resolveStoryImages({ images: live.images as StoryImage[] }),
    resolveBodyPhotos({ body: live.body }),
  ]);
  return {
    liveRevisionNumber: story.liveRevisionNumber,
    article: {
      slug: story.slug,
      headline: live.headline,
      dek: live.dek,
      byline: live.byline,
      body: live.body,
      images,
      bodyPhotos,
      credits: live.credits.map((credit) => ({
        name: credit.contributor.name,
        role: credit.role,
        location: credit.location,
      })),
      developing: live.developing,
      firstPublishedAt: story.firstPublishedAt.toISOString(),
      lastMaterialUpdateAt: story.lastMaterialUpdateAt?.toISOString() ?? null,
      notes,
      removalNotices,
      newsroom,
    },
  };
}

export type PublicStoryVersion = { slug: string; version: number; updatedAt: string };

/** What the open-page notice polls: the live revision number (any publish, minor fixes too, moves it). */
export async function readPublicStoryVersion(options: { slug: string }): Promise<PublicStoryVersion> {
  const story = await readPublicStoryRow(options);
  return {
    slug: story.slug,
    version: story.liveRevisionNumber,
    updatedAt: (story.lastMaterialUpdateAt ?? story.firstPublishedAt).toISOString(),
  };
}
