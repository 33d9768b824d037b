import { z } from "zod";

import { isOneOf } from "@/lib/validation/one-of";

const storySlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The shape of any story's slug: what a lookup checks before it asks the database. */
export const StorySlugInput = z
  .string()
  .min(1, { error: "a story needs a slug" })
  .max(120, { error: "must be at most 120 characters" })
  .regex(storySlugPattern, { error: "use lowercase letters, digits and single hyphens only (no spaces)" });

/**
 * Slugs that name a page of their own where a story's slug would go (`/desk/stories/new` is the new-story
 * form). lib/validation/text-rules.test.ts keeps this list in step with the route folders.
 */
export const reservedStorySlugs = ["new"] as const;

/** A new story's slug: the shape, and not a word the site's routes already use. */
export const NewStorySlugInput = StorySlugInput.refine((slug) => !isOneOf(reservedStorySlugs, slug), {
  error: (issue) => `“${String(issue.input)}” is the address of a desk page; choose another slug`,
});
