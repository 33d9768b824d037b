// `npm test`: type-check, lint, the formatter check (Prettier), Vitest (unit and integration, on real PostgreSQL), a production build
// into .next-test, then Playwright in Chromium against that build. Every step runs even when an earlier
// one failed (except Playwright without a build), and the last line is always "N passed, N failed":
// Vitest and Playwright tests, plus type-check and lint errors and unformatted files as failures.
// PostgreSQL: TEST_DATABASE_URL when set, otherwise one throwaway embedded server for the whole run.
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded-server";
import { findFreePort } from "@/lib/db/free-port";

import { childEnv } from "./support/child-env";
import { describeFailure } from "./support/run-main";
import {
  countLintErrors,
  countPlaywright,
  countTypeErrors,
  countUnformattedFiles,
  countVitest,
  type Tally,
} from "./test/count-results";
import { runningSteps, runStep } from "./test/run-step";

const projectDir = path.resolve(import.meta.dirname, "..");
const reportsDir = path.join(projectDir, ".data", "test-reports");
const distDir = ".next-test";
// The same files as `npm run format` and `npm run format:check` (package.json).
const formatterGlobs = ["**/*.{ts,tsx,mjs,js,cjs,css}"];
const node = process.execPath;
const bin = (relative: string) => path.join(projectDir, "node_modules", relative);

let database: EmbeddedDatabase | undefined;
let throwawayRoot: string | undefined;

async function cleanUp(): Promise<void> {
  await database?.stop().catch(() => {});
  if (throwawayRoot) await rm(throwawayRoot, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of runningSteps()) child.kill(signal);
    void cleanUp().then(() => process.exit(130));
  });
}

async function testDatabaseUrl(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  // In the system temp folder: as root, PostgreSQL runs as the `postgres` user, which may not be able
  // to enter the checkout (e.g. under /root), but can always enter a 755 folder in /tmp.
  throwawayRoot = await mkdtemp(path.join(os.tmpdir(), "copydesk-test-pg-"));
  await chmod(throwawayRoot, 0o755);
  process.stdout.write("Starting a throwaway embedded PostgreSQL for this run…\n");
  database = await startEmbeddedDatabase({ ifOwnedElsewhere: "refuse", dataRoot: throwawayRoot });
  return database.adminUrl;
}

async function main(): Promise<number> {
  const started = Date.now();
  await mkdir(reportsDir, { recursive: true });
  const databaseUrl = await testDatabaseUrl();
  const env = childEnv({ TEST_DATABASE_URL: databaseUrl, DATABASE_URL: undefined, CI: process.env.CI ?? "" });
  const tallies: Tally[] = [];
  const step = (title: string, args: string[], extraEnv: Record<string, string> = {}, buffered = false) =>
    runStep({ title, command: node, args, cwd: projectDir, env: { ...env, ...extraEnv }, buffered });

  // Each is single-threaded: side by side they take the time of the slowest. Lint and Prettier print after.
  const [types, lint, format] = await Promise.all([
    step("Type-check (tsc --noEmit)", [bin("typescript/bin/tsc"), "--noEmit"]),
    step("Lint (eslint .)", [bin("eslint/bin/eslint.js"), "."], {}, true),
    step(
      "Formatting (prettier --check)",
      [bin("prettier/bin/prettier.cjs"), "--check", ...formatterGlobs],
      {},
      true,
    ),
  ]);
  lint.flush();
  format.flush();
  tallies.push(countTypeErrors(types), countLintErrors(lint), countUnformattedFiles(format));

  const vitestReport = path.join(reportsDir, "vitest.json");
  await rm(vitestReport, { force: true });
  const vitest = await step("Unit and integration tests (vitest)", [
    bin("vitest/vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestReport}`,
  ]);
  tallies.push(await countVitest({ reportFile: vitestReport, code: vitest.code }));

  const build = await step(
    `Production build (next build → ${distDir})`,
    [bin("next/dist/bin/next"), "build"],
    {
      NEXT_DIST_DIR: distDir,
      NODE_ENV: "production",
    },
  );
  if (build.code !== 0) {
    process.stdout.write("Skipping the browser tests: there is no build to test.\n");
    tallies.push({ passed: 0, failed: 1 });
  } else {
    const playwrightReport = path.join(reportsDir, "playwright.json");
    await rm(playwrightReport, { force: true });
    const e2e = await step("Browser tests (playwright, Chromium)", [bin("@playwright/test/cli.js"), "test"], {
      NODE_OPTIONS: "--conditions=react-server",
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      NEXT_DIST_DIR: distDir,
      E2E_PORT: String(await findFreePort()),
    });
    tallies.push(await countPlaywright({ reportFile: playwrightReport, code: e2e.code }));
  }

  const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
  const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
  process.stdout.write(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`copydesk: ${describeFailure(error)}`);
    await cleanUp();
    process.stdout.write("0 passed, 1 failed\n");
    process.exit(1);
  });
