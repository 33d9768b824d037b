import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { ContentDiff } from "@/lib/revisions/diff/content-diff-types";
import { diffContentOffLoop } from "@/lib/revisions/diff/diff-content-off-loop";
import type { ContentMerge } from "@/lib/revisions/merge/content-merge-types";
import { mergeContentOffLoop } from "@/lib/revisions/merge/merge-content-off-loop";
import { readRevision } from "@/lib/revisions/read-revision";
import type { RevisionDto } from "@/lib/revisions/revision-dto";
import { storyNotFound, type LockedStory } from "@/lib/stories/story";

import type { LockedSchedule } from "./locked-schedule";
import { scheduleSelect, toScheduleDto, type ScheduleDto } from "./schedule-dto";

/**
 * The three-way merge a held schedule needs: base = the revision live when it was scheduled, ours = the
 * scheduled revision, theirs = the story's newest revision now (what is live, plus any draft saved since).
 * `changedSince` is what happened to the story between base and theirs.
 */
export type HeldMerge = {
  baseRevision: number;
  oursRevision: number;
  theirsRevision: number;
  /** Theirs is what readers see now (no draft saved since the live revision). */
  theirsIsLive: boolean;
  changedSince: ContentDiff;
  merge: ContentMerge;
};

export type HeldScheduleView = {
  schedule: ScheduleDto;
  headline: string;
  /** Null once the schedule is no longer held (resolved): the page then says what became of it. */
  merge: HeldMerge | null;
  /**
   * The scheduled revision's own kind, summary and note: what readers get unless the schedule says otherwise.
   */
  ours: Pick<RevisionDto, "kind" | "summary" | "publicNote">;
};

/**
 * Computes the merge of a held schedule against the story as it is now; the resolve service recomputes it
 * under lock.
 */
export async function heldMergeOf(options: {
  tx?: Prisma.TransactionClient;
  story: Pick<LockedStory, "id" | "latestRevisionNumber" | "liveRevisionNumber">;
  schedule: Pick<LockedSchedule, "revisionNumber" | "liveNumberAtSchedule">;
}): Promise<HeldMerge & { ours: RevisionDto; theirs: RevisionDto; theirsHash: string }> {
  const { tx, story, schedule } = options;
  const [{ revision: ours }, { revision: theirs, contentHash: theirsHash }] = await Promise.all([
    readRevision({ tx, storyId: story.id, number: schedule.revisionNumber }),
    readRevision({ tx, storyId: story.id, number: story.latestRevisionNumber }),
  ]);
  // As the runner merged it (run-schedule.ts): from what was live when it was scheduled.
  const baseRevision = schedule.liveNumberAtSchedule ?? ours.baseNumber ?? schedule.revisionNumber;
  const { revision: base } = await readRevision({ tx, storyId: story.id, number: baseRevision });
  const [changedSince, merge] = await Promise.all([
    diffContentOffLoop({ from: base.content, to: theirs.content }),
    mergeContentOffLoop({ base: base.content, ours: ours.content, theirs: theirs.content }),
  ]);
  return {
    baseRevision,
    oursRevision: ours.number,
    theirsRevision: theirs.number,
    theirsIsLive: story.liveRevisionNumber === theirs.number,
    changedSince,
    merge,
    ours,
    theirs,
    theirsHash,
  };
}

/** What the desk's merge view of a held schedule shows; any desk role may look. */
export async function readHeldScheduleMerge(options: {
  actor: Actor;
  slug: string;
  scheduleId: string;
}): Promise<HeldScheduleView> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const story = await getDb().story.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      latestRevisionNumber: true,
      liveRevisionNumber: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { headline: true } },
    },
  });
  if (!story) throw storyNotFound({ slug: options.slug });
  if (!z.uuid().safeParse(options.scheduleId).success) throw noHeldSchedule(options.scheduleId);
  const row = await getDb().schedule.findFirst({
    where: { id: options.scheduleId, storyId: story.id },
    select: scheduleSelect,
  });
  if (!row || (row.state !== "held" && row.state !== "resolved")) throw noHeldSchedule(options.scheduleId);
  const schedule = toScheduleDto(row);
  const found = row.state === "held" ? await heldMergeOf({ story, schedule }) : null;
  const { revision: ours } = found
    ? { revision: found.ours }
    : await readRevision({ storyId: story.id, number: row.revisionNumber });
  return {
    schedule,
    headline: story.revisions[0]?.headline ?? "",
    merge: found
      ? {
          baseRevision: found.baseRevision,
          oursRevision: found.oursRevision,
          theirsRevision: found.theirsRevision,
          theirsIsLive: found.theirsIsLive,
          changedSince: found.changedSince,
          merge: found.merge,
        }
      : null,
    ours: { kind: ours.kind, summary: ours.summary, publicNote: ours.publicNote },
  };
}

function noHeldSchedule(id: string): AppError {
  return new AppError({
    code: "not_found",
    message: `schedule ${id} is not a held schedule of this story`,
    userMessage: "This story has no such held schedule.",
  });
}
