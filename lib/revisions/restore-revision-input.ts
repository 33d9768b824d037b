import { z } from "zod";
import { contentLimits } from "./revision-content";

/** Restoring revision k: a new `restore` revision with k's content; a draft unless `publish` is true. */
export const RestoreRevisionInput = z.strictObject({
  summary: z.string().trim().min(1).max(contentLimits.summary).optional(),
  publish: z.boolean().default(false),
});
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInput>;
