import { z } from "zod";

const DatabaseUrlInput = z
  .string({ error: "DATABASE_URL is not set. Start Copydesk with `npm start`, which provides a database." })
  .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgresql:// URL" });

/** DATABASE_URL, validated; `npm start` sets it to the embedded server when none is configured. */
export function readDatabaseUrl(): string {
  const parsed = DatabaseUrlInput.safeParse(process.env.DATABASE_URL);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues[0]?.message ?? "DATABASE_URL"}`);
  }
  return parsed.data;
}
