import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";
import { writeStory } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { dropEmbargoJob } from "./embargo-jobs";
import { changeEmbargo, type EmbargoDto } from "./embargo-story";
import { labelInstant } from "./newsroom-local-time";
import { databaseNow, recordScheduleEvent } from "./schedule-history";
import { LiftEmbargoInput } from "./schedule-input";

/**
 * Ends an embargo: the story becomes public (if it is published), and the times readers see start now: a
 * story published while under embargo went out to readers at this moment, so its first publication is stamped
 * now and nothing published before reads as an "Updated". Caller holds the story lock.
 */
async function release(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  now: Date;
  actorId: string;
  reason: string;
}): Promise<void> {
  const { tx, story, now } = options;
  await tx.story.update({
    where: { id: story.id },
    data: {
      embargoUntil: null,
      ...(story.firstPublishedAt !== null ? { firstPublishedAt: now, lastMaterialUpdateAt: null } : {}),
    },
  });
  await recordScheduleEvent({
    tx,
    storyId: story.id,
    action: "lift_embargo",
    actorId: options.actorId,
    revisionNumber: story.liveRevisionNumber,
    reason: options.reason,
    at: now,
  });
}

/** Lifting an embargo before its time: an explicit act by an editor, with a reason, kept in the history. */
export async function liftEmbargo(options: {
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<EmbargoDto> {
  const { actor, slug } = options;
  assertCan({ actor, permission: "embargo:manage" });
  const { reason } = parseInput({ schema: LiftEmbargoInput, input: options.input });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  return changeEmbargo({
    slug,
    change: async ({ tx, story, embargoUntil }) => {
      if (embargoUntil === null) {
        throw new AppError({
          code: "unprocessable",
          message: `story ${slug} is not under embargo`,
          userMessage: "This story is not under embargo.",
        });
      }
      const now = await databaseNow({ tx });
      await release({
        tx,
        story,
        now,
        actorId: actor.userId,
        reason: `Lifted early, before ${labelInstant({ instant: embargoUntil, zone })}: ${reason}`,
      });
      await dropEmbargoJob({ tx, storyId: story.id });
      return { slug, embargoUntil: null };
    },
  });
}

export type EmbargoLift =
  | { outcome: "lifted"; slug: string }
  | { outcome: "skipped"; reason: "missing" | "not_embargoed" | "not_due" };

/**
 * The embargo's job: at its time, lifts it in the name of the editor who set it. Safe to run twice or late
 * (a moved embargo's old job finds it not yet due; a lifted one finds nothing to do).
 */
export async function liftDueEmbargo(options: { storyId: string }): Promise<EmbargoLift> {
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  // A slug never changes: the story is locked by the one it has now.
  const found = await getDb().story.findUnique({ where: { id: options.storyId }, select: { slug: true } });
  if (!found) return { outcome: "skipped", reason: "missing" };
  return writeStory({
    slug: found.slug,
    readersSeeChange: (lift: EmbargoLift) => lift.outcome === "lifted",
    answer: (lift: EmbargoLift) => lift,
    step: async ({ tx, story }): Promise<EmbargoLift> => {
      const { embargoUntil } = await tx.story.findUniqueOrThrow({
        where: { id: story.id },
        select: { embargoUntil: true },
      });
      if (embargoUntil === null) return { outcome: "skipped", reason: "not_embargoed" };
      const now = await databaseNow({ tx });
      if (embargoUntil.getTime() > now.getTime()) return { outcome: "skipped", reason: "not_due" };
      const placed = await tx.storyStatusEvent.findFirstOrThrow({
        where: { storyId: story.id, action: "embargo" },
        orderBy: { createdAt: "desc" },
        select: { actorId: true },
      });
      await release({
        tx,
        story,
        now,
        actorId: placed.actorId,
        reason: `Embargo ended (set for ${labelInstant({ instant: embargoUntil, zone })}).`,
      });
      return { outcome: "lifted", slug: story.slug };
    },
  });
}

/** The desk's view of a story's embargo. */
export async function readEmbargo(options: { actor: Actor; slug: string }): Promise<Date | null> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const row = await getDb().story.findUnique({
    where: { slug: options.slug },
    select: { embargoUntil: true },
  });
  return row?.embargoUntil ?? null;
}
