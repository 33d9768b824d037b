import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { applyPendingScheduleChoice } from "@/lib/schedules/pending-schedule-choice";
import { lockStory, type LockedStory } from "@/lib/stories/lock-story";
import { readStory } from "@/lib/stories/read-story";
import { isOneOf } from "@/lib/validation/one-of";
import { parseInput } from "@/lib/validation/parse-input";

import { appendRevision } from "./append-revision";
import { idempotencyKeyError } from "./idempotency-key";
import { findReplayedWrite } from "./keyed-write";
import { planStoryPublication, unpublishedRefusal } from "./plan-story-publication";
import { kindWithArticle } from "./publication-requirements";
import { PublishRevisionInput } from "./publish-revision-input";
import { readRevision } from "./read-revision";
import { requestFingerprint } from "./request-fingerprint";
import { noteRequiredKinds, type RevisionContent } from "./revision-content";
import type { SaveRevisionResult } from "./save-revision";
import { savableKinds } from "./save-revision-input";
import { staleBaseConflict } from "./stale-base-conflict";
import { writeTransaction } from "./write-transaction";

type Attempt =
  | { type: "created"; result: SaveRevisionResult }
  | { type: "existing"; outcome: "created" | "unchanged"; storyId: string; number: number }
  | { type: "stale"; storyId: string; mergeBase: number; latestNumber: number };

/**
 * Makes revision `number` (typically a submitted draft) live. Revisions are immutable, so this records a NEW
 * revision with that content, authored by the publishing editor, carrying every pending draft's public note.
 * If revisions after it changed the content, publishing it would silently undo them, so that is refused as a
 * conflict with a merge proposal instead. Content readers already have, with nothing pending, changes
 * nothing.
 */
export async function publishRevision(
  options: {
    actor: Actor;
    slug: string;
    number: number;
    idempotencyKey?: string;
  } & Partial<PublishRevisionInput>,
): Promise<SaveRevisionResult> {
  const { actor, slug, number, idempotencyKey } = options;
  assertCan({ actor, permission: "revision:publish" });
  const input = parseInput({
    schema: PublishRevisionInput,
    input: {
      kind: options.kind,
      summary: options.summary,
      note: options.note,
      internalNote: options.internalNote,
      removeNotes: options.removeNotes,
      pendingSchedules: options.pendingSchedules,
    },
  });
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;
  const fingerprint = requestFingerprint({
    operation: "publish",
    slug,
    callerId: actor.userId,
    input: { number, ...input },
  });

  const attempt = await writeTransaction({
    work: async (tx): Promise<Attempt> => {
      const story = await lockStory({ tx, slug });
      const earlier = await findReplayedWrite({
        tx,
        storyId: story.id,
        key: idempotencyKey,
        fingerprint,
        type: "revision",
      });
      if (earlier) return { type: "existing", outcome: "created", storyId: story.id, number: earlier.number };
      return publishLockedRevision({
        tx,
        story,
        actor,
        number,
        input,
        idempotencyKey,
        fingerprint,
        schedulesAsked: true,
      });
    },
  });

  if (attempt.type === "created") return attempt.result;
  if (attempt.type === "existing") {
    const [{ story }, { revision }] = await Promise.all([
      readStory({ slug }),
      readRevision({ storyId: attempt.storyId, number: attempt.number }),
    ]);
    return {
      outcome: attempt.outcome,
      story,
      revision,
      readers: attempt.outcome === "unchanged" ? "unchanged" : "changed",
    };
  }
  const { revision: ours } = await readRevision({ storyId: attempt.storyId, number });
  throw await staleBaseConflict({
    storyId: attempt.storyId,
    baseNumber: attempt.mergeBase,
    latestNumber: attempt.latestNumber,
    ours: async () => ours.content,
  });
}

export type PublishAttempt = Attempt;

/**
 * The publish path itself, for a story whose row lock the caller holds: the manual publish above and a
 * scheduled publish (lib/schedules) both come through here, so "Updated", notes and history behave the same.
 * `content` replaces the revision's content when a scheduled publish was merged with a later publication.
 */
export async function publishLockedRevision(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  number: number;
  input: PublishRevisionInput;
  idempotencyKey?: string;
  fingerprint: string;
  content?: RevisionContent;
  /** Kept on the publish entry of the status history (a scheduled publish says so, and whether it ran late). */
  statusReason?: string;
  /**
   * A person's publish: schedules waiting on the story go out with it only as `input.pendingSchedules` says.
   * A schedule's own run, and a held schedule settled on the desk, are the schedules themselves.
   */
  schedulesAsked?: boolean;
}): Promise<Attempt> {
  const { tx, story, actor, number, input, idempotencyKey, fingerprint } = options;
  if (story.status === "unpublished") throw unpublishedRefusal({ slug: story.slug });
  const { revision: source, contentHash } = await readRevision({ tx, storyId: story.id, number });
  if (story.liveRevisionNumber === number)
    return { type: "existing", outcome: "unchanged", storyId: story.id, number };
  if (number < story.latestRevisionNumber && !options.content) {
    const moved = await tx.revision.findFirst({
      where: { storyId: story.id, number: { gt: number }, contentHash: { not: contentHash } },
      select: { number: true },
    });
    if (moved)
      return {
        type: "stale",
        storyId: story.id,
        mergeBase: source.baseNumber ?? number,
        latestNumber: story.latestRevisionNumber,
      };
  }
  const ownKind: RevisionKind = input.kind ?? (isOneOf(savableKinds, source.kind) ? source.kind : "update");
  if (isOneOf(noteRequiredKinds, ownKind) && !input.note && !source.publicNote) {
    throw new AppError({
      code: "validation_failed",
      message: `publishing revision ${number} as ${ownKind} without a public note`,
      userMessage: `Published as ${kindWithArticle(ownKind)}, it needs a public note for readers.`,
      details: { fields: [{ path: "note", message: "required for this kind of change" }] },
    });
  }
  const firstPublication = story.firstPublishedAt === null;
  const summary = input.summary ?? (firstPublication ? "First version" : null);
  const chosen = options.schedulesAsked
    ? await applyPendingScheduleChoice({
        tx,
        story,
        actor,
        content: source.content,
        choice: input.pendingSchedules,
      })
    : { content: options.content ?? source.content, statusReason: undefined, settle: async () => {} };
  const content = chosen.content;
  const plan = await planStoryPublication({
    tx,
    story,
    ownKind,
    ownNote: input.note ?? null,
    summary,
    removals: input.removeNotes,
    content,
  });
  // Nothing readers would see changes (a retry, a second tab, a draft that undid itself): nothing is
  // published.
  if (plan.readers === "unchanged" && story.liveRevisionNumber !== null) {
    return { type: "existing", outcome: "unchanged", storyId: story.id, number: story.liveRevisionNumber };
  }
  const appended = await appendRevision({
    tx,
    story,
    actor,
    content,
    kind: plan.kind,
    summary,
    publicNote: plan.publicNote,
    carriedNotes: plan.carriedNotes,
    removedNotes: plan.removedNotes,
    internalNote: input.internalNote ?? null,
    baseNumber: story.latestRevisionNumber,
    publish: true,
    idempotencyKey,
    requestFingerprint: fingerprint,
    statusReason: options.statusReason ?? chosen.statusReason,
  });
  await chosen.settle({ publishedNumber: appended.revision.number });
  return { type: "created", result: { outcome: "created", readers: "changed", ...appended } };
}
