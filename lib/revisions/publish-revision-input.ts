import { z } from "zod";
import { contentLimits } from "./revision-content";
import { savableKinds } from "./save-revision-input";

/**
 * Making an earlier revision (say a contributor's submitted draft) live. Publishing records a new revision with
 * that content, so kind, summary and note may be given for it; left out, they come from the draft.
 */
export const PublishRevisionInput = z.strictObject({
  kind: z.enum(savableKinds).optional(),
  summary: z.string().trim().min(1).max(contentLimits.summary).optional(),
  note: z.string().trim().min(1).max(contentLimits.publicNote).optional(),
});
export type PublishRevisionInput = z.infer<typeof PublishRevisionInput>;
