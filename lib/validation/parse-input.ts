import type { z } from "zod";
import { AppError } from "../errors/app-error";

export type FieldIssue = { path: string; message: string };

/** Parses untrusted input, or throws a validation AppError listing each failing field path. */
export function parseInput<Schema extends z.ZodType>(options: { schema: Schema; input: unknown }): z.infer<Schema> {
  const result = options.schema.safeParse(options.input);
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  const first = fields[0];
  throw new AppError({
    code: "validation_failed",
    message: `invalid input: ${fields.map((field) => `${field.path}: ${field.message}`).join("; ")}`,
    userMessage: first ? `Please check ${first.path === "(root)" ? "the request" : first.path}: ${first.message}.` : "Please check the form.",
    details: { fields },
  });
}
