import { AppError } from "@/lib/errors/app-error";

import { StorySlugInput } from "./create-story-input";

export function storyNotFound(options: { slug: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `story ${JSON.stringify(options.slug)} not found`,
    userMessage: "There is no story at this address.",
    details: { slug: options.slug },
  });
}

/**
 * Throws not_found for a slug no story can have (a NUL, a space, 500 characters …) before it reaches the
 * database, which could not even compare some of them.
 */
export function assertPossibleSlug(options: { slug: string }): void {
  if (!StorySlugInput.safeParse(options.slug).success) throw storyNotFound({ slug: options.slug });
}
