import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * NEXTAUTH_SECRET signs session cookies. When it is not configured, one is generated on first start
 * and kept in .data/, so sessions survive restarts of this installation.
 */
export async function ensureNextAuthSecret(options: {
  configured?: string;
  dataRoot: string;
}): Promise<string> {
  if (options.configured) return options.configured;
  const file = path.join(options.dataRoot, "nextauth-secret");
  const stored = (await readFile(file, "utf8").catch(() => "")).trim();
  if (stored.length >= 32) return stored;
  const secret = randomBytes(32).toString("hex");
  await mkdir(options.dataRoot, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
