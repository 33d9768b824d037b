import path from "node:path";
import { defaultDataRoot, startEmbeddedDatabase } from "../../lib/db/embedded-server";
import type { Env } from "../../lib/env";

/** Where this installation keeps its state: COPYDESK_DATA_DIR (relative to the project folder), else .data/. */
export function dataRootFor(env: Env): string {
  return env.COPYDESK_DATA_DIR ? path.resolve(path.dirname(defaultDataRoot), env.COPYDESK_DATA_DIR) : defaultDataRoot;
}

export type OpenDatabase = { databaseUrl: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The database a command works on: DATABASE_URL when configured, otherwise the embedded server
 * (started here, or the one a running `npm start` already serves). Sets DATABASE_URL for lib/ services.
 */
export async function openDatabase(options: {
  env: Env;
  ifOwnedElsewhere: "refuse" | "share";
  log?: (line: string) => void;
}): Promise<OpenDatabase> {
  if (options.env.DATABASE_URL) {
    return { databaseUrl: options.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedDatabase({ ifOwnedElsewhere: options.ifOwnedElsewhere, dataRoot: dataRootFor(options.env), log: options.log });
  process.env.DATABASE_URL = embedded.databaseUrl;
  return { databaseUrl: embedded.databaseUrl, embedded: true, stop: embedded.stop };
}
