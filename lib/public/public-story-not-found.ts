import { AppError } from "@/lib/errors/app-error";

/** Unknown, draft-only and unpublished stories look the same to readers: not found. */
export function publicStoryNotFound(options: { slug: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `no published story ${JSON.stringify(options.slug)}`,
    userMessage: "There is no story at this address.",
    details: { slug: options.slug },
  });
}
