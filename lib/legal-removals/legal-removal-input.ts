import { z } from "zod";

import { LegalRemovalNoticePlacement, LegalRemovalState } from "@/lib/db/generated/enums";
import { requiredTextInput, textInput } from "@/lib/validation/text-rules";

import { passageProblem } from "./removal-marker";

/** The fields a passage is chosen in; the removal takes it out of every stored text of the story. */
export const removalFields = ["headline", "dek", "byline", "body"] as const;
export type RemovalField = (typeof removalFields)[number];

export const removalLimits = { passage: 20_000, items: 20, reason: 5_000, notice: 1_000 } as const;

/** One thing that must go: a passage (as stored, Markdown included), a library photo, or a credited person. */
export const LegalRemovalItemInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("passage"),
      field: z.enum(removalFields, { error: "must be headline, dek, byline or body" }),
      text: textInput({ max: removalLimits.passage, trim: false }).check((context) => {
        const problem = passageProblem(context.value);
        if (problem) context.issues.push({ code: "custom", message: problem, input: context.value });
      }),
    }),
    z.strictObject({
      kind: z.literal("photo"),
      photoId: z.uuid({ error: "must be the id of a photo in this story" }),
    }),
    z.strictObject({
      kind: z.literal("contributor"),
      contributorId: z.uuid({ error: "must be the id of a contributor credited in this story" }),
    }),
  ],
  { error: "must be a passage, a photo or a contributor" },
);
export type LegalRemovalItemInput = z.infer<typeof LegalRemovalItemInput>;

/** An admin's request; a second admin approves it before anything is removed. */
export const LegalRemovalRequestInput = z.strictObject({
  items: z
    .array(LegalRemovalItemInput, { error: "must be a list of what to remove" })
    .min(1, { error: "choose at least one passage, photo or contributor to remove" })
    .max(removalLimits.items, { error: `at most ${removalLimits.items} things in one request` }),
  internalReason: requiredTextInput({
    max: removalLimits.reason,
    required: "say why (the court order, settlement or request); readers never see this",
  }),
  publicNotice: requiredTextInput({
    max: removalLimits.notice,
    required: "write the notice readers will see, e.g. “This story was edited on legal advice.”",
  }),
  noticePlacement: z.enum(LegalRemovalNoticePlacement, {
    error: "must be in_place (where the text was) or foot (at the end of the story)",
  }),
  removeFromDirectory: z.boolean().default(false),
});
export type LegalRemovalRequestInput = z.infer<typeof LegalRemovalRequestInput>;

/** Declining needs a reason for the requester; withdrawing may give one. */
export const DeclineLegalRemovalInput = z.strictObject({
  reason: requiredTextInput({ max: removalLimits.reason, required: "say why the request is declined" }),
});
export type DeclineLegalRemovalInput = z.infer<typeof DeclineLegalRemovalInput>;

export const WithdrawLegalRemovalInput = z.strictObject({
  reason: textInput({ max: removalLimits.reason }).optional(),
});
export type WithdrawLegalRemovalInput = z.infer<typeof WithdrawLegalRemovalInput>;

/** A text to check against a removal's salted digests: exactly as it was stored (for a photo, its file's SHA-256). */
export const VerifyRemovedTextInput = z.strictObject({
  text: textInput({ max: removalLimits.passage, trim: false }).min(1, { error: "paste the text to check" }),
});
export type VerifyRemovedTextInput = z.infer<typeof VerifyRemovedTextInput>;

/** Which requests a list shows: one state, one story, or all (newest first). */
export const ListLegalRemovalsInput = z.strictObject({
  state: z.enum(LegalRemovalState, { error: "must be pending, approved, withdrawn or declined" }).optional(),
  slug: z.string().min(1).max(2_000).optional(),
});
export type ListLegalRemovalsInput = z.infer<typeof ListLegalRemovalsInput>;
