import "server-only";
import type { Actor } from "../auth/actor";
import type { StatusAction } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { writeTransaction } from "../revisions/write-transaction";
import { lockStory } from "./lock-story";
import { readStory } from "./read-story";
import type { StoryDto } from "./story-dto";

/**
 * Moves a story between published and unpublished, appending the change to its status history in the same
 * transaction. Only the status moves: the live revision and the reader's "Updated" instant stay as they were.
 */
export async function changeStoryStatus(options: {
  actor: Actor;
  slug: string;
  action: Exclude<StatusAction, "publish">;
  reason: string | null;
}): Promise<StoryDto> {
  const { actor, slug, action } = options;
  await writeTransaction({
    work: async (tx) => {
      const story = await lockStory({ tx, slug });
      const from = action === "unpublish" ? "published" : "unpublished";
      if (story.status !== from) {
        throw new AppError({
          code: "unprocessable",
          message: `cannot ${action} story ${slug} in status ${story.status}`,
          userMessage:
            action === "unpublish" ? "This story is not published, so it cannot be unpublished." : "Only an unpublished story can be republished.",
          details: { status: story.status },
        });
      }
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [{ now: Date }];
      await tx.story.update({ where: { id: story.id }, data: { status: action === "unpublish" ? "unpublished" : "published" } });
      await tx.storyStatusEvent.create({
        data: { storyId: story.id, action, revisionNumber: story.liveRevisionNumber, actorId: actor.userId, reason: options.reason, createdAt: now },
      });
    },
  });
  return (await readStory({ slug })).story;
}
