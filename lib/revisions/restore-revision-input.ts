import { z } from "zod";
import { requiredTextInput } from "../validation/text-rules";
import { contentLimits } from "./revision-content";

/** Restoring revision k: a new `restore` revision with k's content; a draft unless `publish` is true. */
export const RestoreRevisionInput = z.strictObject({
  summary: requiredTextInput({ max: contentLimits.summary, required: "leave the summary out, or say why" }).optional(),
  publish: z.boolean().default(false),
});
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInput>;
