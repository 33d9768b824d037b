import type { Task } from "graphile-worker";

import { purgeTask } from "@/lib/delivery/purge-task";
import { inboxMailJob } from "@/lib/mail/send-inbox-mail";
import { removePhotoFilesTask } from "@/lib/media/remove-photo-files";
import { liftEmbargoTask, publishScheduleTask } from "@/lib/schedules/schedule-tasks";

// The one registry of background work: each domain adds its task here under "<room>.<verb>", with a handler
// that parses its payload with zod and is safe to run more than once (jobs are retried after a failure).
export const taskList = {
  "schedules.publish": publishScheduleTask,
  "schedules.lift-embargo": liftEmbargoTask,
  // Enqueued by the trigger that records each reader-visible change (lib/delivery, migration 20261202003000).
  "delivery.purge": purgeTask,
  // Queued with the inbox items of a review act, one mail each (lib/mail/queue-inbox-mail.ts).
  "mail.inbox-item": inboxMailJob,
  // Queued by a legal removal's approval for the removed photos' object-store files (lib/legal-removals).
  "media.remove-photo-files": removePhotoFilesTask,
} satisfies Record<string, Task>;

export type TaskName = keyof typeof taskList extends never ? string : keyof typeof taskList;
