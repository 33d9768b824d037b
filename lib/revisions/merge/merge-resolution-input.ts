import { z } from "zod";

import { LegalRemovalsSeenInput } from "@/lib/revisions/legal-removals-seen";
import { contentLimits } from "@/lib/revisions/revision-content";
import { textInput } from "@/lib/validation/text-rules";

/** One editor decision on a merge conflict, as the desk's server action receives it. */
export const MergeChoiceInput = z.union([
  z.strictObject({ pick: z.enum(["ours", "theirs", "both"]) }),
  z.strictObject({ text: textInput({ max: contentLimits.body, trim: false }) }),
]);

/** The editor's decisions, keyed by the conflict ids of the merge being resolved. */
export const MergeResolutionInput = z.strictObject({
  choices: z
    .record(z.string().min(1).max(100), MergeChoiceInput)
    .refine((choices) => Object.keys(choices).length <= 1_000, { error: "too many decisions" }),
  /** A decision may carry the editor's own text: refused when made before a legal removal. */
  legalRemovalsSeen: LegalRemovalsSeenInput,
});
