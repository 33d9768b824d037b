import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { PublishRevisionInput } from "@/lib/revisions/publish-revision-input";
import { RestoreRevisionInput } from "@/lib/revisions/restore-revision-input";
import { SaveRevisionInput } from "@/lib/revisions/save-revision-input";
import { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";

const projectDir = path.resolve(import.meta.dirname, "../../..");
const apiDir = path.join(projectDir, "app/api/v1");

/**
 * "METHOD /api/v1/stories/{slug}" for every handler a route file implements (not the 405 and 404 fillers).
 */
function implementedEndpoints(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_") && !entry.name.startsWith("[...")) walk(full);
      if (entry.name !== "route.ts") continue;
      const route = `/api/v1/${path.relative(apiDir, dir)}`
        .replace(/\/$/, "")
        .replace("[slug]", "{slug}")
        .replace("[number]", "{n}")
        .replace("[id]", "{id}");
      for (const [, method] of readFileSync(full, "utf8").matchAll(/^export const (GET|POST) = apiRoute/gm))
        found.push(`${method} ${route}`);
    }
  };
  walk(apiDir);
  return found.sort();
}

/** The endpoints docs/api.md documents in its headings. */
function documentedEndpoints(): string[] {
  const docs = readFileSync(path.join(projectDir, "docs/api.md"), "utf8");
  const headings = docs.split("\n").filter((line) => line.startsWith("### "));
  return headings
    .flatMap((line) =>
      [...line.matchAll(/`(GET|POST) (\/api\/v1\/[^`?]*)/g)].map((match) => `${match[1]} ${match[2]}`),
    )
    .sort();
}

describe("docs/api.md", () => {
  // Regression guard: GET /api/v1/me existed but was not documented.
  it("documents every endpoint the app implements, and no other", () => {
    expect(implementedEndpoints()).toContain("GET /api/v1/me");
    expect(documentedEndpoints()).toEqual(implementedEndpoints());
  });

  // Guards issue 18: the field a publish uses to say what happens to a waiting schedule must be documented
  // with its values.
  it("documents every body field of the publishing requests, and the pending-schedule choices", () => {
    const docs = readFileSync(path.join(projectDir, "docs/api.md"), "utf8");
    const fields = [
      SaveRevisionInput.shape,
      PublishRevisionInput.shape,
      RestoreRevisionInput.shape,
      PendingSchedulesInput.shape,
    ].flatMap((shape) => Object.keys(shape));
    expect(fields).toContain("pendingSchedules");
    expect(fields.filter((field) => !docs.includes(`\`${field}\``))).toEqual([]);
    expect(
      PendingSchedulesInput.shape.choice.options.filter((choice) => !docs.includes(`\`"${choice}"\``)),
    ).toEqual([]);
  });
});
