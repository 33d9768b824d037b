import { z } from "zod";
import { wholeNumberText } from "../validation/whole-number-text";

/** Which two revisions of a story to compare; query strings arrive as text. */
export const DiffRevisionsInput = z.strictObject({
  from: wholeNumberText({ example: "3", required: "is required: the number of the older revision to compare" }),
  to: wholeNumberText({ example: "4", required: "is required: the number of the newer revision to compare" }),
});
export type DiffRevisionsInput = z.infer<typeof DiffRevisionsInput>;
