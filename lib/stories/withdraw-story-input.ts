import { z } from "zod";

/**
 * Withdrawing a story: readers get its headline and this editor's note at its address (HTTP 410), as wire
 * services print "STORY WITHDRAWN" with the reason. The internal reason is optional and stays on the desk.
 */
export const WithdrawStoryInput = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, { error: "write the note readers will see in place of the story" })
    .max(2_000),
  reason: z.string().trim().max(1_000).optional(),
});
export type WithdrawStoryInput = z.infer<typeof WithdrawStoryInput>;
