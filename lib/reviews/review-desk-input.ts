import { z } from "zod";

import { StorySlugInput } from "@/lib/stories/story-slug";

/*
 * The envelopes the desk's review actions receive: which story (and request), the double-click key, and the
 * act's own fields, which the services parse with SubmitReviewInput, DecideReviewInput, WithdrawReviewInput.
 */
const key = z.string().min(1).max(200).optional();

export const DeskSubmitReviewInput = z.strictObject({
  slug: StorySlugInput,
  idempotencyKey: key,
  review: z.record(z.string(), z.unknown()),
});

export const DeskReviewActInput = z.strictObject({
  slug: StorySlugInput,
  requestId: z.string().max(100),
  idempotencyKey: key,
  act: z.record(z.string(), z.unknown()).default({}),
});

/** The admin's rules form: a ticked checkbox posts "on", an unticked one nothing. */
export const DeskReviewRulesInput = z.object({
  contributorsNeedApproval: z
    .literal("on")
    .nullable()
    .transform((value) => value === "on"),
  correctionsNeedSecondEditor: z
    .literal("on")
    .nullable()
    .transform((value) => value === "on"),
});
