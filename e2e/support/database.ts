import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";

/**
 * The database the e2e server runs on, so a spec can seed its own data through lib/ services.
 * Call before importing any lib/ service (they read DATABASE_URL on first use).
 */
export function useE2eDatabase(): string {
  process.env.DATABASE_URL = e2eServerDatabaseUrl();
  return process.env.DATABASE_URL;
}

function e2eServerDatabaseUrl(): string {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const state = JSON.parse(readFileSync(path.resolve(".data", "e2e", `server-${port}.json`), "utf8")) as {
    databaseUrl: string;
  };
  return state.databaseUrl;
}

/**
 * A fresh, migrated database of the spec's own on the e2e PostgreSQL server, for servers the spec starts
 * itself: the shared e2e server also runs background jobs, and on the shared database it would take their
 * jobs (a purge sent with its settings, a schedule run while the spec's servers are "down"). Call before any
 * lib/ service.
 */
export async function openOwnE2eDatabase(options: {
  prefix: string;
  /** Keep the new installation's second-factor policy (admins and editors) instead of turning it off. */
  keepSecondFactorPolicy?: boolean;
}): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  const serverUrl = new URL(e2eServerDatabaseUrl());
  const database = `copydesk_${options.prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;
  await applyMigrations({ databaseUrl: databaseUrl.toString() });
  if (!options.keepSecondFactorPolicy)
    await turnSecondFactorPolicyOff({ databaseUrl: databaseUrl.toString() });
  const restore = await pointServicesAt(databaseUrl.toString());
  const drop = async () => {
    await restore();
    const cleanup = new pg.Client({ connectionString: serverUrl.toString() });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  };
  return { databaseUrl: databaseUrl.toString(), drop };
}

/**
 * Points this process's lib/ services at another database; the returned function points them back. A worker
 * that ran another spec already has a client on the shared database: this spec's services need one on its
 * own, and the specs after it the shared one again.
 */
export async function pointServicesAt(url: string): Promise<() => Promise<void>> {
  const shared = e2eServerDatabaseUrl();
  const pointClientAt = async (target: string) => {
    await disconnectDb();
    process.env.DATABASE_URL = target;
  };
  await pointClientAt(url);
  return () => pointClientAt(shared);
}

/**
 * A freshly migrated database requires a second factor of admins and editors (a new installation's default).
 * Specs that seed editors and admins signing in with a password alone turn it off, as an admin would on the
 * People page; e2e/auth-second-factor.spec.ts tests the requirement itself.
 */
export async function turnSecondFactorPolicyOff(options: { databaseUrl: string }): Promise<void> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE security_policy SET second_factor_roles = '{}' WHERE id = 1`);
  } finally {
    await client.end();
  }
}
