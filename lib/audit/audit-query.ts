import "server-only";

import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/** One row of the log as the query returns it, before the service shapes it. */
export type AuditRow = {
  key: string;
  at: Date;
  kind: string;
  source: "audit" | "auth" | "other";
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  subjectId: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
  storySlug: string | null;
  storyHeadline: string | null;
  tokenName: string | null;
  tokenPrefix: string | null;
  clientAddress: string | null;
  method: string | null;
  email: string | null;
  revision: number | null;
  detail: Record<string, unknown>;
  reason: string | null;
};

export type AuditFilter = {
  person?: { userId?: string; email?: string };
  storyId?: string;
  kind?: string;
  since?: Date;
  before?: Date;
  after?: { at: Date; key: string };
  limit: number;
};

/*
 * Every source of the log, as rows of one shape. Each branch reads its own table, so text a legal removal
 * redacts there (status reasons, summaries, held reasons, decision reasons) is redacted here too; nothing is
 * copied. `key` orders entries of the same millisecond and is unique across branches (a letter per source).
 * The outer WHERE is pushed into every branch by PostgreSQL (UNION ALL of plain columns), and a kind filter
 * makes the branches of other kinds constant-false, so each filter uses its table's own indexes.
 */
const sources = Prisma.sql`
  SELECT 'a' || lpad(id::text, 19, '0') AS key, at, kind::text AS kind, 'audit' AS source,
         actor_id, user_id, story_id, api_token_id, client_address,
         NULL::text AS method, NULL::text AS email, NULL::int AS revision, detail, NULL::text AS reason
    FROM audit_events
  UNION ALL
  SELECT 'b' || lpad(id::text, 19, '0'), at, kind::text, 'auth',
         coalesce(actor_id, user_id), user_id, NULL::uuid, NULL::uuid, client_address,
         method, email, NULL::int, detail, NULL::text
    FROM auth_events
  UNION ALL
  SELECT 'c' || id::text, created_at, action::text, 'other',
         actor_id, NULL::uuid, story_id, NULL::uuid, NULL::text,
         NULL::text, NULL::text, revision_number, '{}'::jsonb, reason
    FROM story_status_events
  UNION ALL
  SELECT 'd' || id::text, created_at, 'restore', 'other',
         author_id, NULL::uuid, story_id, NULL::uuid, NULL::text,
         NULL::text, NULL::text, number, '{}'::jsonb, summary
    FROM revisions WHERE kind = 'restore'
  UNION ALL
  -- A schedule that ran: published, or held. A schedule taken up by a person's publish is that publish.
  SELECT 'e' || id::text, ran_at, 'schedule_ran', 'other',
         created_by_id, NULL::uuid, story_id, NULL::uuid, NULL::text,
         NULL::text, NULL::text, revision_number,
         jsonb_build_object('outcome', CASE WHEN state = 'done' THEN 'published' ELSE 'held' END,
                            'late', late, 'publishedRevision', published_number),
         held_reason
    FROM schedules WHERE ran_at IS NOT NULL AND NOT (state = 'done' AND resolved_by_id IS NOT NULL)
  UNION ALL
  SELECT 'f' || id::text, requested_at, 'removal_requested', 'other',
         requested_by_id, NULL::uuid, story_id, NULL::uuid, NULL::text,
         NULL::text, NULL::text, NULL::int, jsonb_build_object('removal', number), NULL::text
    FROM legal_removal_requests
  UNION ALL
  SELECT 'g' || id::text, decided_at, 'removal_' || state::text, 'other',
         decided_by_id, requested_by_id, story_id, NULL::uuid, NULL::text,
         NULL::text, NULL::text, NULL::int, jsonb_build_object('removal', number), decision_reason
    FROM legal_removal_requests WHERE state IN ('declined', 'withdrawn') AND decided_at IS NOT NULL
  UNION ALL
  SELECT 'h' || id::text, approved_at, 'removal_approved', 'other',
         approved_by_id, requested_by_id, story_id, NULL::uuid, NULL::text,
         NULL::text, NULL::text, NULL::int,
         jsonb_build_object('removal', number, 'liveChanged', live_changed), NULL::text
    FROM legal_removal_records`;

function conditions(filter: AuditFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  const { person } = filter;
  if (person) {
    const either: Prisma.Sql[] = [];
    if (person.userId)
      either.push(Prisma.sql`e.actor_id = ${person.userId}::uuid OR e.user_id = ${person.userId}::uuid`);
    // Failed sign-ins name the email typed, also when no account has it.
    if (person.email) either.push(Prisma.sql`lower(e.email) = ${person.email.toLowerCase()}`);
    where.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  if (filter.storyId) where.push(Prisma.sql`e.story_id = ${filter.storyId}::uuid`);
  if (filter.kind) where.push(Prisma.sql`e.kind = ${filter.kind}`);
  if (filter.since) where.push(Prisma.sql`e.at >= ${filter.since}`);
  if (filter.before) where.push(Prisma.sql`e.at < ${filter.before}`);
  if (filter.after)
    where.push(Prisma.sql`(e.at, e.key) < (${filter.after.at}::timestamptz, ${filter.after.key})`);
  return where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
}

/** Up to `limit` entries, newest first, with the names of the people, story and token they concern. */
export async function queryAuditRows(options: { db: Db; filter: AuditFilter }): Promise<AuditRow[]> {
  return options.db.$queryRaw<AuditRow[]>`
    SELECT e.key, e.at, e.kind, e.source,
           e.actor_id AS "actorId", a.name AS "actorName", a.email AS "actorEmail",
           e.user_id AS "subjectId", u.name AS "subjectName", u.email AS "subjectEmail",
           s.slug AS "storySlug", r.headline AS "storyHeadline",
           t.name AS "tokenName", t.prefix AS "tokenPrefix",
           e.client_address AS "clientAddress", e.method, e.email, e.revision, e.detail, e.reason
      FROM (${sources}) AS e
      LEFT JOIN users a ON a.id = e.actor_id
      LEFT JOIN users u ON u.id = e.user_id
      LEFT JOIN stories s ON s.id = e.story_id
      LEFT JOIN revisions r ON r.story_id = s.id AND r.number = s.latest_revision_number
      LEFT JOIN api_tokens t ON t.id = e.api_token_id
      ${conditions(options.filter)}
     ORDER BY e.at DESC, e.key DESC
     LIMIT ${options.filter.limit}`;
}
