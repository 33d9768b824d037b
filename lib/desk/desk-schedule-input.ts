import { z } from "zod";

import { StorySlugInput } from "@/lib/stories/story-slug";

/**
 * The envelopes of the desk's schedule and embargo actions; the fields inside are parsed by lib/schedules.
 */
export const DeskScheduleInput = z.strictObject({
  slug: StorySlugInput,
  schedule: z.record(z.string(), z.unknown()),
});
export const DeskScheduleRefInput = z.strictObject({
  slug: StorySlugInput,
  scheduleId: z.string().min(1).max(100),
  time: z.record(z.string(), z.unknown()).optional(),
});
export const DeskEmbargoInput = z.strictObject({
  slug: StorySlugInput,
  embargo: z.record(z.string(), z.unknown()),
});
export const DeskResolveHeldScheduleInput = z.strictObject({
  slug: StorySlugInput,
  scheduleId: z.string().min(1).max(100),
  resolution: z.record(z.string(), z.unknown()),
});
