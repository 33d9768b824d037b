import { AppError } from "../errors/app-error";

export function storyNotFound(options: { slug: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `story ${JSON.stringify(options.slug)} not found`,
    userMessage: "There is no story at this address.",
    details: { slug: options.slug },
  });
}
