import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { malformedCursor } from "@/lib/validation/malformed-cursor";
import { parseInput } from "@/lib/validation/parse-input";

import { AuditDetail, shownAuthDetailKeys } from "./audit-detail";
import { AuditLogInput } from "./audit-input";
import { auditKindLabel, auditKinds, type AuditKind } from "./audit-kinds";
import { queryAuditRows, type AuditFilter, type AuditRow } from "./audit-query";
import { newsroomDayStart, nextNewsroomDay, type NewsroomDay } from "./newsroom-days";

export { AuditLogInput } from "./audit-input";

type Person = { id: string; name: string; email: string };

/** One entry of the log. Never a password, a token or a secret: a token is its name and first characters. */
export type AuditEntryDto = {
  /** Stable across pages; unique in the log. */
  id: string;
  at: string;
  kind: AuditKind;
  label: string;
  /** Who did it; null for the command line, the seed, or a sign-in attempt with no account behind it. */
  actor: Person | null;
  /** The person it was done to, when that is someone. */
  subject: Person | null;
  story: { slug: string; headline: string } | null;
  token: { name: string; prefix: string } | null;
  revision: number | null;
  /** The address the act came from, where it was recorded (people, tokens, sign-in). */
  clientAddress: string | null;
  /** How a person signed in (sign-in entries). */
  method: string | null;
  /** The email typed at sign-in, also when no account has it. */
  email: string | null;
  /** The reason or summary given with it, read from its own record (so a legal removal reaches it). */
  reason: string | null;
  detail: Record<string, unknown>;
};

export type AuditPage = { entries: AuditEntryDto[]; nextCursor: string | null };

const keyPattern = /^[a-h][0-9a-f-]{1,40}$/;

function encodeCursor(row: { at: Date; key: string }): string {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.key])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; key: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, key] = parsed as unknown[];
      const instant = typeof at === "string" ? new Date(at) : new Date(Number.NaN);
      if (!Number.isNaN(instant.getTime()) && typeof key === "string" && keyPattern.test(key))
        return { at: instant, key };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw malformedCursor({ list: "audit log" });
}

function fieldError(options: { path: string; message: string; userMessage: string }): AppError {
  return new AppError({
    code: "validation_failed",
    message: `audit log ${options.path}: ${options.message}`,
    userMessage: options.userMessage,
    details: { fields: [{ path: options.path, message: options.message }] },
  });
}

function readDay(text: string, path: "from" | "to"): NewsroomDay {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw fieldError({
      path,
      message: `${text} is not a day on the calendar`,
      userMessage: `${text} is not a day on the calendar; use a date like 2026-12-08.`,
    });
  return { year, month, day };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolvePerson(text: string): Promise<NonNullable<AuditFilter["person"]>> {
  if (uuidPattern.test(text)) {
    const user = await getDb().user.findUnique({ where: { id: text.toLowerCase() }, select: { id: true } });
    if (!user)
      throw fieldError({
        path: "person",
        message: "no one has this id",
        userMessage: "No one on the desk has that id.",
      });
    return { userId: user.id };
  }
  if (!text.includes("@"))
    throw fieldError({
      path: "person",
      message: "must be a person's id or email",
      userMessage: "Name the person by their email (or their id).",
    });
  const email = text.toLowerCase();
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  // An email no account has still finds the failed sign-ins that typed it.
  return user ? { userId: user.id, email } : { email };
}

async function resolveStory(slug: string): Promise<string> {
  const story = await getDb().story.findUnique({ where: { slug }, select: { id: true } });
  if (!story)
    throw fieldError({
      path: "story",
      message: `no story has the slug ${slug}`,
      userMessage: `No story has the slug “${slug}”.`,
    });
  return story.id;
}

/** The input, checked and turned into the query's filter (a day range becomes instants in the newsroom zone). */
async function readFilter(input: AuditLogInput): Promise<AuditFilter> {
  const parsed = parseInput({ schema: AuditLogInput, input });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const from = parsed.from === undefined ? undefined : readDay(parsed.from, "from");
  const to = parsed.to === undefined ? undefined : readDay(parsed.to, "to");
  if (parsed.from && parsed.to && parsed.to < parsed.from)
    throw fieldError({
      path: "to",
      message: "is before the from day",
      userMessage: "The end date is before the start date.",
    });
  return {
    person: parsed.person === undefined ? undefined : await resolvePerson(parsed.person),
    storyId: parsed.story === undefined ? undefined : await resolveStory(parsed.story),
    kind: parsed.kind,
    since: from && newsroomDayStart({ day: from, zone }),
    before: to && newsroomDayStart({ day: nextNewsroomDay(to), zone }),
    after: parsed.cursor === undefined ? undefined : decodeCursor(parsed.cursor),
    limit: parsed.limit,
  };
}

function pick(detail: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).filter(([key]) => keys.includes(key)));
}

/** Only whitelisted facts leave: audit_events' own schema, chosen keys of auth_events, or the query's own. */
function shownDetail(row: AuditRow): Record<string, unknown> {
  const detail = row.detail && typeof row.detail === "object" ? row.detail : {};
  if (row.source === "audit") {
    const checked = AuditDetail.safeParse(detail);
    return checked.success ? checked.data : {};
  }
  if (row.source === "auth") return pick(detail, shownAuthDetailKeys);
  return detail;
}

function person(id: string | null, name: string | null, email: string | null): Person | null {
  return id && name !== null && email !== null ? { id, name, email } : null;
}

function toDto(row: AuditRow): AuditEntryDto {
  const kind = row.kind as AuditKind;
  return {
    id: row.key,
    at: row.at.toISOString(),
    kind,
    label: auditKindLabel(kind),
    actor: person(row.actorId, row.actorName, row.actorEmail),
    subject: person(row.subjectId, row.subjectName, row.subjectEmail),
    story:
      row.storySlug === null ? null : { slug: row.storySlug, headline: row.storyHeadline ?? row.storySlug },
    token: row.tokenName === null ? null : { name: row.tokenName, prefix: row.tokenPrefix ?? "" },
    revision: row.revision,
    clientAddress: row.clientAddress,
    method: row.method,
    email: row.email,
    reason: row.reason,
    detail: shownDetail(row),
  };
}

async function readPage(filter: AuditFilter): Promise<AuditPage> {
  const rows = await queryAuditRows({ db: getDb(), filter: { ...filter, limit: filter.limit + 1 } });
  const shown = rows.slice(0, filter.limit);
  const last = shown.at(-1);
  return {
    entries: shown.map(toDto),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
  };
}

/**
 * A page of the newsroom's audit log, newest first: who did what, to whom, on which story, and when. Admins
 * only; filters by person (who acted, or was acted on), story, kind and newsroom days.
 */
export async function listAuditLog(options: { actor: Actor; input: AuditLogInput }): Promise<AuditPage> {
  assertCan({ actor: options.actor, permission: "audit:read" });
  return readPage(await readFilter(options.input));
}

// A CSV export reads the log in pages of this many, and stops at the cap (the desk says so in the file).
const exportPageSize = 500;
export const auditExportCap = 100_000;

/**
 * Every entry matching the filters, newest first, page by page (for the CSV), up to auditExportCap. The
 * permission and the input are checked before the first row is read, so a refusal is a clean 4xx.
 */
export async function exportAuditLog(options: {
  actor: Actor;
  input: AuditLogInput;
}): Promise<AsyncGenerator<AuditEntryDto[]>> {
  assertCan({ actor: options.actor, permission: "audit:read" });
  const filter = await readFilter({ ...options.input, limit: undefined });
  return (async function* pages() {
    let after = filter.after;
    for (let read = 0; read < auditExportCap; read += exportPageSize) {
      const page = await readPage({ ...filter, after, limit: exportPageSize });
      yield page.entries;
      if (!page.nextCursor) return;
      after = decodeCursor(page.nextCursor);
    }
  })();
}

export { auditKinds };
