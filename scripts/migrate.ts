// `npm run db:migrate`: applies pending migrations from prisma/migrations to DATABASE_URL
// (or to the embedded database when it is not set), with Prisma Migrate's own bookkeeping.
import { applyMigrations, readMigrationFiles } from "@/lib/db/migrations";
import { readEnv } from "@/lib/env";

import { loadDotEnv } from "./support/load-dotenv";
import { grantAppRoleAfterMigrations, openDatabase, type OpenDatabase } from "./support/open-database";
import { runMain } from "./support/run-main";

let database: OpenDatabase | undefined;

await runMain(
  async () => {
    loadDotEnv();
    const env = readEnv();
    database = await openDatabase({ env, ifOwnedElsewhere: "share", log: (line) => console.error(line) });
    const { applied } = await applyMigrations({
      databaseUrl: database.ownerUrl,
      log: (line) => console.error(line),
      search: { language: env.SEARCH_LANGUAGE, log: (line) => console.error(line) },
    });
    await grantAppRoleAfterMigrations(database);
    const total = (await readMigrationFiles()).length;
    console.error(
      applied.length === 0
        ? `The database is up to date (${total} migration${total === 1 ? "" : "s"}).`
        : `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}; the database is up to date.`,
    );
  },
  { cleanup: () => database?.stop() ?? Promise.resolve() },
);
