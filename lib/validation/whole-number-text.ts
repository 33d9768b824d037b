import { z } from "zod";

/** The largest number a PostgreSQL integer column holds; anything above is no revision of any story. */
export const maxStoredInteger = 2_147_483_647;

/**
 * A whole number as it arrives in a URL path or query string: decimal digits only. `Number()` would read
 * "1e2" as 100, "0x10" as 16 and " 3 " as 3; here each of them is refused with a sentence saying what is
 * expected. Numbers (not text) are accepted too, for callers inside the app.
 */
export function wholeNumberText(options: { example: string; min?: number; max?: number; required?: string }) {
  const { example, min = 1, max = maxStoredInteger } = options;
  const expected = `must be a whole number such as ${example}`;
  return z
    .union([z.string(), z.number()], {
      error: (issue) => (issue.input === undefined ? (options.required ?? "is required") : expected),
    })
    .transform((value, context) => {
      const text = String(value);
      if (!/^[0-9]+$/.test(text)) {
        context.addIssue({
          code: "custom",
          message: text === "" ? (options.required ?? "is required") : expected,
        });
        return z.NEVER;
      }
      const number = Number(text);
      if (number < min || number > max) {
        const range =
          max === maxStoredInteger
            ? number < min
              ? `must be ${min} or more`
              : "is too large"
            : `must be from ${min} to ${max}`;
        context.addIssue({ code: "custom", message: range });
        return z.NEVER;
      }
      return number;
    });
}
