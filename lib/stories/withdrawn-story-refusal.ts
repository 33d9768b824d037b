import { AppError } from "@/lib/errors/app-error";

/** Publishing into a withdrawn story: saving drafts still works, going live needs an explicit republish. */
export function withdrawnStoryRefusal(options: { slug: string }): AppError {
  return new AppError({
    code: "unprocessable",
    message: `cannot publish into withdrawn story ${options.slug}`,
    userMessage:
      "This story was withdrawn. Save your changes as a draft; it goes live again only when an editor republishes it.",
    details: { status: "withdrawn" },
  });
}
