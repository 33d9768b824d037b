import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
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
  return writeStory({
    slug,
    // Which answer the story's public address gives depends on its embargo: drop what this process kept.
    readersSeeChange: () => true,
    answer: (embargo: EmbargoDto) => embargo,
    step: async ({ tx, story }): Promise<EmbargoDto> => {
      const { embargoUntil } = await tx.story.findUniqueOrThrow({
        where: { id: story.id },
        select: { embargoUntil: true },
      });
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
