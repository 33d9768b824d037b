import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { refuseUnpublished, type LockedStory } from "@/lib/stories/story";
import type { WriteKey } from "@/lib/stories/story-write";
import { isOneOf } from "@/lib/validation/one-of";
import { parseInput } from "@/lib/validation/parse-input";

import { appendPlannedRevision } from "./append-planned-revision";
import { kindWithArticle } from "./publication-requirements";
import { PublishRevisionInput } from "./publish-revision-input";
import { readRevision } from "./read-revision";
import { noteRequiredKinds, type RevisionContent } from "./revision-content";
import { writeRevision, type RevisionAttempt, type SaveRevisionResult } from "./save-revision";
import { savableKinds } from "./save-revision-input";
import { staleBaseConflict } from "./stale-base-conflict";

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
  return writeRevision({
    slug,
    request: {
      operation: "publish",
      callerId: actor.userId,
      input: { number, ...input },
      idempotencyKey,
      records: "revision",
    },
    publishes: true,
    step: ({ tx, story, key }) =>
      publishLockedRevision({ tx, story, actor, number, input, key, schedulesAsked: true }),
    stale: async (attempt) => {
      const { revision: ours } = await readRevision({ storyId: attempt.storyId, number });
      return staleBaseConflict({
        storyId: attempt.storyId,
        baseNumber: attempt.mergeBase,
        latestNumber: attempt.latestNumber,
        ours: async () => ours.content,
      });
    },
  });
}

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
  key: WriteKey;
  content?: RevisionContent;
  /**
   * Kept on the publish entry of the status history (a scheduled publish says so, and whether it ran late).
   */
  statusReason?: string;
  /**
   * A person's publish: schedules waiting on the story go out with it only as `input.pendingSchedules` says.
   * A schedule's own run, and a held schedule settled on the desk, are the schedules themselves.
   */
  schedulesAsked?: boolean;
}): Promise<RevisionAttempt> {
  const { tx, story, actor, number, input, key } = options;
  refuseUnpublished({ story });
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
  return appendPlannedRevision({
    tx,
    story,
    actor,
    key,
    content: options.content ?? source.content,
    kind: ownKind,
    note: input.note ?? null,
    summary,
    removals: input.removeNotes,
    internalNote: input.internalNote ?? null,
    goLive: options.schedulesAsked
      ? { by: "person", pendingSchedules: input.pendingSchedules }
      : { by: "schedule", statusReason: options.statusReason },
    // The draft it would make live is already there: readers seeing no change, nothing is written.
    keepsDraft: false,
    // Readers see no change only while a revision is live (planStoryPublication); that is the answer then.
    kept: {
      type: "existing",
      outcome: "unchanged",
      storyId: story.id,
      number: story.liveRevisionNumber ?? story.latestRevisionNumber,
    },
  });
}
