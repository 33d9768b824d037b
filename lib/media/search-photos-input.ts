import { z } from "zod";

import { textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD" });

/** The photo library's search: words in caption, credit or creator, and a range of days taken (or uploaded). */
export const SearchPhotosInput = z.strictObject({
  q: textInput({ max: 200 }).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: wholeNumberText({ example: "48", max: 200 }).default(48),
});
export type SearchPhotosInput = z.infer<typeof SearchPhotosInput>;
