import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { lockStory } from "../stories/lock-story";
import { readStory } from "../stories/read-story";
import { parseInput } from "../validation/parse-input";
import { appendRevision } from "./append-revision";
import { readRevision } from "./read-revision";
import { RestoreRevisionInput } from "./restore-revision-input";
import type { SaveRevisionResult } from "./save-revision";
import { writeTransaction } from "./write-transaction";

/**
 * Restores revision `number`: a new revision of kind `restore` carrying that revision's content on top of the
 * newest, so history stays whole. A draft unless `publish` is true. Restoring the content the newest revision
 * already has writes nothing, unless it is asked to go live and the newest is not live yet.
 */
export async function restoreRevision(
  options: { actor: Actor; slug: string; number: number } & Partial<RestoreRevisionInput>,
): Promise<SaveRevisionResult> {
  const { actor, slug, number } = options;
  assertCan({ actor, permission: "revision:restore" });
  const input = parseInput({ schema: RestoreRevisionInput, input: { summary: options.summary, publish: options.publish } });
  if (input.publish) assertCan({ actor, permission: "revision:publish" });

  const attempt = await writeTransaction({
    work: async (tx) => {
      const story = await lockStory({ tx, slug });
      // One query at a time: a transaction owns a single connection.
      const { revision: source, contentHash } = await readRevision({ tx, storyId: story.id, number });
      const newest = await tx.revision.findUniqueOrThrow({
        where: { storyId_number: { storyId: story.id, number: story.latestRevisionNumber } },
        select: { contentHash: true },
      });
      const publishesDraft = input.publish && story.liveRevisionNumber !== story.latestRevisionNumber;
      if (contentHash === newest.contentHash && !publishesDraft) return { type: "unchanged" as const, storyId: story.id };
      const appended = await appendRevision({
        tx,
        story,
        actor,
        content: source.content,
        kind: "restore",
        summary: input.summary ?? `Restored revision ${number}`,
        publicNote: null,
        baseNumber: story.latestRevisionNumber,
        publish: input.publish,
      });
      return { type: "created" as const, ...appended };
    },
  });

  if (attempt.type === "created") return { outcome: "created", story: attempt.story, revision: attempt.revision };
  const { story } = await readStory({ slug });
  const { revision } = await readRevision({ storyId: attempt.storyId, number: story.latestRevisionNumber });
  return { outcome: "unchanged", story, revision };
}
