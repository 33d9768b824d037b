import { z } from "zod";
import { RevisionContentInput, contentLimits } from "../revisions/revision-content";

export const storySlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const StorySlugInput = z
  .string()
  .min(1, { error: "a story needs a slug" })
  .max(120, { error: "must be at most 120 characters" })
  .regex(storySlugPattern, { error: "use lowercase letters, digits and single hyphens only (no spaces)" });

/** A new story: its slug, first content and credits; a draft unless `publish` is true. */
export const CreateStoryInput = RevisionContentInput.extend({
  slug: StorySlugInput,
  publish: z.boolean().default(false),
  summary: z.string().trim().min(1).max(contentLimits.summary).optional(),
});
export type CreateStoryInput = z.infer<typeof CreateStoryInput>;
