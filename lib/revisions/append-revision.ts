import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { assertPhotosUsable, recordPhotoUses } from "@/lib/media/photo-uses";
import { reviewPublication } from "@/lib/reviews/publication-review";
import { refuseWithdrawn, toStoryDto, type LockedStory, type StoryDto } from "@/lib/stories/story";
import type { WriteKey } from "@/lib/stories/story-write";
import { isOneOf } from "@/lib/validation/one-of";

import { contentHash } from "./content-hash";
import type { CarriedNote, RemovedNote } from "./publication-plan";
import { materialKinds, type RevisionContent } from "./revision-content";
import type { RevisionDto } from "./revision-dto";

export type AppendedRevision = { story: StoryDto; revision: RevisionDto };

/**
 * Writes revision latest+1 of a locked story with its credits, and moves the story's pointers with it:
 * when publishing, the live pointer, the status history and (for material kinds on a story already out)
 * the reader's "Updated" instant. Must run inside the transaction that holds the story's lock.
 */
export async function appendRevision(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  content: RevisionContent;
  kind: RevisionKind;
  summary: string | null;
  publicNote: string | null;
  baseNumber: number | null;
  publish: boolean;
  /** The request's Idempotency-Key and fingerprint, kept with the revision so a retry finds it. */
  key?: WriteKey;
  internalNote?: string | null;
  carriedNotes?: CarriedNote[];
  removedNotes?: RemovedNote[];
  /** Why, on the publish entry of the status history (a scheduled publish names its schedule). */
  statusReason?: string;
}): Promise<AppendedRevision> {
  const { tx, story, actor, content, publish } = options;
  // A withdrawal is undone only deliberately, by a republish: publishing a revision never brings the story
  // back.
  if (publish) refuseWithdrawn({ story });
  await assertPhotosUsable({ tx, images: content.images, body: content.body, publish });
  // The review rules, for every way a revision goes live: refused here, before anything is written.
  const reviewed = publish
    ? await reviewPublication({ tx, story, actor, content, kind: options.kind })
    : null;
  const number = story.latestRevisionNumber + 1;
  // The database clock, read after the lock is held, so times rise with revision numbers.
  const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [{ now: Date }];
  const publishedAt = publish ? now : null;
  const internalNote = options.internalNote ?? null;
  const carriedNotes = options.carriedNotes ?? [];
  const removedNotes = options.removedNotes ?? [];

  const revision = await tx.revision.create({
    data: {
      storyId: story.id,
      number,
      createdAt: now,
      authorId: actor.userId,
      baseNumber: options.baseNumber,
      kind: options.kind,
      summary: options.summary,
      publicNote: options.publicNote,
      publishedAt,
      contentHash: contentHash({ content }),
      idempotencyKey: options.key?.idempotencyKey ?? null,
      requestFingerprint: options.key?.idempotencyKey ? options.key.fingerprint : null,
      internalNote,
      carriedNotes,
      removedNotes,
      headline: content.headline,
      dek: content.dek,
      byline: content.byline,
      body: content.body,
      images: content.images,
      developing: content.developing,
      credits: {
        createMany: {
          data: content.credits.map((credit, position) => ({
            contributorId: credit.contributorId,
            role: credit.role,
            location: credit.location,
            position,
          })),
        },
      },
    },
    select: { id: true },
  });
  await recordPhotoUses({ tx, revisionId: revision.id, images: content.images, body: content.body });

  const wasOut = story.firstPublishedAt !== null;
  const material = isOneOf(materialKinds, options.kind);
  const hasLive = publish || story.liveRevisionNumber !== null;
  const updated = await tx.story.update({
    where: { id: story.id },
    data: {
      latestRevisionNumber: number,
      lastRevisedAt: now,
      // The story's flag is what readers see: the live revision's, or the newest draft's while nothing is
      // live.
      ...(publish || !hasLive ? { developing: content.developing } : {}),
      ...(publish
        ? {
            status: "published",
            liveRevisionNumber: number,
            ...(wasOut ? {} : { firstPublishedAt: now }),
            ...(wasOut && material ? { lastMaterialUpdateAt: now } : {}),
          }
        : {}),
    },
    select: {
      status: true,
      developing: true,
      firstPublishedAt: true,
      lastMaterialUpdateAt: true,
      liveRevisionNumber: true,
      legalRemovalCount: true,
    },
  });
  if (publish) {
    await tx.storyStatusEvent.create({
      data: {
        storyId: story.id,
        action: "publish",
        revisionNumber: number,
        actorId: actor.userId,
        reason: options.statusReason ?? null,
        createdAt: now,
      },
    });
  }

  await reviewed?.({ tx, number });

  const author = { id: actor.userId, name: actor.name };
  return {
    story: toStoryDto({
      ...updated,
      slug: story.slug,
      latestRevisionNumber: number,
      headline: content.headline,
      lastRevisedAt: now,
      lastRevisedBy: author,
    }),
    revision: {
      number,
      createdAt: now.toISOString(),
      author,
      kind: options.kind,
      baseNumber: options.baseNumber,
      summary: options.summary,
      publicNote: options.publicNote,
      internalNote,
      carriedNotes,
      removedNotes,
      credits: content.credits,
      published: publish,
      publishedAt: publishedAt?.toISOString() ?? null,
      content,
    },
  };
}
