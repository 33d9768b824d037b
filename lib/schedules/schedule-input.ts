import { z } from "zod";

import { MergeResolutionInput } from "@/lib/revisions/merge/merge-resolution-input";
import { PublishRevisionInput } from "@/lib/revisions/publish-revision-input";
import { requiredTextInput } from "@/lib/validation/text-rules";

/**
 * When a schedule runs, as a person types it: `localTime` is a wall-clock time in the newsroom's zone
 * ("2026-03-08T09:30"); `fold` says which of the two when the clocks go back and the time happens twice.
 * An API client may send an exact `runAt` instant with its offset ("2026-03-08T14:30:00Z") instead. Spread
 * into every input that carries such a time, so each reads and refuses it in the same words.
 */
const scheduleTimeFields = {
  localTime: z.string().trim().max(40).optional(),
  fold: z.enum(["earlier", "later"], { error: 'must be "earlier" or "later"' }).optional(),
  runAt: z.iso
    .datetime({
      offset: true,
      error: "must be an ISO 8601 instant with an offset, such as 2026-03-08T14:30:00Z",
    })
    .optional(),
};

const oneTimeMessage =
  "give either localTime (newsroom time) or runAt (an exact instant), not both or neither";

/** A time is given one way: in newsroom time or as an exact instant, not both or neither. */
function givesOneTime(input: { localTime?: string; runAt?: string }): boolean {
  return (input.localTime === undefined) !== (input.runAt === undefined);
}

export const ScheduleTimeInput = z
  .strictObject(scheduleTimeFields)
  .refine(givesOneTime, { error: oneTimeMessage, path: ["localTime"] });
export type ScheduleTimeInput = z.infer<typeof ScheduleTimeInput>;

/** Scheduling revision `revision` of a story; what readers get with it is set as for a manual publish. */
export const CreateScheduleInput = z.strictObject({
  revision: z.int({ error: "must be a revision number" }).min(1, { error: "must be a revision number" }),
  ...scheduleTimeFields,
  kind: PublishRevisionInput.shape.kind,
  summary: PublishRevisionInput.shape.summary,
  note: PublishRevisionInput.shape.note,
});
export type CreateScheduleInput = z.infer<typeof CreateScheduleInput>;

export const RescheduleInput = ScheduleTimeInput;
export type RescheduleInput = ScheduleTimeInput;

/** Embargo until a time; typed like a schedule's time. */
export const EmbargoInput = z.strictObject(scheduleTimeFields);
export type EmbargoInput = z.infer<typeof EmbargoInput>;

/** Lifting an embargo early is a deliberate act, so it says why. */
export const LiftEmbargoInput = z.strictObject({
  reason: requiredTextInput({ max: 1_000, required: "say why the embargo is lifted early" }),
});
export type LiftEmbargoInput = z.infer<typeof LiftEmbargoInput>;

/**
 * Settling a held schedule (the desk's merge view, or the API): a decision for each conflict of the merge
 * against `againstRevision` — the story's newest revision as the editor saw it, so a story that moved on
 * meanwhile is refused instead of merged blind — and what to do with the merged text: schedule it (a time, as
 * when scheduling) or publish it now. `summary` replaces the schedule's summary for readers.
 */
export const ResolveHeldScheduleInput = z
  .strictObject({
    againstRevision: z
      .int({ error: "must be a revision number" })
      .min(1, { error: "must be a revision number" }),
    choices: MergeResolutionInput.shape.choices,
    legalRemovalsSeen: MergeResolutionInput.shape.legalRemovalsSeen,
    action: z.enum(["schedule", "publish"], { error: 'must be "schedule" or "publish"' }),
    ...scheduleTimeFields,
    summary: PublishRevisionInput.shape.summary,
    removeNotes: PublishRevisionInput.shape.removeNotes,
  })
  .superRefine((input, context) => {
    const timed = input.localTime !== undefined || input.runAt !== undefined;
    if (input.action === "schedule" && !givesOneTime(input)) {
      context.addIssue({ code: "custom", path: ["localTime"], message: oneTimeMessage });
    }
    if (input.action === "publish" && (timed || input.fold !== undefined)) {
      context.addIssue({
        code: "custom",
        path: ["localTime"],
        message: "publishing now takes no time; leave localTime, fold and runAt out",
      });
    }
  });
export type ResolveHeldScheduleInput = z.infer<typeof ResolveHeldScheduleInput>;
