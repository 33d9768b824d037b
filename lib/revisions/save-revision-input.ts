import { z } from "zod";

import type { RevisionKind } from "@/lib/db/generated/enums";
import { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";
import { textInput } from "@/lib/validation/text-rules";

import { LegalRemovalsSeenInput } from "./legal-removals-seen";
import { NoteRemovalsInput } from "./publication-plan";
import { missingRevisionWords } from "./publication-requirements";
import { contentLimits, RevisionContentInput } from "./revision-content";

const content = RevisionContentInput.shape;

/** Kinds a save may name; `initial` belongs to story creation and `restore` to restoring. */
export const savableKinds = [
  "update",
  "correction",
  "clarification",
  "editors_note",
  "minor",
] as const satisfies readonly RevisionKind[];

/**
 * A new revision of a story. Content fields left out are carried over from the base revision;
 * `baseRevision` is the revision the editor started from, so a stale base is caught as a conflict.
 */
export const SaveRevisionInput = z
  .strictObject({
    baseRevision: z.int({ error: "must be a whole revision number" }).min(1),
    headline: content.headline.optional(),
    dek: content.dek.unwrap().optional(),
    byline: content.byline.unwrap().optional(),
    body: content.body.optional(),
    images: content.images.unwrap().optional(),
    credits: content.credits.unwrap().optional(),
    developing: content.developing.unwrap().optional(),
    kind: z.enum(savableKinds).default("update"),
    summary: textInput({ max: contentLimits.summary }).optional(),
    note: textInput({ max: contentLimits.publicNote }).optional(),
    internalNote: textInput({ max: contentLimits.internalNote }).optional(),
    removeNotes: NoteRemovalsInput.default([]),
    publish: z.boolean().default(false),
    /**
     * With `publish`, while a schedule waits on the story: what to do with it
     * (lib/schedules/pending-schedule-choice.ts).
     */
    pendingSchedules: PendingSchedulesInput.optional(),
    /** The story's legalRemovalCount when the editor's copy was read (lib/revisions/legal-removals-seen.ts). */
    legalRemovalsSeen: LegalRemovalsSeenInput,
  })
  .superRefine((input, context) => {
    if (input.pendingSchedules && !input.publish) {
      context.addIssue({
        code: "custom",
        path: ["pendingSchedules"],
        message: "only a save that publishes decides about pending schedules",
      });
    }
    for (const missing of missingRevisionWords({
      kind: input.kind,
      summary: input.summary ?? "",
      note: input.note ?? "",
    })) {
      context.addIssue({ code: "custom", path: [missing.path], message: missing.message });
    }
  });
export type SaveRevisionInput = z.infer<typeof SaveRevisionInput>;
