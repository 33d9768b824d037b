import { z } from "zod";

import { wholeNumberText } from "@/lib/validation/whole-number-text";

/** Which two revisions of a story to compare; query strings arrive as text. */
export const DiffRevisionsInput = z.strictObject({
  from: wholeNumberText({
    example: "3",
    required: "give the number of the older revision, as in ?from=3&to=4",
  }),
  to: wholeNumberText({
    example: "4",
    required: "give the number of the newer revision, as in ?from=3&to=4",
  }),
});
export type DiffRevisionsInput = z.infer<typeof DiffRevisionsInput>;
