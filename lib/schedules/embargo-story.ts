import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";
import { writeStory } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { queueEmbargoJob } from "./embargo-jobs";
import { labelInstant } from "./newsroom-local-time";
import { resolveScheduleTime } from "./resolve-schedule-time";
import { databaseNow, recordScheduleEvent } from "./schedule-history";
import { EmbargoInput } from "./schedule-input";

export type EmbargoDto = { slug: string; embargoUntil: string | null };

/**
 * Puts a story under embargo until a time (typed like a schedule's), or moves the embargo. Until it lifts,
 * nothing of the story is public on any surface (lib/public/public-visibility.ts), though the desk may
 * publish it meanwhile. Only a story readers have not seen can be embargoed: what is out cannot be called
 * back, and an update to a live story is held back by scheduling it instead.
 */
export async function embargoStory(options: {
  actor: Actor;
  slug: string;
  input: unknown;
}): Promise<EmbargoDto> {
  const { actor, slug } = options;
  assertCan({ actor, permission: "embargo:manage" });
  const input = parseInput({ schema: EmbargoInput, input: options.input });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  return changeEmbargo({
    slug,
    change: async ({ tx, story, embargoUntil }) => {
      if (story.firstPublishedAt !== null && embargoUntil === null) {
        throw new AppError({
          code: "unprocessable",
          message: `embargo on released story ${slug} refused`,
          userMessage:
            "Readers have already seen this story, so it cannot be put under embargo. To hold back an update, schedule it.",
        });
      }
      const now = await databaseNow({ tx });
      const until = resolveScheduleTime({ input, zone, now, what: "This embargo" });
      await tx.story.update({ where: { id: story.id }, data: { embargoUntil: until } });
      await recordScheduleEvent({
        tx,
        storyId: story.id,
        action: "embargo",
        actorId: actor.userId,
        revisionNumber: story.liveRevisionNumber,
        reason: embargoUntil
          ? `Embargo moved from ${labelInstant({ instant: embargoUntil, zone })} to ${labelInstant({ instant: until, zone })}.`
          : `Under embargo until ${labelInstant({ instant: until, zone })}.`,
        at: now,
      });
      await queueEmbargoJob({ tx, storyId: story.id, runAt: until });
      return { slug, embargoUntil: until.toISOString() };
    },
  });
}

/**
 * A change to a story's embargo (putting, moving or lifting it), under the story's lock and from the embargo
 * it has now. Which answer the story's public address gives depends on its embargo: every change drops what
 * this process kept of the story.
 */
export async function changeEmbargo(options: {
  slug: string;
  change: (locked: {
    tx: Prisma.TransactionClient;
    story: LockedStory;
    embargoUntil: Date | null;
  }) => Promise<EmbargoDto>;
}): Promise<EmbargoDto> {
  return writeStory({
    slug: options.slug,
    readersSeeChange: () => true,
    answer: (embargo: EmbargoDto) => embargo,
    step: async ({ tx, story }): Promise<EmbargoDto> => {
      const { embargoUntil } = await tx.story.findUniqueOrThrow({
        where: { id: story.id },
        select: { embargoUntil: true },
      });
      return options.change({ tx, story, embargoUntil });
    },
  });
}
