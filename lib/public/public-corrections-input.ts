import { z } from "zod";

/** `/corrections?before=<ISO instant>`: the next page of older entries. */
export const PublicCorrectionsQueryInput = z.strictObject({
  before: z.iso.datetime({ offset: true, error: "that is not a page of the corrections list" }).optional(),
});
export type PublicCorrectionsQueryInput = z.infer<typeof PublicCorrectionsQueryInput>;
