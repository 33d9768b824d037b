import { readFile } from "node:fs/promises";

export type Tally = { passed: number; failed: number };

/** `tsc` prints one "error TSnnnn" per problem. */
export function countTypeErrors(options: { output: string; code: number }): Tally {
  const errors = options.output.match(/error TS\d+/g)?.length ?? 0;
  return { passed: 0, failed: options.code === 0 ? 0 : Math.max(errors, 1) };
}

/** ESLint's summary line: "✖ 3 problems (2 errors, 1 warning)". */
export function countLintErrors(options: { output: string; code: number }): Tally {
  const summary = /\((\d+) errors?, \d+ warnings?\)/.exec(options.output);
  const errors = summary ? Number(summary[1]) : 0;
  return { passed: 0, failed: options.code === 0 ? 0 : Math.max(errors, 1) };
}

/** `prettier --check` prints one "[warn] path" per file that is not formatted. */
export function countUnformattedFiles(options: { output: string; code: number }): Tally {
  const files = options.output.match(/^\[warn\] (?!Code style issues)/gm)?.length ?? 0;
  return { passed: 0, failed: options.code === 0 ? 0 : Math.max(files, 1) };
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: unknown[] }[];
};

/**
 * Vitest's JSON report; a file that failed before running any test (an import error) counts as one failure.
 */
export async function countVitest(options: { reportFile: string; code: number }): Promise<Tally> {
  try {
    const report = JSON.parse(await readFile(options.reportFile, "utf8")) as VitestReport;
    const brokenFiles = report.testResults.filter(
      (file) => file.status === "failed" && file.assertionResults.length === 0,
    ).length;
    const failed = report.numFailedTests + brokenFiles;
    return { passed: report.numPassedTests, failed: failed === 0 && options.code !== 0 ? 1 : failed };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number };
  errors?: unknown[];
};

/** Playwright's JSON report; errors outside tests (the web server failing to start) count as failures. */
export async function countPlaywright(options: { reportFile: string; code: number }): Promise<Tally> {
  try {
    const report = JSON.parse(await readFile(options.reportFile, "utf8")) as PlaywrightReport;
    const failed = report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0);
    return { passed: report.stats.expected, failed: failed === 0 && options.code !== 0 ? 1 : failed };
  } catch {
    return { passed: 0, failed: 1 };
  }
}
