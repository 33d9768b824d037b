import { z } from "zod";
import { requiredTextInput } from "../validation/text-rules";
import { contentLimits } from "./revision-content";
import { savableKinds } from "./save-revision-input";

/**
 * Making an earlier revision (say a contributor's submitted draft) live. Publishing records a new revision with
 * that content, so kind, summary and note may be given for it; left out, they come from the draft.
 */
export const PublishRevisionInput = z.strictObject({
  kind: z.enum(savableKinds).optional(),
  summary: requiredTextInput({ max: contentLimits.summary, required: "leave the summary out, or say what changed" }).optional(),
  note: requiredTextInput({ max: contentLimits.publicNote, required: "leave the note out, or write it for readers" }).optional(),
});
export type PublishRevisionInput = z.infer<typeof PublishRevisionInput>;
