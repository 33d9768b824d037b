import { z } from "zod";

const version = z.coerce
  .number({ error: "must be a version number" })
  .int({ error: "must be a whole number" })
  .positive({ error: "must be a version number" })
  .max(2_147_483_647, { error: "is not a version of this story" });

/** Query of /stories/{slug}/history: which two published versions to compare (default: newest vs previous). */
export const PublicHistoryQueryInput = z.strictObject({
  from: version.optional(),
  to: version.optional(),
});
export type PublicHistoryQuery = z.infer<typeof PublicHistoryQueryInput>;
