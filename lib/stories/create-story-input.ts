import { z } from "zod";

import { contentLimits, RevisionContentInput } from "@/lib/revisions/revision-content";
import { isOneOf } from "@/lib/validation/one-of";
import { requiredTextInput } from "@/lib/validation/text-rules";

export const storySlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The shape of any story's slug: what a lookup checks before it asks the database. */
export const StorySlugInput = z
  .string()
  .min(1, { error: "a story needs a slug" })
  .max(120, { error: "must be at most 120 characters" })
  .regex(storySlugPattern, { error: "use lowercase letters, digits and single hyphens only (no spaces)" });

/**
 * Slugs that name a page of their own where a story's slug would go (`/desk/stories/new` is the new-story
 * form). lib/stories/reserved-slugs.test.ts keeps this list in step with the route folders.
 */
export const reservedStorySlugs = ["new"] as const;

/** A new story's slug: the shape, and not a word the site's routes already use. */
export const NewStorySlugInput = StorySlugInput.refine((slug) => !isOneOf(reservedStorySlugs, slug), {
  error: (issue) => `“${String(issue.input)}” is the address of a desk page; choose another slug`,
});

/** A new story: its slug, first content and credits; a draft unless `publish` is true. */
export const CreateStoryInput = RevisionContentInput.extend({
  slug: NewStorySlugInput,
  publish: z.boolean().default(false),
  summary: requiredTextInput({
    max: contentLimits.summary,
    required: "leave the summary out, or say what this version is",
  }).optional(),
});
export type CreateStoryInput = z.infer<typeof CreateStoryInput>;
