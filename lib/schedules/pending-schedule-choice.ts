import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { PublicContentDiff } from "@/lib/revisions/diff/content-diff-types";
import { diffContentOffLoop } from "@/lib/revisions/diff/diff-content-off-loop";
import { publicDiff } from "@/lib/revisions/diff/public-diff";
import { readRevision } from "@/lib/revisions/read-revision";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import { storyNotFound, type LockedStory } from "@/lib/stories/story";

import { leaveRefusal, leaveScheduledOut } from "./leave-scheduled-out";
import { labelInstant } from "./newsroom-local-time";
import type { PendingSchedulesInput } from "./pending-schedules-input";
import { databaseNow } from "./schedule-history";
import { scheduledChangeLines } from "./scheduled-change-lines";

/**
 * A schedule waiting on the story, as a publisher is told about it: which, when, by whom and what it changes.
 */
export type PendingScheduleNotice = {
  id: string;
  revisionNumber: number;
  /** ISO instant (UTC); the desk prints it in newsroom time. */
  runAt: string;
  /** The same instant as the newsroom reads it, for API clients and messages. */
  runAtLabel: string;
  scheduledBy: { id: string; name: string };
  /**
   * What readers would see change when it goes out, against what they have now (or before it, for an
   * unpublished story).
   */
  changes: PublicContentDiff;
  /** The same in a few sentences, for the desk's confirmation and for people reading a 409. */
  changeLines: string[];
};

/**
 * A pending schedule as the desk's publish confirmation shows it (the structured diff stays on the server).
 */
export type PendingScheduleBrief = Omit<PendingScheduleNotice, "changes">;

/** What the publish puts out, how its status history entry reads, and what to settle once it is written. */
export type ScheduleChoiceOutcome = {
  content: RevisionContent;
  statusReason?: string;
  settle: (options: { publishedNumber: number }) => Promise<void>;
};

type PendingRow = {
  id: string;
  revisionNumber: number;
  runAt: Date;
  createdBy: { id: string; name: string };
};

async function pendingRows(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
}): Promise<PendingRow[]> {
  return options.tx.schedule.findMany({
    where: { storyId: options.storyId, state: "pending" },
    orderBy: [{ runAt: "asc" }, { revisionNumber: "asc" }],
    select: { id: true, revisionNumber: true, runAt: true, createdBy: { select: { id: true, name: true } } },
  });
}

/**
 * The revision readers would have without the scheduled one: the live one, or (never published) the one it
 * was built on.
 */
function withoutNumber(options: {
  story: Pick<LockedStory, "liveRevisionNumber">;
  scheduledBase: number | null;
}): number | null {
  return options.story.liveRevisionNumber ?? options.scheduledBase;
}

/**
 * The pending schedules of a story (`rows`, already read) with what each changes for readers; the desk's
 * publish confirmation shows them.
 */
async function describePendingSchedules(options: {
  tx: Prisma.TransactionClient;
  story: Pick<LockedStory, "id" | "liveRevisionNumber">;
  rows: PendingRow[];
}): Promise<PendingScheduleNotice[]> {
  const { tx, story } = options;
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const notices: PendingScheduleNotice[] = [];
  // One query at a time: a transaction owns a single connection.
  for (const row of options.rows) {
    const { revision: scheduled } = await readRevision({ tx, storyId: story.id, number: row.revisionNumber });
    const fromNumber = withoutNumber({ story, scheduledBase: scheduled.baseNumber });
    const from =
      fromNumber === null
        ? null
        : (await readRevision({ tx, storyId: story.id, number: fromNumber })).revision.content;
    const changes = publicDiff(
      await diffContentOffLoop({
        from: from ?? {
          ...scheduled.content,
          headline: "",
          dek: "",
          byline: "",
          body: "",
          images: [],
          credits: [],
        },
        to: scheduled.content,
      }),
    );
    notices.push({
      id: row.id,
      revisionNumber: row.revisionNumber,
      runAt: row.runAt.toISOString(),
      runAtLabel: labelInstant({ instant: row.runAt, zone }),
      scheduledBy: row.createdBy,
      changes,
      changeLines: scheduledChangeLines(changes),
    });
  }
  return notices;
}

/** What "leave" merges against: the newest scheduled revision (it carries every older one's changes, as revisions
 * are saved one on another) and what readers would have without it (null: it is the story's first). */
export type LeaveOutSides = {
  scheduledNumber: number;
  scheduled: RevisionContent;
  without: RevisionContent | null;
};

async function leaveOutSides(options: {
  tx: Prisma.TransactionClient;
  story: Pick<LockedStory, "id" | "liveRevisionNumber">;
  rows: PendingRow[];
}): Promise<LeaveOutSides> {
  const { tx, story, rows } = options;
  const newest = rows.reduce((a, b) => (b.revisionNumber > a.revisionNumber ? b : a));
  const { revision: scheduled } = await readRevision({
    tx,
    storyId: story.id,
    number: newest.revisionNumber,
  });
  const withoutRevision = withoutNumber({ story, scheduledBase: scheduled.baseNumber });
  const without =
    withoutRevision === null
      ? null
      : (await readRevision({ tx, storyId: story.id, number: withoutRevision })).revision.content;
  return { scheduledNumber: newest.revisionNumber, scheduled: scheduled.content, without };
}

/**
 * The schedules waiting on a story as a publish confirmation needs them: who, when and what, and the two
 * sides "leave" merges with, so the confirmation shows what would go out with the same merge the publish
 * runs.
 */
export async function readPendingSchedulesForPublish(options: {
  story: Pick<LockedStory, "id" | "liveRevisionNumber">;
}): Promise<{ briefs: PendingScheduleBrief[]; leaveOut: LeaveOutSides | null }> {
  const tx = getDb();
  const rows = await pendingRows({ tx, storyId: options.story.id });
  if (rows.length === 0) return { briefs: [], leaveOut: null };
  const notices = await describePendingSchedules({ tx, story: options.story, rows });
  return {
    briefs: notices.map(({ changes: _changes, ...brief }) => brief),
    leaveOut: await leaveOutSides({ tx, story: options.story, rows }),
  };
}

/**
 * For a restore's dialog: the schedules waiting on the story, and why publishing revision `number`'s content
 * without them would be refused (null: it would not), by the same merge the restore then runs.
 */
export async function previewRestoreScheduleChoice(options: {
  actor: Actor;
  slug: string;
  number: number;
}): Promise<{ schedules: PendingScheduleBrief[]; leaveRefusal: string | null }> {
  assertCan({ actor: options.actor, permission: "revision:restore" });
  const story = await getDb().story.findUnique({
    where: { slug: options.slug },
    select: { id: true, liveRevisionNumber: true },
  });
  if (!story) throw storyNotFound({ slug: options.slug });
  const waiting = await readPendingSchedulesForPublish({ story });
  if (!waiting.leaveOut) return { schedules: waiting.briefs, leaveRefusal: null };
  const { revision: source } = await readRevision({ tx: getDb(), storyId: story.id, number: options.number });
  const outcome = leaveScheduledOut({
    scheduled: waiting.leaveOut.scheduled,
    ours: source.content,
    without: waiting.leaveOut.without,
  });
  return {
    schedules: waiting.briefs,
    leaveRefusal: leaveRefusal({ outcome, scheduledNumber: waiting.leaveOut.scheduledNumber }),
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((id) => left.has(id));
}

function choiceNeeded(options: { notices: PendingScheduleNotice[]; stale: boolean }): AppError {
  const { notices } = options;
  const named = notices
    .map(
      (notice) =>
        `revision ${notice.revisionNumber}, scheduled by ${notice.scheduledBy.name} for ${notice.runAtLabel}`,
    )
    .join("; ");
  return new AppError({
    code: "conflict",
    message: `publish with ${notices.length} pending schedule(s) ${options.stale ? "named other schedules" : "did not say what to do with them"}`,
    userMessage: `${options.stale ? "The schedules on this story changed since you looked. " : ""}A scheduled publication is waiting (${named}). Say whether to publish only your change, leaving it to go out at its time, or to include its changes now.`,
    details: {
      pendingSchedules: notices,
      fields: [
        { path: "pendingSchedules", message: 'name the pending schedules and choose "leave" or "include"' },
      ],
    },
  });
}

/**
 * The rule for a publish while schedules wait on the story (a manual publish, a save that publishes, a
 * restore): it never carries a scheduled revision's changes unless the publisher said so, naming every
 * pending schedule. "leave" publishes the publisher's content minus the newest scheduled revision's changes,
 * onto what readers have (three-way: base = the scheduled revision, ours = the publisher's content, theirs =
 * the live revision); the schedules stay and go out at their time, merged by the runner. "include" publishes
 * the content as it is and settles the schedules in the same transaction ("published early by …"), so they
 * never run.
 */
export async function applyPendingScheduleChoice(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  content: RevisionContent;
  choice: PendingSchedulesInput | undefined;
}): Promise<ScheduleChoiceOutcome> {
  const { tx, story, actor, content, choice } = options;
  const rows = await pendingRows({ tx, storyId: story.id });
  const nothing: ScheduleChoiceOutcome = { content, settle: async () => {} };
  if (rows.length === 0 && !choice) return nothing;
  if (
    !choice ||
    !sameIds(
      choice.ids,
      rows.map((row) => row.id),
    )
  ) {
    const notices = await describePendingSchedules({ tx, story, rows });
    if (notices.length === 0) {
      throw new AppError({
        code: "conflict",
        message: "publish named pending schedules but none is pending",
        userMessage:
          "The schedule you were told about has already run or was cancelled, so nothing is waiting any more. Look at the story again and publish.",
        details: { pendingSchedules: [] },
      });
    }
    throw choiceNeeded({ notices, stale: choice !== undefined });
  }
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const named = rows
    .map(
      (row) =>
        `revision ${row.revisionNumber} (scheduled by ${row.createdBy.name} for ${labelInstant({ instant: row.runAt, zone })})`,
    )
    .join(", ");
  if (choice.choice === "include") {
    return {
      content,
      statusReason: `Published early by ${actor.name}, including ${named}; ${rows.length === 1 ? "that schedule will not run" : "those schedules will not run"}.`,
      settle: async ({ publishedNumber }) => {
        const now = await databaseNow({ tx });
        await tx.schedule.updateMany({
          where: { id: { in: rows.map((row) => row.id) }, state: "pending" },
          data: { state: "done", ranAt: now, publishedNumber, resolvedAt: now, resolvedById: actor.userId },
        });
      },
    };
  }
  const sides = await leaveOutSides({ tx, story, rows });
  const left = leaveScheduledOut({ scheduled: sides.scheduled, ours: content, without: sides.without });
  if (left.status === "first") {
    throw new AppError({
      code: "conflict",
      message: `leaving out scheduled revision ${sides.scheduledNumber}, the story's first`,
      userMessage: `Revision ${sides.scheduledNumber} is the story's first version, so there is nothing to publish without it. Include it, or wait for its time.`,
    });
  }
  if (left.status === "conflict") {
    throw new AppError({
      code: "conflict",
      message: `leaving out scheduled revision ${sides.scheduledNumber}: ${left.conflicts.length} conflict(s)`,
      userMessage: `Your change touches the same part of the story as the scheduled ${named}, so it cannot go out without it. Include the scheduled changes now, or wait for its time and publish after it.`,
      details: { conflicts: left.conflicts },
    });
  }
  return {
    content: left.content,
    statusReason: `Published without the scheduled ${named}, which still goes out at its time.`,
    settle: async () => {},
  };
}
