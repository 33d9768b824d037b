"use server";

import { deskAction } from "@/app/_support/desk-action";
import { DeskRevisionPickInput } from "@/lib/desk/desk-action-input";
import { previewRestoreScheduleChoice } from "@/lib/schedules/pending-schedule-choice";

/**
 * Read when a restore dialog opens: the schedules waiting on the story, which a restore that publishes must
 * say what to do with, and why restoring without them would be refused, if it would.
 */
export const previewRestoreScheduleAction = deskAction({
  name: "previewRestoreSchedule",
  permission: "revision:restore",
  input: DeskRevisionPickInput,
  run: async ({ actor, input: { slug, number } }) => ({
    status: "success",
    message: "",
    result: await previewRestoreScheduleChoice({ actor, slug, number }),
  }),
});
