import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/story";

/**
 * The story's `legalRemovalCount` as the client last read it, sent with every save that carries content the
 * client holds (the desk's editor, the API, a merge resolution). Text removed on legal advice is gone from the
 * database, but not from a browser tab opened before, a local draft or an API client's copy: a save from such
 * a copy would bring it back. Optional, so a story that never had a removal saves as it always did.
 */
export const LegalRemovalsSeenInput = z
  .int({ error: "must be the story's legalRemovalCount, a whole number" })
  .min(0, { error: "must be the story's legalRemovalCount, a whole number" })
  .optional();

/**
 * Refuses a save made from a copy older than the story's last legal removal, or one that does not say which
 * removals it has seen once the story has had any. Runs under the story's lock, before anything is compared
 * or merged with the client's content.
 */
export function refuseUnseenRemovals(options: {
  story: Pick<LockedStory, "slug" | "legalRemovalCount">;
  seen: number | undefined;
}): void {
  const { story, seen } = options;
  const count = story.legalRemovalCount;
  if (seen !== undefined && seen > count)
    throw new AppError({
      code: "unprocessable",
      message: `legalRemovalsSeen ${seen} on story ${story.slug}, which has had ${count}`,
      userMessage: `This story has had ${count} legal removal${count === 1 ? "" : "s"}, not ${seen}: send the story's legalRemovalCount as you read it.`,
      details: { fields: [{ path: "legalRemovalsSeen", message: `the story's count is ${count}` }] },
    });
  if (count === 0 || seen === count) return;
  throw new AppError({
    code: "conflict",
    message: `save on story ${story.slug} from a copy made before legal removal ${count} (seen: ${seen ?? "absent"})`,
    userMessage:
      "Text was removed from this story on legal advice after your copy was made, so your copy could bring it back. Reload the story, then make your changes again.",
    details: { reason: "legal_removal", legalRemovalCount: count },
  });
}
