import type { z } from "zod";
import { AppError } from "../errors/app-error";

export type FieldIssue = { path: string; message: string };

function fieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  // An unknown field is reported where it is, by name ("credits.0.nmae"), not as a problem of the whole request.
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join("."), message: "is not a field this request takes" }));
  }
  return [{ path: issue.path.map(String).join(".") || "(root)", message: issue.message }];
}

/** Parses untrusted input, or throws a validation AppError listing each failing field path. */
export function parseInput<Schema extends z.ZodType>(options: { schema: Schema; input: unknown }): z.infer<Schema> {
  const result = options.schema.safeParse(options.input);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap(fieldIssues);
  const first = fields[0];
  throw new AppError({
    code: "validation_failed",
    message: `invalid input: ${fields.map((field) => `${field.path}: ${field.message}`).join("; ")}`,
    userMessage: first ? `Please check ${first.path === "(root)" ? "the request" : first.path}: ${first.message}.` : "Please check the form.",
    details: { fields },
  });
}
