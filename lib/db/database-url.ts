import { EnvInput } from "@/lib/env";

/**
 * DATABASE_URL, validated by the one configuration schema; `npm start` sets it to the embedded server when
 * none is configured.
 */
export function readDatabaseUrl(): string {
  const parsed = EnvInput.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: DATABASE_URL ${parsed.error.issues[0]?.message ?? "is invalid"}.`,
    );
  }
  if (!parsed.data) {
    throw new Error(
      "Invalid configuration: DATABASE_URL is not set. Start Copydesk with `npm start`, which provides a database.",
    );
  }
  return parsed.data;
}
