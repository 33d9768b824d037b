import { z } from "zod";
import { StorySlugInput } from "../stories/create-story-input";
import { textInput } from "../validation/text-rules";

/**
 * The envelopes the desk's server actions receive. The revision fields inside are parsed by the revision
 * services themselves (SaveRevisionInput, CreateStoryInput …); these only pin down which story and revision.
 */
export const DeskSaveRevisionInput = z.strictObject({
  slug: StorySlugInput,
  idempotencyKey: z.string().min(1).max(200).optional(),
  revision: z.record(z.string(), z.unknown()),
});
export type DeskSaveRevisionInput = z.infer<typeof DeskSaveRevisionInput>;

export const DeskRevisionRefInput = z.strictObject({
  slug: StorySlugInput,
  number: z.int().min(1),
  summary: textInput({ max: 500 }).optional(),
  publish: z.boolean().optional(),
});
export type DeskRevisionRefInput = z.infer<typeof DeskRevisionRefInput>;

/** Taking a story off the public site (with the reason kept in its status history), or putting it back. */
export const DeskStoryStatusInput = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("unpublish"), slug: StorySlugInput, reason: textInput({ max: 1_000 }) }),
  z.strictObject({ action: z.literal("republish"), slug: StorySlugInput }),
]);
export type DeskStoryStatusInput = z.infer<typeof DeskStoryStatusInput>;
