// `npm start`: the whole of Copydesk from one command. Ensures the database (the embedded PostgreSQL
// in .data/ unless DATABASE_URL is set), applies migrations, builds when the build is missing or stale,
// seeds a demo newsroom on first run, serves on PORT and prints one line saying where and how to sign in.
// Ctrl-C (SIGINT) or SIGTERM stops the web server first, then PostgreSQL; so does the end of the process that
// started it (npm, which does not pass SIGTERM on).
import type { ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { withStartupLock } from "@/lib/db/startup-lock";
import { readEnv, type Env } from "@/lib/env";
import { findDemoAdmin, seedDemoNewsroom, type SeedResult } from "@/lib/seed/seed-demo-newsroom";

import { computeBuildFingerprint, isBuildCurrent, recordBuild } from "./start/build-fingerprint";
import { runNextBuild, startNextServer } from "./start/next-process";
import { ensureNextAuthSecret } from "./start/nextauth-secret";
import { isPortFree } from "./start/port-check";
import { sharedSessionSecret } from "./start/shared-secret";
import { recordSeededAdmin, signInLine } from "./start/sign-in-line";
import { loadDotEnv } from "./support/load-dotenv";
import {
  dataRootFor,
  grantAppRoleAfterMigrations,
  openDatabase,
  type OpenDatabase,
} from "./support/open-database";
import { describeFailure, ReportedFailure } from "./support/run-main";
import { watchParent } from "./support/watch-parent";

const projectDir = path.resolve(import.meta.dirname, "..");
let dataRoot = "";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const READY_TIMEOUT_MS = 120_000;

let database: OpenDatabase | undefined;
// A signal can arrive while PostgreSQL is still starting: shutdown then waits for it, so it can stop it too.
let databaseOpening: Promise<OpenDatabase> | undefined;
let build: ChildProcess | undefined;
let server: ChildProcess | undefined;
let stopping = false;
let firstAdmin: Extract<SeedResult, { status: "seeded" }> | undefined;

// Straight to stdout: seeding silences console.log, and "Stopping…" must show even then.
const say = (line: string) => void process.stdout.write(`${line}\n`);

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited(child);
  clearTimeout(killTimer);
}

async function shutdown(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopChild(build);
    await stopChild(server);
    await disconnectDb().catch(() => {});
    database ??= await databaseOpening?.catch(() => undefined);
    await database
      ?.stop()
      .catch((error: unknown) =>
        console.error(`copydesk: stopping PostgreSQL failed: ${describeFailure(error)}`),
      );
  }
  process.exit(exitCode);
}

// The generated password exists nowhere else: a failure or Ctrl-C after seeding must not swallow it.
function rescueFirstAdminPassword() {
  if (!firstAdmin?.passwordGenerated) return;
  console.error(
    `copydesk: the first admin was created: sign in as ${firstAdmin.adminEmail} with password ${firstAdmin.adminPassword} once Copydesk runs.`,
  );
  firstAdmin = undefined;
}

function onSignal(signal: NodeJS.Signals) {
  if (stopping) return;
  say(`\nStopping Copydesk (${signal})…`);
  rescueFirstAdminPassword();
  void shutdown(0);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
// `kill <npm's pid>`, as systemd, Docker or a pidfile script does: npm exits without telling us.
watchParent({ onOrphaned: () => onSignal("SIGTERM") });

async function ensureBuild(options: { skip: boolean }): Promise<void> {
  if (options.skip) return;
  const fingerprint = await computeBuildFingerprint({ projectDir });
  const absoluteDistDir = path.resolve(projectDir, distDir);
  if (await isBuildCurrent({ distDir: absoluteDistDir, fingerprint })) return;
  const logFile = path.join(dataRoot, "last-build.log");
  say("Building the web app (first start, or the code changed). This takes a minute or two…");
  const started = Date.now();
  const run = runNextBuild({ projectDir, distDir, logFile });
  build = run.child;
  const code = await run.done;
  build = undefined;
  if (stopping) return;
  if (code !== 0) {
    throw new ReportedFailure({
      message: `Building the web app failed. The build log is in ${path.relative(projectDir, logFile)}.`,
    });
  }
  // `next build` may itself add its types folder to tsconfig.json, so fingerprint what it left behind.
  await recordBuild({ distDir: absoluteDistDir, fingerprint: await computeBuildFingerprint({ projectDir }) });
  say(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

async function seed(env: Env): Promise<SeedResult> {
  // The services' info lines (user created, …) would bury the one line that matters; errors still show.
  const info = console.log;
  console.log = () => {};
  const result = await seedDemoNewsroom({
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    withDemoStory: env.SEED_DEMO ?? !env.DATABASE_URL,
  }).finally(() => {
    console.log = info;
  });
  if (result.status === "seeded") {
    await recordSeededAdmin({ dataRoot, seed: result });
    if (result.demoStoryError)
      console.error(
        `copydesk: the demo story could not be created (${result.demoStoryError}); it is retried on the next start.`,
      );
  }
  return result;
}

async function waitUntilServing(options: {
  url: string;
  child: ChildProcess;
  heldOutput: () => string;
}): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (options.child.exitCode !== null || options.child.signalCode !== null) {
      throw new ReportedFailure({
        message: `The web server stopped while starting:\n${options.heldOutput().trim()}`,
      });
    }
    try {
      const response = await fetch(`${options.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastProblem = `health check answered ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new ReportedFailure({
    message: `The web server did not become healthy within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}).`,
  });
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  loadDotEnv({ projectDir });
  const env = readEnv();
  dataRoot = dataRootFor(env);
  await mkdir(dataRoot, { recursive: true });
  if (!(await isPortFree({ port: env.PORT }))) {
    throw new ReportedFailure({
      message: `Port ${env.PORT} is already in use. Stop whatever uses it, or start Copydesk on another port: PORT=3001 npm start`,
    });
  }

  databaseOpening = openDatabase({ env, ifOwnedElsewhere: "refuse", log: say });
  database = await databaseOpening;
  if (stopping) return;
  // Instances started together on one database take turns to migrate, grant and seed
  // (lib/db/startup-lock.ts).
  const opened = database;
  const { applied } = await withStartupLock({
    databaseUrl: opened.ownerUrl,
    work: async () => {
      const result = await applyMigrations({
        databaseUrl: opened.ownerUrl,
        search: { language: env.SEARCH_LANGUAGE, log: say },
      });
      await grantAppRoleAfterMigrations(opened);
      return result;
    },
  });
  if (applied.length > 0)
    say(`Applied ${applied.length} database migration${applied.length === 1 ? "" : "s"}.`);

  await ensureBuild({ skip: env.COPYDESK_SKIP_BUILD });
  if (stopping) return;

  const seeded = await withStartupLock({ databaseUrl: opened.ownerUrl, work: () => seed(env) });
  if (seeded.status === "seeded") firstAdmin = seeded;
  const demoAdmin = seeded.status === "seeded" ? null : await findDemoAdmin({ adminEmail: env.ADMIN_EMAIL });
  await disconnectDb();

  const url = `http://localhost:${env.PORT}`;
  // With a database of its own choosing, this instance may be one of several: they share one secret.
  const nextAuthSecret =
    env.DATABASE_URL && !env.NEXTAUTH_SECRET
      ? await sharedSessionSecret({ databaseUrl: opened.ownerUrl })
      : await ensureNextAuthSecret({ configured: env.NEXTAUTH_SECRET, dataRoot });
  const next = startNextServer({
    projectDir,
    distDir,
    port: env.PORT,
    env: {
      DATABASE_URL: database.databaseUrl,
      NEXTAUTH_SECRET: nextAuthSecret,
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL ?? url,
    },
  });
  server = next.child;
  await waitUntilServing({
    url: `http://127.0.0.1:${env.PORT}`,
    child: next.child,
    heldOutput: next.heldOutput,
  });
  if (stopping) return;
  next.showOutput();
  say(await signInLine({ url, dataRoot, seed: seeded, demoAdmin }));
  firstAdmin = undefined;
  if (process.env.COPYDESK_TIMING) say(`(ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);

  void exited(next.child).then(() => {
    if (stopping) return;
    console.error(
      `copydesk: the web server exited unexpectedly (code ${next.child.exitCode ?? next.child.signalCode}).`,
    );
    void shutdown(1);
  });
}

main().catch(async (error: unknown) => {
  if (stopping) return;
  console.error(`copydesk: ${describeFailure(error)}`);
  rescueFirstAdminPassword();
  if (process.env.COPYDESK_DEBUG) console.error(error);
  await shutdown(error instanceof ReportedFailure ? error.exitCode : 1);
});
