import { z } from "zod";

/** Which two revisions of a story to compare; query strings arrive as text. */
export const DiffRevisionsInput = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export type DiffRevisionsInput = z.infer<typeof DiffRevisionsInput>;
