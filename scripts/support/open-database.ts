import { createHmac } from "node:crypto";
import path from "node:path";

import { ensureLoginRole, grantAppRole, roleOfUrl, urlForRole } from "@/lib/db/app-role";
import { defaultDataRoot, startEmbeddedDatabase } from "@/lib/db/embedded-server";
import type { Env } from "@/lib/env";

/**
 * Where this installation keeps its state: COPYDESK_DATA_DIR (relative to the project folder), else .data/.
 */
export function dataRootFor(env: Env): string {
  return env.COPYDESK_DATA_DIR
    ? path.resolve(path.dirname(defaultDataRoot), env.COPYDESK_DATA_DIR)
    : defaultDataRoot;
}

/** `databaseUrl` is what the app connects as; `ownerUrl` owns the tables and runs the migrations. */
export type OpenDatabase = {
  databaseUrl: string;
  ownerUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/** The embedded database's app role: DML only (lib/db/app-role.ts), so the app cannot unlock history. */
const embeddedAppRole = "copydesk_app";

/**
 * The database a command works on: DATABASE_URL when configured (migrated as DATABASE_OWNER_URL when that is
 * set), otherwise the embedded server (started here, or the one a running `npm start` already serves), where
 * the app connects as a least-privilege role of its own. Sets DATABASE_URL for lib/ services.
 */
export async function openDatabase(options: {
  env: Env;
  ifOwnedElsewhere: "refuse" | "share";
  log?: (line: string) => void;
}): Promise<OpenDatabase> {
  if (options.env.DATABASE_URL) {
    return {
      databaseUrl: options.env.DATABASE_URL,
      ownerUrl: options.env.DATABASE_OWNER_URL ?? options.env.DATABASE_URL,
      embedded: false,
      stop: async () => {},
    };
  }
  const embedded = await startEmbeddedDatabase({
    ifOwnedElsewhere: options.ifOwnedElsewhere,
    dataRoot: dataRootFor(options.env),
    log: options.log,
  });
  // Derived from the superuser's password (kept in the cluster's credentials file), so it needs no file of
  // its own.
  const password = createHmac("sha256", decodeURIComponent(new URL(embedded.databaseUrl).password))
    .update(embeddedAppRole)
    .digest("hex");
  try {
    await ensureLoginRole({ ownerUrl: embedded.databaseUrl, role: embeddedAppRole, password });
    await grantAppRole({ ownerUrl: embedded.databaseUrl, appRole: embeddedAppRole });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const databaseUrl = urlForRole({ databaseUrl: embedded.databaseUrl, role: embeddedAppRole, password });
  process.env.DATABASE_URL = databaseUrl;
  return { databaseUrl, ownerUrl: embedded.databaseUrl, embedded: true, stop: embedded.stop };
}

/**
 * After migrations (run as the owner): gives the app's role its rights on whatever the migrations created.
 */
export async function grantAppRoleAfterMigrations(database: OpenDatabase): Promise<void> {
  const appRole = roleOfUrl(database.databaseUrl);
  if (appRole === roleOfUrl(database.ownerUrl)) return;
  await grantAppRole({ ownerUrl: database.ownerUrl, appRole });
}
