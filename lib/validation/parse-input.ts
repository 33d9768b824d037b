import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";

export type FieldIssue = { path: string; message: string };

function fieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  // An unknown field is reported where it is, by name ("credits.0.nmae"), not as a problem of the whole
  // request.
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...issue.path, key].map(String).join("."),
      message: "is not a field this request takes",
    }));
  }
  return [{ path: issue.path.map(String).join(".") || "(root)", message: issue.message }];
}

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

const units: Record<string, string> = { string: " characters", array: " items" };

/**
 * Sentences for the checks a schema leaves without a message of its own, instead of zod's defaults
 * ("Invalid input: expected string, received undefined"). Messages a schema sets always win.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "is required"
        : `must be ${typeNames[issue.expected] ?? issue.expected}`;
    case "too_small":
      return `must ${issue.origin === "array" ? "have" : "be"} at least ${String(issue.minimum)}${units[String(issue.origin)] ?? ""}`;
    case "too_big":
      return `must ${issue.origin === "array" ? "have" : "be"} at most ${String(issue.maximum)}${units[String(issue.origin)] ?? ""}`;
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_union":
      return "is not in a form this field takes";
    default:
      return undefined;
  }
}

/** Parses untrusted input, or throws a validation AppError listing each failing field path. */
export function parseInput<Schema extends z.ZodType>(options: {
  schema: Schema;
  input: unknown;
}): z.infer<Schema> {
  const result = options.schema.safeParse(options.input, { error: plainMessage });
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap(fieldIssues);
  const first = fields[0];
  throw new AppError({
    code: "validation_failed",
    message: `invalid input: ${fields.map((field) => `${field.path}: ${field.message}`).join("; ")}`,
    userMessage: first
      ? `Please check ${first.path === "(root)" ? "the request" : first.path}: ${first.message}${/[.!?]$/.test(first.message) ? "" : "."}`
      : "Please check the form.",
    details: { fields },
  });
}
