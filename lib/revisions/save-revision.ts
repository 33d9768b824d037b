import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { readStory, refuseUnpublished, type LockedStory, type StoryDto } from "@/lib/stories/story";
import { writeStory, type KeyedRequest, type WriteKey } from "@/lib/stories/story-write";
import { isOneOf } from "@/lib/validation/one-of";
import { parseInput } from "@/lib/validation/parse-input";

import { appendPlannedRevision } from "./append-planned-revision";
import type { AppendedRevision } from "./append-revision";
import { contentHash } from "./content-hash";
import { refuseUnseenRemovals } from "./legal-removals-seen";
import { notePublished } from "./note-published";
import { readRevision } from "./read-revision";
import { resolveCredits } from "./resolve-credits";
import { noteRequiredKinds, type RevisionContent, type RevisionCredit } from "./revision-content";
import type { RevisionDto } from "./revision-dto";
import { SaveRevisionInput } from "./save-revision-input";
import { staleBaseConflict } from "./stale-base-conflict";

export type SaveRevisionResult = {
  outcome: "created" | "unchanged";
  story: StoryDto;
  revision: RevisionDto;
  /**
   * For a request that publishes: whether what readers see changed. "unchanged" = nothing went live (no
   * change-log entry, "Updated" stays); a save that publishes is then kept as a draft if it differs from the
   * newest revision.
   */
  readers?: "changed" | "unchanged";
};

/**
 * What a save, publish or restore did under the story's lock: wrote a revision; wrote nothing and answers
 * with one already there (a retry, or content identical to what it would write); or found its base moved on,
 * which is answered, after the lock is released, with a conflict and a merge proposal.
 */
export type RevisionAttempt =
  | { type: "created"; written: AppendedRevision; readers: "changed" | "unchanged" }
  | { type: "existing"; outcome: "created" | "unchanged"; storyId: string; number: number }
  | { type: "stale"; storyId: string; mergeBase: number; latestNumber: number };

export type StaleAttempt = Extract<RevisionAttempt, { type: "stale" }>;

/**
 * The keyed story write (lib/stories/story-write.ts) for a write that creates a revision: a retry answers with
 * the revision its key created, readers' pages are dropped when a revision went live, and the answer is read
 * after COMMIT.
 */
export async function writeRevision(options: {
  slug: string;
  request: KeyedRequest<"revision">;
  /** The request asked to go live: its answer then says whether readers see a change. */
  publishes: boolean;
  step: (write: {
    tx: Prisma.TransactionClient;
    story: LockedStory;
    key: WriteKey;
  }) => Promise<RevisionAttempt>;
  /** The conflict for a stale base; a write made on top of the newest revision (a restore) is never stale. */
  stale?: (attempt: StaleAttempt) => Promise<AppError>;
}): Promise<SaveRevisionResult> {
  const { slug, publishes } = options;
  const readers = (changed: boolean) =>
    publishes ? { readers: changed ? ("changed" as const) : ("unchanged" as const) } : {};
  return writeStory({
    slug,
    request: options.request,
    step: options.step,
    replay: ({ storyId, write }): RevisionAttempt => ({
      type: "existing",
      outcome: "created",
      storyId,
      number: write.number,
    }),
    readersSeeChange: (attempt) => attempt.type === "created" && attempt.written.revision.published,
    answer: async (attempt): Promise<SaveRevisionResult> => {
      if (attempt.type === "stale") {
        if (!options.stale) throw new Error(`a write to ${slug} without a base found its base stale`);
        throw await options.stale(attempt);
      }
      if (attempt.type === "created")
        return { outcome: "created", ...attempt.written, ...readers(attempt.readers === "changed") };
      const [{ story }, { revision }] = await Promise.all([
        readStory({ slug }),
        readRevision({ storyId: attempt.storyId, number: attempt.number }),
      ]);
      return { outcome: attempt.outcome, story, revision, ...readers(attempt.outcome === "created") };
    },
  });
}

/**
 * Saves a new revision on top of `baseRevision`. A stale base is refused with a conflict carrying the changes
 * since and a merge proposal; a retried idempotency key answers with the revision it already created; content
 * identical to the newest revision writes nothing (outcome "unchanged").
 */
export async function saveRevision(options: {
  actor: Actor;
  slug: string;
  input: unknown;
  idempotencyKey?: string;
}): Promise<SaveRevisionResult> {
  const { actor, slug, idempotencyKey } = options;
  assertCan({ actor, permission: "revision:save" });
  const input = parseInput({ schema: SaveRevisionInput, input: options.input });
  if (input.publish) assertCan({ actor, permission: "revision:publish" });

  return writeRevision({
    slug,
    request: { operation: "save", callerId: actor.userId, input, idempotencyKey, records: "revision" },
    publishes: input.publish === true,
    step: async ({ tx, story, key }): Promise<RevisionAttempt> => {
      if (input.baseRevision > story.latestRevisionNumber)
        throw futureBase({ base: input.baseRevision, latest: story.latestRevisionNumber });
      // First: a copy made before a legal removal is never merged or compared, so its text goes nowhere.
      refuseUnseenRemovals({ story, seen: input.legalRemovalsSeen });
      if (input.publish) refuseUnpublished({ story });
      if (input.baseRevision < story.latestRevisionNumber)
        return {
          type: "stale",
          storyId: story.id,
          mergeBase: input.baseRevision,
          latestNumber: story.latestRevisionNumber,
        };

      const base = await readRevision({ tx, storyId: story.id, number: input.baseRevision });
      const credits = input.credits
        ? await resolveCredits({ tx, credits: input.credits, create: true })
        : undefined;
      const content = overlayContent({ base: base.revision.content, input, credits });
      const unchanged = contentHash({ content }) === base.contentHash;
      const publishesDraft = input.publish && story.liveRevisionNumber !== story.latestRevisionNumber;
      const addsNote =
        isOneOf(noteRequiredKinds, input.kind) &&
        !(await notePublished({ tx, storyId: story.id, note: input.note }));
      const kept: RevisionAttempt = {
        type: "existing",
        outcome: "unchanged",
        storyId: story.id,
        number: base.revision.number,
      };
      // Publishing what readers already see, or a note they already read, changes nothing (a retry, a
      // second tab).
      if (unchanged && !publishesDraft && !addsNote) return kept;
      return appendPlannedRevision({
        tx,
        story,
        actor,
        key,
        content,
        kind: input.kind,
        note: input.note ?? null,
        summary: input.summary ?? null,
        removals: input.removeNotes,
        internalNote: input.internalNote ?? null,
        goLive: input.publish ? { by: "person", pendingSchedules: input.pendingSchedules } : null,
        // Nothing going live, the editor's text is kept as a draft if it is new.
        keepsDraft: !unchanged,
        kept,
      });
    },
    stale: (attempt) =>
      staleBaseConflict({
        storyId: attempt.storyId,
        baseNumber: attempt.mergeBase,
        latestNumber: attempt.latestNumber,
        ours: async (base) => {
          const credits = input.credits
            ? await resolveCredits({ tx: getDb(), credits: input.credits, create: false })
            : undefined;
          return overlayContent({ base, input, credits });
        },
      }),
  });
}

function futureBase(options: { base: number; latest: number }): AppError {
  return new AppError({
    code: "unprocessable",
    message: `base revision ${options.base} is newer than the newest (${options.latest})`,
    userMessage: `Revision ${options.base} does not exist yet: the newest revision of this story is ${options.latest}.`,
    details: {
      fields: [{ path: "baseRevision", message: `the newest revision is ${options.latest}` }],
      latestRevision: options.latest,
    },
  });
}

/** The content of a new revision: each field sent replaces its base value; fields left out carry over. */
export function overlayContent(options: {
  base: RevisionContent;
  input: SaveRevisionInput;
  credits: RevisionCredit[] | undefined;
}): RevisionContent {
  const { base, input } = options;
  return {
    headline: input.headline ?? base.headline,
    dek: input.dek ?? base.dek,
    byline: input.byline ?? base.byline,
    body: input.body ?? base.body,
    images: input.images ?? base.images,
    credits: options.credits ?? base.credits,
    developing: input.developing ?? base.developing,
  };
}
