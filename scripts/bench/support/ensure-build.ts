import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The production build in `distDir`, made first when it is missing or older than the code. */
export async function ensureCurrentBuild(options: { distDir: string; purpose: string }): Promise<void> {
  const { distDir } = options;
  const { computeBuildFingerprint, isBuildCurrent, recordBuild } =
    await import("@/scripts/start/build-fingerprint");
  const fingerprint = await computeBuildFingerprint({ projectDir: process.cwd() });
  if (existsSync(path.join(distDir, "BUILD_ID")) && (await isBuildCurrent({ distDir, fingerprint }))) return;
  console.log(
    `\n${options.purpose}: the production build in ${distDir} is missing or older than the code; building it first…`,
  );
  const { runNextBuild } = await import("@/scripts/start/next-process");
  const logFile = path.join(tmpdir(), `copydesk-bench-build-${process.pid}.log`);
  if ((await runNextBuild({ projectDir: process.cwd(), distDir, logFile }).done) !== 0)
    throw new Error(`next build failed; see ${logFile}`);
  await recordBuild({ distDir, fingerprint });
}
