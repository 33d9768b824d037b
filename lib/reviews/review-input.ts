import { z } from "zod";

import { requiredTextInput, textInput } from "@/lib/validation/text-rules";

/** The most reviewers one request names: a desk, not a mailing list. */
export const maxReviewers = 10;

/**
 * Asking for review: which revision (the newest saved one when left out), whom to ask (editors or admins;
 * nobody named = any editor) and an optional note for them.
 */
export const SubmitReviewInput = z.strictObject({
  revision: z
    .int({ error: "must be a revision number" })
    .min(1, { error: "must be a revision number" })
    .optional(),
  reviewers: z
    .array(z.uuid({ error: "must be the id of an editor" }), { error: "must be a list of editors' ids" })
    .max(maxReviewers, { error: `name at most ${maxReviewers} reviewers` })
    .default([]),
  note: textInput({ max: 2_000 }).optional(),
});
export type SubmitReviewInput = z.infer<typeof SubmitReviewInput>;

/** An editor's decision on a request: approve (a note is welcome), or request changes (a note is required). */
export const DecideReviewInput = z.discriminatedUnion(
  "decision",
  [
    z.strictObject({ decision: z.literal("approve"), note: textInput({ max: 2_000 }).optional() }),
    z.strictObject({
      decision: z.literal("request_changes"),
      note: requiredTextInput({ max: 2_000, required: "say what needs to change" }),
    }),
  ],
  { error: "must be “approve” or “request_changes”" },
);
export type DecideReviewInput = z.infer<typeof DecideReviewInput>;

/** Withdrawing a waiting request; the reason is optional and kept in the review history. */
export const WithdrawReviewInput = z.strictObject({ note: textInput({ max: 2_000 }).optional() });
export type WithdrawReviewInput = z.infer<typeof WithdrawReviewInput>;

/** The newsroom's review rules, both stated every time (an admin sets them on one form). */
export const ReviewRulesInput = z.strictObject({
  contributorsNeedApproval: z.boolean({ error: "must be true or false" }),
  correctionsNeedSecondEditor: z.boolean({ error: "must be true or false" }),
});
export type ReviewRulesInput = z.infer<typeof ReviewRulesInput>;
