import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

import { disconnectDb } from "@/lib/db/client";

import { withDatabase } from "./global-setup";

// Every test file gets its own database, copied from the migrated template, so files run in parallel
// without seeing each other's rows. DATABASE_URL points the app's own client at it.
const adminUrl = inject("testDatabaseAdminUrl");
const template = inject("testDatabaseTemplate");
const database = `copydesk_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
await admin.end();

process.env.DATABASE_URL = withDatabase(adminUrl, database);

afterAll(async () => {
  await disconnectDb();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await cleanup.end();
});
