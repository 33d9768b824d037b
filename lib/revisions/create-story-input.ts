import { z } from "zod";

import { NewStorySlugInput } from "@/lib/stories/story-slug";
import { requiredTextInput } from "@/lib/validation/text-rules";

import { contentLimits, RevisionContentInput } from "./revision-content";

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
