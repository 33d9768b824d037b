import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// What the production build is made of. Tests, scripts, e2e and tool configs do not change the build.
const sourceDirs = ["app", "lib", "public"];
const rootFile =
  /^(?!next-env\.d\.ts$|eslint\.config\.|vitest\.config\.|playwright\.config\.)[^.].*\.(ts|tsx|js|mjs|cjs|css)$/;
const rootFiles = ["package.json", "package-lock.json", "tsconfig.json"];
const skipped = /(\.test\.tsx?$|^lib\/testing\/)/;

async function listFiles(dir: string, projectDir: string): Promise<string[]> {
  const entries = await readdir(path.join(projectDir, dir), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(relative, projectDir);
      return entry.isFile() && !skipped.test(relative) ? [relative] : [];
    }),
  );
  return nested.flat();
}

/** A hash of every file the Next build compiles, the lockfile, the configs and NEXT_PUBLIC_* values. */
export async function computeBuildFingerprint(options: { projectDir: string }): Promise<string> {
  const rootEntries = await readdir(options.projectDir, { withFileTypes: true });
  const files = [
    ...rootFiles,
    ...rootEntries.filter((entry) => entry.isFile() && rootFile.test(entry.name)).map((entry) => entry.name),
    ...(await Promise.all(sourceDirs.map((dir) => listFiles(dir, options.projectDir)))).flat(),
  ].sort();
  const hash = createHash("sha256");
  for (const file of new Set(files)) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(options.projectDir, file)).catch(() => Buffer.from("(missing)")));
    hash.update("\0");
  }
  const publicEnv = Object.entries(process.env)
    .filter(([key]) => key.startsWith("NEXT_PUBLIC_"))
    .sort();
  hash.update(JSON.stringify(publicEnv));
  return hash.digest("hex");
}

const stampFile = "copydesk-build.json";

/** Whether `distDir` holds a complete build of exactly this fingerprint. */
export async function isBuildCurrent(options: { distDir: string; fingerprint: string }): Promise<boolean> {
  try {
    await readFile(path.join(options.distDir, "BUILD_ID"));
    const stamp = JSON.parse(await readFile(path.join(options.distDir, stampFile), "utf8")) as {
      fingerprint?: string;
    };
    return stamp.fingerprint === options.fingerprint;
  } catch {
    return false;
  }
}

export async function recordBuild(options: { distDir: string; fingerprint: string }): Promise<void> {
  await writeFile(
    path.join(options.distDir, stampFile),
    JSON.stringify({ fingerprint: options.fingerprint, builtAt: new Date().toISOString() }),
  );
}
