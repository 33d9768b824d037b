import { z } from "zod";

import { StoryStatus } from "@/lib/db/generated/enums";
import { textInput } from "@/lib/validation/text-rules";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

/**
 * Where stories stand in review (lib/reviews): the newest request waiting, sent back, or approved with text
 * readers do not have yet; or any revision saved after the live one (or nothing live yet).
 */
export const storyReviewFilters = [
  "in_review",
  "changes_requested",
  "approved_unpublished",
  "unpublished_drafts",
] as const;
export type StoryReviewFilter = (typeof storyReviewFilters)[number];

/**
 * The desk's story list: search by headline or slug, filter by status or review, page with the previous
 * `nextCursor`.
 */
export const ListStoriesInput = z.strictObject({
  query: textInput({ max: 200 }).optional(),
  status: z.enum(StoryStatus).optional(),
  review: z.enum(storyReviewFilters).optional(),
  cursor: z.string().max(200).optional(),
  limit: wholeNumberText({ example: "50", max: 100 }).default(50),
});
export type ListStoriesInput = z.infer<typeof ListStoriesInput>;
