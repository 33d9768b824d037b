import { z } from "zod";
import { storyStatuses } from "./story-statuses";

/** The desk's story list: search by headline or slug, filter by status, page with the previous `nextCursor`. */
export const ListStoriesInput = z.strictObject({
  query: z.string().trim().max(200).optional(),
  status: z.enum(storyStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListStoriesInput = z.infer<typeof ListStoriesInput>;
