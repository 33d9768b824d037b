// Prints, after everything else in `.ci/run`, which tests of `npm test` failed and the first lines of why. CI keeps
// only the tail of its output, and the browser tests' failures otherwise scroll away under the later Vitest runs.
import { readFile } from "node:fs/promises";
import path from "node:path";

const reportsDir = path.resolve(import.meta.dirname, "..", "..", ".data", "test-reports");
const firstLines = (text: string | undefined) =>
  // Strip colours: the reports keep the terminal's escape codes.
  (text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, 6)
    .map((line) => `      ${line.slice(0, 300)}`)
    .join("\n");

type VitestReport = {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
};

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { status: string; results: { status: string; error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { suites: PlaywrightSuite[]; errors?: { message?: string }[] };

async function readReport<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path.join(reportsDir, file), "utf8")) as T;
  } catch {
    return undefined;
  }
}

function vitestFailures(report: VitestReport): string[] {
  const lines: string[] = [];
  for (const file of report.testResults) {
    const name = path.relative(process.cwd(), file.name);
    if (file.status === "failed" && file.assertionResults.length === 0) {
      lines.push(`  vitest ${name} (did not run)\n${firstLines(file.message)}`);
    }
    for (const test of file.assertionResults.filter((result) => result.status === "failed")) {
      lines.push(`  vitest ${name} › ${test.fullName}\n${firstLines(test.failureMessages?.[0])}`);
    }
  }
  return lines;
}

function playwrightFailures(suites: PlaywrightSuite[], titles: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const path = suite.file && titles.length === 0 ? [] : [...titles, suite.title];
    const own = (suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === "unexpected" || test.status === "flaky")
        .map((test) => {
          const failed = test.results.find(
            (result) => result.status !== "passed" && result.status !== "skipped",
          );
          const title = [...path, spec.title].filter(Boolean).join(" › ");
          return `  playwright ${spec.file}:${spec.line} › ${title} (${test.status})\n${firstLines(failed?.error?.message)}`;
        }),
    );
    return [...own, ...playwrightFailures(suite.suites ?? [], path)];
  });
}

const vitest = await readReport<VitestReport>("vitest.json");
const playwright = await readReport<PlaywrightReport>("playwright.json");
const failures = [
  ...(vitest ? vitestFailures(vitest) : ["  vitest: no report (the run did not finish)"]),
  ...(playwright
    ? [
        ...playwrightFailures(playwright.suites),
        ...(playwright.errors ?? []).map(
          (error) => `  playwright (outside a test)\n${firstLines(error.message)}`,
        ),
      ]
    : ["  playwright: no report (no build, or the run did not finish)"]),
];
process.stdout.write(
  failures.length === 0
    ? "\nnpm test: no failed tests in the reports\n"
    : `\nnpm test failures:\n${failures.join("\n")}\n`,
);
