import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The database the e2e server runs on, so a spec can seed its own data through lib/ services.
 * Call before importing any lib/ service (they read DATABASE_URL on first use).
 */
export function useE2eDatabase(): string {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const state = JSON.parse(readFileSync(path.resolve(".data", "e2e", `server-${port}.json`), "utf8")) as { databaseUrl: string };
  process.env.DATABASE_URL = state.databaseUrl;
  return state.databaseUrl;
}
