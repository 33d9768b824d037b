import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewField } from "@/lib/db/generated/enums";
import { isAppError } from "@/lib/errors/app-error";
import type { AnchorPlacement } from "@/lib/review-anchors/anchor-types";
import { relocateAnchorsOffLoop } from "@/lib/review-anchors/relocate-anchors-off-loop";

import type { ReviewThreadDto, ThreadAnchor } from "./read-threads";

/**
 * Where a thread shows on a page that displays revision `to` (compared, perhaps, with revision `from`):
 * - "revision": a comment on a whole revision;
 * - "words": its words are in the text shown, at [start, end) of `field` in `revision`, on the new side (the
 *   revision shown) or the old side (the older revision of a comparison, for a removed passage);
 * - "gone": its words did not survive; `changedIn` is the revision that changed or removed them (null when
 *   too many revisions lie between to follow each one);
 * - "unknown": the comparison ran out of time before it could tell;
 * - "later": its words are in a revision after the one shown.
 */
export type ThreadPlace =
  | { kind: "revision" }
  | {
      kind: "words";
      side: "new" | "old";
      revision: number;
      field: ReviewField;
      start: number;
      end: number;
      /** A few words either side, for pages that cannot highlight them in place. */
      before: string;
      after: string;
    }
  | { kind: "gone"; changedIn: number | null; reason: "changed" | "removed" }
  | { kind: "unknown" }
  | { kind: "later"; revision: number };

export type PlacedThread = ReviewThreadDto & { place: ThreadPlace };

/** Past this many revisions between a comment's and the one shown, words are followed in one step. */
const stepLimit = 40;
/**
 * How long one page may spend following words, all fields together: past it, comments not yet placed say the
 * comparison could not tell in time, rather than holding the page (each step may go to the worker pool).
 */
const placingBudgetMs = 4_000;
/** Characters of context shown either side of a comment's words. */
const contextLength = 80;

const unknown: AnchorPlacement = { kind: "unknown" };

type Job = { index: number; anchor: ThreadAnchor; side: "new" | "old"; target: number };

/**
 * Places each thread in the revision shown: its words are followed revision by revision from the one they
 * were written on, through the same comparison as the compare view (lib/review-anchors), so a comment stays
 * on its words while the text around them changes and says which revision changed them when they go.
 */
export async function placeThreads(options: {
  db: Prisma.TransactionClient;
  storyId: string;
  threads: ReviewThreadDto[];
  to: number;
  from?: number;
}): Promise<PlacedThread[]> {
  const { db, storyId, threads, to, from } = options;
  const places: ThreadPlace[] = threads.map(() => ({ kind: "revision" }));
  const deadline = Date.now() + placingBudgetMs;
  const groups = new Map<string, Job[]>();
  threads.forEach((thread, index) => {
    const anchor = thread.anchor;
    if (!anchor) return;
    // A removed passage shows on the older side of a comparison that still holds it.
    const removed = anchor.revision < thread.revisionNumber;
    const [side, target] =
      removed && from !== undefined && anchor.revision <= from
        ? (["old", from] as const)
        : (["new", to] as const);
    if (anchor.revision > target) {
      places[index] = { kind: "later", revision: anchor.revision };
      return;
    }
    const key = `${anchor.field}:${target}`;
    const group = groups.get(key) ?? [];
    group.push({ index, anchor, side, target });
    groups.set(key, group);
  });
  for (const jobs of groups.values()) {
    const [first] = jobs;
    if (!first) continue;
    const results = await followWords({
      db,
      storyId,
      field: first.anchor.field,
      target: first.target,
      jobs,
      deadline,
    });
    jobs.forEach((job, at) => {
      const result = results[at];
      if (result) places[job.index] = result;
    });
  }
  return threads.map((thread, index) => ({ ...thread, place: places[index] ?? { kind: "revision" } }));
}

async function followWords(options: {
  db: Prisma.TransactionClient;
  storyId: string;
  field: ReviewField;
  target: number;
  jobs: Job[];
  deadline: number;
}): Promise<ThreadPlace[]> {
  const { db, storyId, field, target, jobs, deadline } = options;
  const earliest = Math.min(...jobs.map((job) => job.anchor.revision));
  const stepwise = target - earliest <= stepLimit;
  const numbers = stepwise
    ? Array.from({ length: target - earliest + 1 }, (_, offset) => earliest + offset)
    : [...new Set([...jobs.map((job) => job.anchor.revision), target])];
  const rows = await db.revision.findMany({
    where: { storyId, number: { in: numbers } },
    // Only the field the comments are on: a long body is not read four times over.
    select: {
      number: true,
      headline: field === "headline",
      dek: field === "dek",
      byline: field === "byline",
      body: field === "body",
    },
  });
  const texts = new Map(rows.map((row) => [row.number, row[field]]));
  const results: ThreadPlace[] = jobs.map(() => ({ kind: "unknown" }));
  // Where each comment's words are at the revision reached so far; null once settled (gone or unknown).
  const current: ({ start: number; end: number } | null)[] = jobs.map(() => null);
  const settled = jobs.map(() => false);
  const path = stepwise ? numbers : [...new Set([earliest, ...numbers])].sort((a, b) => a - b);
  let previous: number | null = null;
  for (const number of path) {
    const text = texts.get(number);
    if (text === undefined) continue;
    const moving = jobs.flatMap((job, at) => (previous !== null && current[at] && !settled[at] ? [at] : []));
    const before = previous === null ? undefined : texts.get(previous);
    // A revision that left this field alone moves nothing.
    if (moving.length > 0 && before !== undefined && before !== text) {
      const placed: AnchorPlacement[] =
        Date.now() > deadline
          ? moving.map(() => unknown)
          : await relocateAnchorsOffLoop({
              fromText: before,
              toText: text,
              anchors: moving.map((at) => current[at] ?? { start: 0, end: 0 }),
            }).catch((error: unknown) => {
              // A full worker pool leaves these comments unplaced for now; the page itself still answers.
              if (isAppError(error) && error.code === "unavailable") return moving.map(() => unknown);
              throw error;
            });
      moving.forEach((at, offset) => {
        const placement: AnchorPlacement = placed[offset] ?? { kind: "unknown" };
        if (placement.kind === "found") current[at] = { start: placement.start, end: placement.end };
        else {
          settled[at] = true;
          current[at] = null;
          results[at] =
            placement.kind === "gone"
              ? { kind: "gone", changedIn: stepwise ? number : null, reason: placement.reason }
              : { kind: "unknown" };
        }
      });
    }
    // Comments written on this revision join here, at their own words.
    jobs.forEach((job, at) => {
      if (job.anchor.revision === number && !settled[at])
        current[at] = { start: job.anchor.start, end: job.anchor.end };
    });
    previous = number;
  }
  const shown = texts.get(target) ?? "";
  jobs.forEach((job, at) => {
    const range = current[at];
    if (!settled[at] && range)
      results[at] = {
        kind: "words",
        side: job.side,
        revision: target,
        field,
        ...range,
        before:
          range.start > contextLength
            ? shown.slice(range.start - contextLength, range.start).replace(/^\S*\s/, "…")
            : shown.slice(0, range.start),
        after:
          shown.length - range.end > contextLength
            ? shown.slice(range.end, range.end + contextLength).replace(/\s\S*$/, "…")
            : shown.slice(range.end),
      };
  });
  return results;
}
