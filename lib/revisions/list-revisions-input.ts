import { z } from "zod";

import { wholeNumberText } from "@/lib/validation/whole-number-text";

/** A page of history: `cursor` is the opaque `nextCursor` of the previous page. Query strings arrive as text. */
export const ListRevisionsInput = z.strictObject({
  cursor: z.union([z.string(), z.number()]).optional(),
  limit: wholeNumberText({ example: "20", max: 100 }).default(20),
});
export type ListRevisionsInput = z.infer<typeof ListRevisionsInput>;
