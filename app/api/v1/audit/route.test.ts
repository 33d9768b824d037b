import { beforeAll, describe, expect, it } from "vitest";

import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";

import { GET as auditCsv } from "./csv/route";
import { GET as auditLog } from "./route";

const context = { params: Promise.resolve(undefined) };

function get(path: string, token: string): Request {
  return new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });
}

type Page = {
  entries: { kind: string; token: { name: string; prefix: string } | null }[];
  nextCursor: string | null;
};
type ErrorBody = { error: { code: string; details: { fields?: { path: string }[] } } };

describe("the audit log API", () => {
  let admin = "";
  let editor = "";
  let revoked = "";

  beforeAll(async () => {
    const adminActor = await createTestActor({ role: "admin" });
    const editorActor = await createTestActor({ role: "editor" });
    admin = (await createApiToken({ userId: adminActor.userId, name: "Audit reader", actor: adminActor }))
      .token;
    editor = (await createApiToken({ userId: editorActor.userId, name: "Editor", actor: "system" })).token;
    const gone = await createApiToken({ userId: adminActor.userId, name: "Old", actor: "system" });
    await revokeApiToken({ id: gone.id, actor: "system" });
    revoked = gone.token;
  });

  it("answers admins a page of JSON and the CSV, and never the token itself", async () => {
    const response = await auditLog(get("/api/v1/audit?kind=token_used", admin), context);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.entries.map((entry) => [entry.kind, entry.token?.name])).toEqual([
      ["token_used", "Audit reader"],
    ]);
    expect(JSON.stringify(page)).not.toContain(admin);

    const csv = await auditCsv(get("/api/v1/audit/csv?kind=token_created", admin), context);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="copydesk-audit-/);
    const text = await csv.text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(text).toContain("Audit reader");
    expect(text).not.toContain(admin);
  });

  it("refuses an editor (403), a revoked token (401) and a bad filter (400, by field)", async () => {
    expect((await auditLog(get("/api/v1/audit", editor), context)).status).toBe(403);
    expect((await auditCsv(get("/api/v1/audit/csv", editor), context)).status).toBe(403);
    const gone = await auditLog(get("/api/v1/audit", revoked), context);
    expect(gone.status).toBe(401);
    expect(gone.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const bad = await auditCsv(get("/api/v1/audit/csv?from=2026-13-01", admin), context);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.details.fields?.map((field) => field.path)).toEqual(["from"]);
    const unknown = (await (await auditLog(get("/api/v1/audit?who=me", admin), context)).json()) as ErrorBody;
    expect(unknown.error.details.fields?.map((field) => field.path)).toEqual(["who"]);
  });
});
