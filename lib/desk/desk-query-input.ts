import { z } from "zod";

import { StoryStatus } from "@/lib/db/generated/enums";
import { storyReviewFilters } from "@/lib/stories/list-stories-input";
import { wholeNumberText } from "@/lib/validation/whole-number-text";

// Query strings are typed by hand into address bars: anything malformed falls back to "not given".
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const revisionNumber = wholeNumberText({ example: "3" }).optional().catch(undefined);

/** The desk story list's query string. */
export const DeskStoriesQueryInput = z.object({
  q: text(200),
  status: z.enum(StoryStatus).optional().catch(undefined),
  review: z.enum(storyReviewFilters).optional().catch(undefined),
  cursor: text(200),
});

/** A story history page's query string. */
export const DeskHistoryQueryInput = z.object({ cursor: revisionNumber });

/** The compare screen's query string: two revisions and how to lay out the text. */
export const DeskCompareQueryInput = z.object({
  from: revisionNumber,
  to: revisionNumber,
  view: z.enum(["inline", "side"]).optional().catch(undefined),
});

/** Next.js hands repeated parameters over as arrays; the first one counts. */
export function firstValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}
