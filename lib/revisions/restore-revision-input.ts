import { z } from "zod";

import { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";
import { requiredTextInput, textInput } from "@/lib/validation/text-rules";

import { contentLimits } from "./revision-content";

/**
 * Restoring revision k: a new `restore` revision with k's content; a draft unless `publish` is true.
 * `confirmReverts` names what the restore knowingly takes back (published corrections by revision, the
 * "developing" label); a restore that would revert either without naming it is refused.
 */
export const RestoreRevisionInput = z.strictObject({
  summary: requiredTextInput({
    max: contentLimits.summary,
    required: "leave the summary out, or say why",
  }).optional(),
  internalNote: textInput({ max: contentLimits.internalNote }).optional(),
  publish: z.boolean().default(false),
  confirmReverts: z
    .strictObject({
      corrections: z.array(z.int().min(1)).max(500).default([]),
      developing: z.boolean().default(false),
    })
    .optional(),
  /**
   * With `publish`, while a schedule waits on the story: what to do with it
   * (lib/schedules/pending-schedule-choice.ts).
   */
  pendingSchedules: PendingSchedulesInput.optional(),
});
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInput>;
