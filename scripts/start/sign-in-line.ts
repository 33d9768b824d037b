import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import type { SeedResult } from "@/lib/seed/seed-demo-newsroom";

type AdminNote = { email: string; passwordSource: "ADMIN_PASSWORD" | "generated"; createdAt: string };

function noteFile(dataRoot: string): string {
  return path.join(dataRoot, "demo-admin.json");
}

/** Remembers how the first admin's password was chosen (never the password itself), for later start-ups. */
export async function recordSeededAdmin(options: {
  dataRoot: string;
  seed: Extract<SeedResult, { status: "seeded" }>;
}): Promise<void> {
  const note: AdminNote = {
    email: options.seed.adminEmail,
    passwordSource: options.seed.passwordGenerated ? "generated" : "ADMIN_PASSWORD",
    createdAt: new Date().toISOString(),
  };
  await writeFile(noteFile(options.dataRoot), JSON.stringify(note), { mode: 0o600 });
}

/** The one line `npm start` prints once Copydesk answers: where it is and how to sign in. */
export async function signInLine(options: {
  url: string;
  dataRoot: string;
  seed: SeedResult;
  demoAdmin: { email: string; active: boolean } | null;
}): Promise<string> {
  const running = `Copydesk is running at ${options.url}`;
  const { seed } = options;
  if (seed.status === "seeded") {
    return seed.passwordGenerated
      ? `${running} — sign in as ${seed.adminEmail} with password ${seed.adminPassword} (shown only this once: save it now). Ctrl-C stops it.`
      : `${running} — sign in as ${seed.adminEmail} with the password from ADMIN_PASSWORD. Ctrl-C stops it.`;
  }
  const note = await readFile(noteFile(options.dataRoot), "utf8")
    .then((text) => JSON.parse(text) as AdminNote)
    .catch(() => null);
  if (options.demoAdmin?.active && note?.email === options.demoAdmin.email) {
    const source =
      note.passwordSource === "generated"
        ? `the password printed when it was created (${note.createdAt.slice(0, 10)})`
        : "the ADMIN_PASSWORD it was created with";
    return `${running} — sign in as ${note.email} with ${source}. Ctrl-C stops it.`;
  }
  return `${running} — sign in with your Copydesk account (add one with: npm run cli -- user:add). Ctrl-C stops it.`;
}
