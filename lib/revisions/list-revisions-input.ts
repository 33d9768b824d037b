import { z } from "zod";

/** A page of history: `cursor` is the opaque `nextCursor` of the previous page. Query strings arrive as text. */
export const ListRevisionsInput = z.strictObject({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListRevisionsInput = z.infer<typeof ListRevisionsInput>;
