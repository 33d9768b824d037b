import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { authenticateApiToken, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { signOutEverywhere, startSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createTestActor } from "@/lib/auth/test-actors";
import {
  changeOwnPassword,
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  setUserPassword,
} from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import {
  approveLegalRemoval,
  declineLegalRemoval,
  withdrawLegalRemoval,
} from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { restoreRevision } from "@/lib/revisions/restore-revision";
import { saveRevision } from "@/lib/revisions/save-revision";
import { appErrorOf, createTestStory } from "@/lib/revisions/test-stories";
import { embargoStory } from "@/lib/schedules/embargo-story";
import { runSchedule } from "@/lib/schedules/run-schedule";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";
import { republishStory, unpublishStory, withdrawStory } from "@/lib/stories/story-status";

import { auditCsvHeader, auditCsvRows, neutraliseCell } from "./audit-csv";
import { exportAuditLog, listAuditLog, type AuditEntryDto } from "./audit-log";
import { newsroomDayOf, newsroomDayStart } from "./newsroom-days";

const address = "203.0.113.7";
const secret = "the informant Dana Whitlock";

/** The newest audit_events row of a kind about a person, and whether it shares the act's transaction. */
async function writtenWith(options: { kind: string; userId: string; table: string; id: string }) {
  const [row] = await getDb().$queryRawUnsafe<{ same: boolean; address: string }[]>(
    `SELECT a.xmin::text = t.xmin::text AS same, a.client_address AS address
       FROM audit_events a, ${options.table} t
      WHERE a.kind = $1::"AuditEventKind" AND a.user_id = $2::uuid AND t.id = $3::uuid
      ORDER BY a.id DESC LIMIT 1`,
    options.kind,
    options.userId,
    options.id,
  );
  return row;
}

async function everything(actor: Actor, input: Record<string, unknown> = {}): Promise<AuditEntryDto[]> {
  const entries: AuditEntryDto[] = [];
  for await (const page of await exportAuditLog({ actor, input })) entries.push(...page);
  return entries;
}

const today = () => {
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const { year, month, day } = newsroomDayOf({ instant: new Date(), zone });
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

describe("audit log", () => {
  let admin: Actor;
  let approver: Actor;
  let editor: Actor;
  let contributor: Actor;
  let plaintextToken = "";

  beforeAll(async () => {
    [admin, approver, editor, contributor] = await Promise.all([
      createTestActor({ role: "admin", name: "Ada Admin" }),
      createTestActor({ role: "admin", name: "Abe Approver" }),
      createTestActor({ role: "editor", name: "Eve Editor" }),
      createTestActor({ role: "contributor", name: "Cy Contributor" }),
    ]);
  });

  it("records each act on people and tokens in the act's own transaction", async () => {
    const password = "a long enough password";
    const added = await createUser({
      email: "pat@example.test",
      name: "Pat Person",
      role: "contributor",
      password,
      actor: admin,
      clientAddress: address,
    });
    const user = { kind: "", userId: added.id, table: "users", id: added.id };
    expect(await writtenWith({ ...user, kind: "user_added" })).toEqual({ same: true, address });
    await changeUserRole({ userId: added.id, role: "editor", actor: admin, clientAddress: address });
    expect(await writtenWith({ ...user, kind: "role_changed" })).toMatchObject({ same: true });
    await setUserPassword({ userId: added.id, password: "another long enough password", actor: admin });
    expect(await writtenWith({ ...user, kind: "password_reset" })).toEqual({
      same: true,
      address: "unknown",
    });
    const pat: Actor = {
      userId: added.id,
      email: added.email,
      name: added.name,
      role: "editor",
      via: "session",
    };
    await changeOwnPassword({
      actor: pat,
      currentPassword: "another long enough password",
      newPassword: password,
      confirmPassword: password,
    });
    expect(await writtenWith({ ...user, kind: "password_changed" })).toMatchObject({ same: true });

    const sessionId = await startSession({ userId: added.id, userAgent: "test" });
    await signOutEverywhere({ actor: pat, clientAddress: address });
    expect(
      await writtenWith({
        kind: "signed_out_everywhere",
        userId: added.id,
        table: "user_sessions",
        id: sessionId,
      }),
    ).toMatchObject({ same: true });

    const token = await createApiToken({
      userId: added.id,
      name: "CMS sync",
      actor: pat,
      clientAddress: address,
    });
    plaintextToken = token.token;
    const tokenRow = { userId: added.id, table: "api_tokens", id: token.id };
    expect(await writtenWith({ ...tokenRow, kind: "token_created" })).toMatchObject({ same: true });
    await authenticateApiToken({ token: token.token, clientAddress: "198.51.100.2" });
    expect(await writtenWith({ ...tokenRow, kind: "token_used" })).toEqual({
      same: true,
      address: "198.51.100.2",
    });
    // Used again the same newsroom day: no second entry, even once lastUsedAt moves on.
    const zone = getEnv().NEWSROOM_TIME_ZONE;
    const dayStart = newsroomDayStart({ day: newsroomDayOf({ instant: new Date(), zone }), zone });
    await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: dayStart } });
    await authenticateApiToken({ token: token.token });
    const uses = () => getDb().auditEvent.count({ where: { kind: "token_used", apiTokenId: token.id } });
    expect(await uses()).toBe(1);
    // First use of the next day: recorded again.
    await getDb().apiToken.update({
      where: { id: token.id },
      data: { lastUsedAt: new Date(dayStart.getTime() - 60_000) },
    });
    await authenticateApiToken({ token: token.token });
    expect(await uses()).toBe(2);
    await revokeApiToken({ id: token.id, actor: pat });
    await revokeApiToken({ id: token.id, actor: pat });
    expect(await writtenWith({ ...tokenRow, kind: "token_revoked" })).toMatchObject({ same: true });
    expect(await getDb().auditEvent.count({ where: { kind: "token_revoked", apiTokenId: token.id } })).toBe(
      1,
    );

    await deactivateUser({ userId: added.id, actor: admin });
    expect(await writtenWith({ ...user, kind: "user_deactivated" })).toMatchObject({ same: true });
    await reactivateUser({ userId: added.id, actor: admin });
    expect(await writtenWith({ ...user, kind: "user_reactivated" })).toMatchObject({ same: true });

    // A refused act leaves no entry (an admin deactivating themselves is refused inside the transaction).
    const before = await getDb().auditEvent.count();
    await appErrorOf(deactivateUser({ userId: admin.userId, actor: admin }));
    expect(await getDb().auditEvent.count()).toBe(before);
    // The log's history is append-only, also for the app.
    await expect(getDb().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);

    const entries = await everything(admin, { person: "pat@example.test" });
    expect(entries.map((entry) => entry.kind).reverse()).toEqual([
      "user_added",
      "role_changed",
      "password_reset",
      "password_changed",
      "signed_out_everywhere",
      "token_created",
      "token_used",
      "token_used",
      "token_revoked",
      "user_deactivated",
      "user_reactivated",
    ]);
    const role = entries.find((entry) => entry.kind === "role_changed")!;
    expect(role).toMatchObject({
      label: "Role changed",
      actor: { name: "Ada Admin" },
      subject: { name: "Pat Person" },
      clientAddress: address,
      detail: { fromRole: "contributor", toRole: "editor" },
    });
    expect(entries.find((entry) => entry.kind === "token_revoked")!.token).toEqual({
      name: "CMS sync",
      prefix: plaintextToken.slice(0, 12),
    });
  });

  it("reads story, sign-in and legal removal entries from their own records, redacted with them", async () => {
    const slug = "audit-story";
    await createTestStory({
      actor: editor,
      slug,
      publish: true,
      body: `First paragraph.\n\nSaid ${secret}.`,
    });
    await saveRevision({
      actor: editor,
      slug,
      input: { baseRevision: 1, body: "Changed.", summary: "Edit" },
    });
    await restoreRevision({ actor: editor, slug, number: 1 });
    await unpublishStory({ actor: editor, slug, reason: `Named ${secret} by mistake` });
    await republishStory({ actor: editor, slug, reason: '=HYPERLINK("http://x.test"), "fixed"' });
    await withdrawStory({ actor: editor, slug, input: { note: "Withdrawn.", reason: "Legal" } });
    const runAt = new Date(Date.now() + 3_600_000).toISOString();
    await createTestStory({ actor: editor, slug: "audit-scheduled" });
    const schedule = await scheduleRevision({
      actor: editor,
      slug: "audit-scheduled",
      input: { revision: 1, runAt },
    });
    await getDb().schedule.update({
      where: { id: schedule.id },
      data: { runAt: new Date(Date.now() - 1_000) },
    });
    await runSchedule({ scheduleId: schedule.id });
    await createTestStory({ actor: editor, slug: "audit-embargo" });
    await embargoStory({ actor: editor, slug: "audit-embargo", input: { runAt } });

    const request = (text: string) => ({
      items: [{ kind: "passage", field: "body", text }],
      internalReason: "Court order.",
      publicNotice: "Edited on legal advice.",
      noticePlacement: "foot",
    });
    const declined = await requestLegalRemoval({ actor: admin, slug, input: request("First paragraph") });
    await declineLegalRemoval({ actor: approver, number: declined.number, input: { reason: "Not needed" } });
    const withdrawn = await requestLegalRemoval({ actor: admin, slug, input: request("paragraph") });
    await withdrawLegalRemoval({ actor: admin, number: withdrawn.number, input: {} });
    const approved = await requestLegalRemoval({ actor: admin, slug, input: request(secret) });
    await approveLegalRemoval({ actor: approver, number: approved.number });

    await signInWithPassword({
      email: contributor.email,
      password: "wrong password",
      clientAddress: address,
    });
    const { sessionId } = await completeSignIn({
      userId: contributor.userId,
      method: "password",
      clientAddress: address,
      userAgent: "test",
    });

    const story = await everything(admin, { story: slug });
    expect(new Set(story.map((entry) => entry.kind))).toEqual(
      new Set([
        "publish",
        "restore",
        "unpublish",
        "republish",
        "withdraw",
        "removal_requested",
        "removal_declined",
        "removal_withdrawn",
        "removal_approved",
      ]),
    );
    expect(story.find((entry) => entry.kind === "unpublish")).toMatchObject({
      actor: { name: "Eve Editor" },
      story: { slug },
      reason: `Named ⟦removed ${approved.number}⟧ by mistake`,
    });
    expect(JSON.stringify(story)).not.toContain(secret);
    expect(story.find((entry) => entry.kind === "removal_declined")).toMatchObject({
      actor: { name: "Abe Approver" },
      subject: { name: "Ada Admin" },
      reason: "Not needed",
      detail: { removal: declined.number },
    });
    const scheduled = await everything(admin, { story: "audit-scheduled" });
    expect(scheduled.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(["schedule", "schedule_ran", "publish"]),
    );
    expect(scheduled.find((entry) => entry.kind === "schedule_ran")!.detail).toMatchObject({
      outcome: "published",
    });
    expect((await everything(admin, { story: "audit-embargo" })).map((entry) => entry.kind)).toEqual([
      "embargo",
    ]);

    const signIns = await everything(admin, { person: contributor.email, from: today(), to: today() });
    expect(signIns.map((entry) => [entry.kind, entry.method, entry.clientAddress])).toEqual([
      ["sign_in", "password", address],
      ["sign_in_failed", "password", address],
      ["user_added", null, "unknown"],
    ]);
    expect(JSON.stringify(signIns)).not.toContain(sessionId);

    // Spreadsheet formulas are neutralised; commas and quotes are quoted (RFC 4180).
    const csv = auditCsvHeader() + auditCsvRows({ entries: story, zone: "UTC", style: "house" });
    expect(csv.split("\r\n")[0]).toMatch(/^Time \(UTC\),Time \(newsroom\),Kind,What,By/);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.test""), ""fixed"""`);
    expect(neutraliseCell("-1+2")).toBe("'-1+2");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell(3)).toBe(3);
  });

  it("pages with a cursor, filters by kind, day and person, and never shows a token or secret", async () => {
    const first = await listAuditLog({ actor: admin, input: { limit: 3 } });
    expect(first.entries).toHaveLength(3);
    const second = await listAuditLog({ actor: admin, input: { limit: 3, cursor: first.nextCursor! } });
    expect(second.entries[0]!.at <= first.entries[2]!.at).toBe(true);
    expect(second.entries.map((entry) => entry.id)).not.toContain(first.entries[2]!.id);
    const all = await everything(admin);
    expect(all.map((entry) => entry.id).slice(0, 6)).toEqual(
      [...first.entries, ...second.entries].map((entry) => entry.id),
    );
    const published = await everything(admin, { kind: "publish" });
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((entry) => entry.kind === "publish")).toBe(true);
    expect(await everything(admin, { from: "2099-01-01" })).toEqual([]);

    const text = JSON.stringify(all);
    expect(text).not.toContain(plaintextToken);
    expect(text).not.toMatch(/tokenHash|passwordHash|token_hash|password_hash|\$argon|secret_encrypted/);
    expect(text).not.toContain(plaintextToken.slice(12));
  });

  it("refuses bad filters by field, and everyone but admins", async () => {
    const refusal = async (input: Record<string, unknown>) => {
      const error = await appErrorOf(listAuditLog({ actor: admin, input }));
      return {
        code: error.code,
        fields: (error.details as { fields: { path: string }[] }).fields.map((f) => f.path),
      };
    };
    expect(await refusal({ from: "2026-02-30" })).toEqual({ code: "validation_failed", fields: ["from"] });
    expect(await refusal({ from: "yesterday" })).toEqual({ code: "validation_failed", fields: ["from"] });
    expect(await refusal({ from: "2026-12-08", to: "2026-12-01" })).toEqual({
      code: "validation_failed",
      fields: ["to"],
    });
    expect(await refusal({ kind: "drop_table" })).toEqual({ code: "validation_failed", fields: ["kind"] });
    expect(await refusal({ story: "No Such Story!" })).toEqual({
      code: "validation_failed",
      fields: ["story"],
    });
    expect(await refusal({ story: "no-such-story" })).toEqual({
      code: "validation_failed",
      fields: ["story"],
    });
    expect(await refusal({ person: "nobody" })).toEqual({ code: "validation_failed", fields: ["person"] });
    expect(await refusal({ person: "a\u0000b@example.test" })).toEqual({
      code: "validation_failed",
      fields: ["person"],
    });
    expect(await refusal({ cursor: "not-a-cursor" })).toEqual({ code: "bad_request", fields: ["cursor"] });
    expect(await refusal({ limit: "1e3" })).toEqual({ code: "validation_failed", fields: ["limit"] });
    expect(await refusal({ sort: "asc" })).toEqual({ code: "validation_failed", fields: ["sort"] });

    for (const actor of [editor, contributor, { ...admin, secondFactorSetupRequired: true }]) {
      const error = await appErrorOf(listAuditLog({ actor, input: {} }));
      expect(error.code).toBe("forbidden");
      expect((await appErrorOf(exportAuditLog({ actor, input: {} }))).code).toBe("forbidden");
    }
  });
});
