import { z } from "zod";

/** Taking a story off the public site; the reason is kept in its status history. */
export const UnpublishStoryInput = z.strictObject({
  reason: z.string().trim().min(1, { error: "say why the story is being unpublished" }).max(1_000),
});
export type UnpublishStoryInput = z.infer<typeof UnpublishStoryInput>;
