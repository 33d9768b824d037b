import { z } from "zod";

import { StoryStatus } from "@/lib/db/generated/enums";
import { textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

/**
 * The desk's story list: search by headline or slug, filter by status, page with the previous `nextCursor`.
 */
export const ListStoriesInput = z.strictObject({
  query: textInput({ max: 200 }).optional(),
  status: z.enum(StoryStatus).optional(),
  cursor: z.string().max(200).optional(),
  limit: wholeNumberText({ example: "50", max: 100 }).default(50),
});
export type ListStoriesInput = z.infer<typeof ListStoriesInput>;
