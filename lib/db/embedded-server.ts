import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

import { findFreePort } from "./free-port";
import {
  canWrite,
  findPostgresBinaries,
  resolveRunAs,
  type PostgresBinaries,
  type RunAs,
} from "./postgres-binaries";
import { stopServerWhenOwnerDies } from "./postgres-reaper";
import { findRunningPostgres, isProcessAlive } from "./postmaster-pid";

/** Where `npm start` keeps its state when no DATABASE_URL is configured (git-ignored). */
export const defaultDataRoot = path.resolve(import.meta.dirname, "../../.data");

const CREDENTIALS_FILE = "copydesk-credentials.json";
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** A failure whose message is written for the person starting Copydesk, to be shown without a stack trace. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddedDatabaseError";
  }
}

export type EmbeddedDatabase = {
  /** The application database on the embedded server. */
  databaseUrl: string;
  /** The server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  /**
   * False when another live process (a running `npm start`) owns the server; stop() then leaves it running.
   */
  startedHere: boolean;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

function paths(dataRoot: string) {
  return {
    cluster: path.join(dataRoot, "pg"),
    owner: path.join(dataRoot, "pg-owner.json"),
    log: path.join(dataRoot, "postgres.log"),
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.trim().split("\n").slice(-8).join("\n");
}

function runToCompletion(options: {
  command: string;
  args: string[];
  runAs: RunAs;
  env?: Record<string, string>;
}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, options.args, {
      ...options.runAs,
      env: { ...process.env, ...options.env, LC_MESSAGES: "C" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// initdb writes into a staging folder that is renamed into place only when complete, so a run
// killed half-way never leaves a cluster that looks initialised but is not.
async function initialiseCluster(options: {
  dataRoot: string;
  binaries: PostgresBinaries;
  runAs: RunAs;
  env?: Record<string, string>;
}): Promise<void> {
  const { cluster } = paths(options.dataRoot);
  for (const entry of await readdir(options.dataRoot)) {
    const staleStaging = /^pg\.init-(\d+)$/.exec(entry);
    if (staleStaging && !isProcessAlive(Number(staleStaging[1])))
      await rm(path.join(options.dataRoot, entry), { recursive: true, force: true });
  }
  const staging = `${cluster}.init-${process.pid}`;
  const passwordFile = path.join(options.dataRoot, `pg-password-${process.pid}`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  const credentials: Credentials = { user: "postgres", password: randomBytes(24).toString("hex") };
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  try {
    if ("uid" in options.runAs) {
      await chown(staging, options.runAs.uid, options.runAs.gid);
      await chown(passwordFile, options.runAs.uid, options.runAs.gid);
      if (!canWrite({ dir: staging, runAs: options.runAs })) {
        throw new EmbeddedDatabaseError(
          `PostgreSQL runs as the unprivileged "postgres" user when Copydesk is started as root, and that user cannot reach ${options.dataRoot}. Let it through the parent folders (chmod o+x), start Copydesk as a normal user, or set DATABASE_URL.`,
        );
      }
    }
    const result = await runToCompletion({
      command: options.binaries.initdb,
      args: [
        `--pgdata=${staging}`,
        "--auth=scram-sha-256",
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
      ],
      runAs: options.runAs,
      env: options.env,
    });
    if (result.code !== 0)
      throw new EmbeddedDatabaseError(
        `Creating the embedded PostgreSQL database failed:\n${result.output.trim()}`,
      );
    await writeFile(path.join(staging, CREDENTIALS_FILE), JSON.stringify(credentials), { mode: 0o600 });
    await rename(staging, cluster);
  } finally {
    await rm(passwordFile, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

async function readCredentials(cluster: string): Promise<Credentials> {
  try {
    return JSON.parse(await readFile(path.join(cluster, CREDENTIALS_FILE), "utf8")) as Credentials;
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded database in ${cluster} has no ${CREDENTIALS_FILE}. Move that folder away to start with a fresh database, or set DATABASE_URL.`,
      { cause: error },
    );
  }
}

function serverUrl(options: { credentials: Credentials; port: number; database: string }): string {
  const { user, password } = options.credentials;
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
}

async function waitUntilReady(options: {
  adminUrl: string;
  logFile: string;
  hasExited: () => boolean;
}): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (options.hasExited())
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL server stopped while starting:\n${await tail(options.logFile)}`,
      );
    const client = new pg.Client({ connectionString: options.adminUrl, connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new EmbeddedDatabaseError(
          `The embedded PostgreSQL server did not become ready:\n${await tail(options.logFile)}`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

// Its own process group: Ctrl-C in the terminal reaches the app first, and we stop PostgreSQL after it.
async function spawnServer(options: {
  cluster: string;
  port: number;
  logFile: string;
  binaries: PostgresBinaries;
  runAs: RunAs;
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const log = await open(options.logFile, "a");
  try {
    const args = [
      "-D",
      options.cluster,
      "-p",
      String(options.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
    ];
    const child = spawn(options.binaries.postgres, args, {
      ...options.runAs,
      detached: true,
      stdio: ["ignore", log.fd, log.fd],
      env: { ...process.env, ...options.env, LC_MESSAGES: "C" },
    });
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", reject);
    });
    return child;
  } finally {
    await log.close();
  }
}

async function stopServer(options: { pid: number; child?: ChildProcess }): Promise<void> {
  const exited = options.child
    ? new Promise<void>((resolve) => {
        if (options.child?.exitCode !== null || options.child.signalCode !== null) resolve();
        else options.child.once("exit", () => resolve());
      })
    : null;
  const isGone = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    if (exited)
      return Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
      ]);
    while (Date.now() < deadline) {
      if (!isProcessAlive(options.pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !isProcessAlive(options.pid);
  };
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(options.pid, name);
    } catch {
      // Already gone.
    }
  };
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit cleanly.
  signal("SIGINT");
  if (await isGone(STOP_TIMEOUT_MS)) return;
  signal("SIGQUIT");
  await isGone(5_000);
}

async function ensureDatabase(options: { adminUrl: string; database: string }): Promise<void> {
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`)
        .catch((error: { code?: string }) => {
          if (error.code !== "42P04") throw error;
        });
    }
  } finally {
    await client.end();
  }
}

/**
 * Starts the embedded PostgreSQL server on `.data/pg` (initialising it on first use) on a free port,
 * or uses the one already serving that folder. `ifOwnedElsewhere: "refuse"` is for `npm start`, which
 * must not run twice on one data folder; "share" lets the CLI work next to a running instance.
 */
export async function startEmbeddedDatabase(options: {
  ifOwnedElsewhere: "refuse" | "share";
  dataRoot?: string;
  database?: string;
  log?: (line: string) => void;
  /** Extra environment for PostgreSQL's own processes (tests run it under a faked clock this way). */
  env?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const dataRoot = options.dataRoot ?? defaultDataRoot;
  const database = options.database ?? "copydesk";
  const log = options.log ?? (() => {});
  const files = paths(dataRoot);
  await mkdir(dataRoot, { recursive: true });
  const [binaries, runAs] = await Promise.all([findPostgresBinaries(), resolveRunAs()]);
  if (!(await exists(path.join(files.cluster, "PG_VERSION")))) {
    const shown = path.relative(process.cwd(), files.cluster);
    log(`Creating the embedded PostgreSQL database in ${shown.startsWith("..") ? files.cluster : shown} …`);
    await initialiseCluster({ dataRoot, binaries, runAs, env: options.env });
  }
  const credentials = await readCredentials(files.cluster);
  const ownerPid = await readFile(files.owner, "utf8").then(
    (text) => Number((JSON.parse(text) as { pid?: unknown }).pid),
    () => 0,
  );
  const running = await findRunningPostgres({ dataDir: files.cluster });
  const ownedElsewhere =
    running !== null && ownerPid > 0 && ownerPid !== process.pid && isProcessAlive(ownerPid);
  if (ownedElsewhere && options.ifOwnedElsewhere === "refuse") {
    throw new EmbeddedDatabaseError(
      `Another Copydesk process (pid ${ownerPid}) is already using the embedded database in ${files.cluster}. Stop it first, or set DATABASE_URL.`,
    );
  }

  let server: { pid: number; port: number; child?: ChildProcess };
  if (running) {
    server = running;
  } else {
    const port = await findFreePort();
    const child = await spawnServer({
      cluster: files.cluster,
      port,
      logFile: files.log,
      binaries,
      runAs,
      env: options.env,
    });
    server = { pid: child.pid ?? 0, port, child };
  }
  const adminUrl = serverUrl({ credentials, port: server.port, database: "postgres" });
  const startedHere = !ownedElsewhere;
  if (startedHere) {
    await writeFile(files.owner, JSON.stringify({ pid: process.pid }));
    stopServerWhenOwnerDies({ serverPid: server.pid });
  }
  const child = server.child;
  try {
    await waitUntilReady({
      adminUrl,
      logFile: files.log,
      hasExited: () =>
        child ? child.exitCode !== null || child.signalCode !== null : !isProcessAlive(server.pid),
    });
    await ensureDatabase({ adminUrl, database });
  } catch (error) {
    if (startedHere) await stopServer(server);
    throw error instanceof EmbeddedDatabaseError
      ? error
      : new EmbeddedDatabaseError(`The embedded PostgreSQL server failed: ${(error as Error).message}`, {
          cause: error,
        });
  }

  let stopped = false;
  return {
    databaseUrl: serverUrl({ credentials, port: server.port, database }),
    adminUrl,
    port: server.port,
    startedHere,
    stop: async () => {
      if (stopped || !startedHere) return;
      stopped = true;
      await stopServer(server);
      await rm(files.owner, { force: true });
    },
  };
}
