import { z } from "zod";

import { StorySlugInput } from "@/lib/stories/story-slug";
import { textInput } from "@/lib/validation/text-rules";

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

/**
 * Publishing or restoring revision `number`; the options inside are parsed by the service's own input schema.
 */
export const DeskRevisionRefInput = z.strictObject({
  slug: StorySlugInput,
  number: z.int().min(1),
  idempotencyKey: z.string().min(1).max(200).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type DeskRevisionRefInput = z.infer<typeof DeskRevisionRefInput>;

/** Which revision's restore the dialog asks about. */
export const DeskRevisionPickInput = z.strictObject({ slug: StorySlugInput, number: z.int().min(1) });

/** Taking a story off the public site or putting it back, each with the reason kept in its status history. */
export const DeskStoryStatusInput = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("unpublish"),
    slug: StorySlugInput,
    reason: textInput({ max: 1_000 }),
    idempotencyKey: z.string().min(1).max(200).optional(),
  }),
  z.strictObject({
    action: z.literal("republish"),
    slug: StorySlugInput,
    reason: textInput({ max: 1_000 }),
    idempotencyKey: z.string().min(1).max(200).optional(),
  }),
]);
export type DeskStoryStatusInput = z.infer<typeof DeskStoryStatusInput>;

/** Withdrawing a story with an editor's note to readers (see WithdrawStoryInput for the note itself). */
export const DeskWithdrawStoryInput = z.strictObject({
  slug: StorySlugInput,
  note: textInput({ max: 2_000 }),
  reason: textInput({ max: 1_000 }),
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type DeskWithdrawStoryInput = z.infer<typeof DeskWithdrawStoryInput>;

/** Which story's confirmation asks what would go out (the live revision and the drafts since it). */
export const DeskOutgoingInput = z.strictObject({ slug: StorySlugInput });
