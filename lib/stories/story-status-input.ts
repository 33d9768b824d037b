import { z } from "zod";

import { requiredTextInput, textInput } from "@/lib/validation/text-rules";

/** Taking a story off the public site; the reason is kept in its status history. */
export const UnpublishStoryInput = z.strictObject({
  reason: requiredTextInput({ max: 1_000, required: "say why the story is being unpublished" }),
});
export type UnpublishStoryInput = z.infer<typeof UnpublishStoryInput>;

/** Putting an unpublished story back in front of readers; the reason is kept in its status history. */
export const RepublishStoryInput = z.strictObject({
  reason: requiredTextInput({ max: 1_000, required: "say why the story is going back up" }),
});
export type RepublishStoryInput = z.infer<typeof RepublishStoryInput>;

/**
 * Withdrawing a story: readers get its headline and this editor's note at its address (HTTP 410), as wire
 * services print "STORY WITHDRAWN" with the reason. The internal reason is optional and stays on the desk.
 */
export const WithdrawStoryInput = z.strictObject({
  note: requiredTextInput({ max: 2_000, required: "write the note readers will see in place of the story" }),
  reason: textInput({ max: 1_000 }).optional(),
});
export type WithdrawStoryInput = z.infer<typeof WithdrawStoryInput>;
