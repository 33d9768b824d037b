import { z } from "zod";
import { NoteRemovalsInput } from "./note-removal-input";
import { contentLimits } from "./revision-content";
import { savableKinds } from "./save-revision-input";

/**
 * Making an earlier revision (say a contributor's submitted draft) live. Publishing records a new revision with
 * that content; the editor sets what readers get with it: kind (default the draft's), the public summary
 * (required unless the publication is minor or the first one) and a note. The draft's own summary stays internal.
 */
export const PublishRevisionInput = z.strictObject({
  kind: z.enum(savableKinds).optional(),
  summary: z.string().trim().min(1).max(contentLimits.summary).optional(),
  note: z.string().trim().min(1).max(contentLimits.publicNote).optional(),
  internalNote: z.string().trim().max(contentLimits.internalNote).optional(),
  removeNotes: NoteRemovalsInput.default([]),
});
export type PublishRevisionInput = z.infer<typeof PublishRevisionInput>;
