import { z } from "zod";

/**
 * What a publish does with the schedules waiting on its story, said explicitly: `ids` names every pending
 * schedule the publisher was shown (all of them, so a schedule made meanwhile is never passed over unseen);
 * `choice` "leave" publishes only the new change and lets them go out at their time, "include" publishes
 * their changes now and settles them, so they never run.
 */
export const PendingSchedulesInput = z.strictObject({
  ids: z
    .array(z.uuid({ error: "must be the id of a pending schedule of this story" }))
    .min(1, { error: "name the pending schedules" })
    .max(50),
  choice: z.enum(["leave", "include"], {
    error: 'must be "leave" (publish only this change) or "include" (publish the scheduled changes now)',
  }),
});
export type PendingSchedulesInput = z.infer<typeof PendingSchedulesInput>;
