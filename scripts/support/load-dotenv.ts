import { existsSync } from "node:fs";
import path from "node:path";

/** Loads `.env` from the project folder when present; variables already set in the environment win. */
export function loadDotEnv(options: { projectDir?: string } = {}): string | null {
  const file = path.resolve(options.projectDir ?? path.resolve(import.meta.dirname, "../.."), ".env");
  if (!existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}
