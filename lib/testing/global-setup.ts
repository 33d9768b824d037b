import { createHash } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

import { applyMigrations, readMigrationFiles } from "@/lib/db/migrations";

import { startTestPostgres } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
    testDatabaseTemplate: string;
  }
}

/** Starts (or reaches) PostgreSQL once per run and migrates a template every test file copies. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const files = await readMigrationFiles();
  // The job queue's schema is installed with the migrations too, so a template made before it existed is not
  // reused.
  const fingerprint = createHash("sha256")
    .update([...files.map((file) => file.checksum), "graphile-worker@0.17"].join(","))
    .digest("hex")
    .slice(0, 12);
  const template = `copydesk_template_${fingerprint}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(4242)");
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      await applyMigrations({ databaseUrl: withDatabase(server.adminUrl, template) });
    }
    await admin.query("SELECT pg_advisory_unlock(4242)");
  } finally {
    await admin.end();
  }
  project.provide("testDatabaseAdminUrl", server.adminUrl);
  project.provide("testDatabaseTemplate", template);
  return async () => {
    await server.stop();
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
