import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { storyNotFound } from "@/lib/stories/story";

/**
 * A draft the schedule form offers, newest first; one already waiting on a schedule is listed but not
 * offered.
 */
export type SchedulableRevision = {
  number: number;
  kind: RevisionKind;
  summary: string | null;
  authorName: string;
  savedAt: string;
  alreadyScheduled: boolean;
};

// The form lists the newest drafts; an older one is in them anyway (each draft builds on the one before).
const listedDrafts = 20;

/** The drafts saved since the live revision, for choosing what to schedule (no numbers typed by hand). */
export async function listSchedulableRevisions(options: {
  actor: Actor;
  slug: string;
}): Promise<SchedulableRevision[]> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const story = await getDb().story.findUnique({
    where: { slug: options.slug },
    select: { id: true, liveRevisionNumber: true },
  });
  if (!story) throw storyNotFound({ slug: options.slug });
  const rows = await getDb().revision.findMany({
    where: { storyId: story.id, number: { gt: story.liveRevisionNumber ?? 0 }, publishedAt: null },
    orderBy: { number: "desc" },
    take: listedDrafts,
    select: { number: true, kind: true, summary: true, createdAt: true, author: { select: { name: true } } },
  });
  const waiting = new Set(
    (
      await getDb().schedule.findMany({
        where: { storyId: story.id, state: "pending", revisionNumber: { in: rows.map((row) => row.number) } },
        select: { revisionNumber: true },
      })
    ).map((schedule) => schedule.revisionNumber),
  );
  const { timeZone, timeStyle } = newsroomSettings();
  return rows.map((row) => ({
    number: row.number,
    kind: row.kind,
    summary: row.summary,
    authorName: row.author.name,
    savedAt: formatNewsroomTime({ instant: row.createdAt, zone: timeZone, style: timeStyle }),
    alreadyScheduled: waiting.has(row.number),
  }));
}
