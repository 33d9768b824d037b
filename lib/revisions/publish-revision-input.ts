import { z } from "zod";

import { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";
import { requiredTextInput, textInput } from "@/lib/validation/text-rules";

import { NoteRemovalsInput } from "./publication-plan";
import { contentLimits } from "./revision-content";
import { savableKinds } from "./save-revision-input";

/**
 * Making an earlier revision (say a contributor's submitted draft) live. Publishing records a new revision
 * with that content; the editor sets what readers get with it: kind (default the draft's), the public summary
 * (required unless the publication is minor or the first one) and a note. The draft's own summary stays
 * internal. `pendingSchedules` is required while a schedule waits on the story
 * (lib/schedules/pending-schedule-choice.ts).
 */
export const PublishRevisionInput = z.strictObject({
  kind: z.enum(savableKinds).optional(),
  summary: requiredTextInput({
    max: contentLimits.summary,
    required: "leave the summary out, or say what changed",
  }).optional(),
  note: requiredTextInput({
    max: contentLimits.publicNote,
    required: "leave the note out, or write it for readers",
  }).optional(),
  internalNote: textInput({ max: contentLimits.internalNote }).optional(),
  removeNotes: NoteRemovalsInput.default([]),
  pendingSchedules: PendingSchedulesInput.optional(),
});
export type PublishRevisionInput = z.infer<typeof PublishRevisionInput>;
