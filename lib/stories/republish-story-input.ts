import { z } from "zod";

/** Putting an unpublished story back in front of readers; the reason is kept in its status history. */
export const RepublishStoryInput = z.strictObject({
  reason: z.string().trim().min(1, { error: "say why the story is going back up" }).max(1_000),
});
export type RepublishStoryInput = z.infer<typeof RepublishStoryInput>;
