import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { applyPendingScheduleChoice } from "@/lib/schedules/pending-schedule-choice";
import { lockStory } from "@/lib/stories/lock-story";
import { readStory } from "@/lib/stories/read-story";
import type { StoryDto } from "@/lib/stories/story-dto";
import { isOneOf } from "@/lib/validation/one-of";
import { parseInput } from "@/lib/validation/parse-input";

import { appendRevision } from "./append-revision";
import { contentHash } from "./content-hash";
import { idempotencyKeyError } from "./idempotency-key";
import { findReplayedWrite } from "./keyed-write";
import { notePublished } from "./note-published";
import { overlayContent } from "./overlay-content";
import { planStoryPublication, unpublishedRefusal } from "./plan-story-publication";
import { readRevision } from "./read-revision";
import { keyReusedError, requestFingerprint, sameRequest } from "./request-fingerprint";
import { resolveCredits } from "./resolve-credits";
import { noteRequiredKinds } from "./revision-content";
import type { RevisionDto } from "./revision-dto";
import { SaveRevisionInput } from "./save-revision-input";
import { staleBaseConflict } from "./stale-base-conflict";
import { writeTransaction } from "./write-transaction";

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

type Attempt =
  | { type: "created"; story: StoryDto; revision: RevisionDto; readers?: "changed" | "unchanged" }
  | { type: "existing"; outcome: "created" | "unchanged"; storyId: string; number: number }
  | { type: "stale"; storyId: string; latestNumber: number };

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
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;

  const fingerprint = requestFingerprint({ operation: "save", slug, callerId: actor.userId, input });

  let attempt: Attempt;
  try {
    attempt = await writeTransaction({
      work: async (tx): Promise<Attempt> => {
        const story = await lockStory({ tx, slug });
        const earlier = await findReplayedWrite({
          tx,
          storyId: story.id,
          key: idempotencyKey,
          fingerprint,
          type: "revision",
        });
        if (earlier)
          return { type: "existing", outcome: "created", storyId: story.id, number: earlier.number };
        if (input.baseRevision > story.latestRevisionNumber)
          throw futureBase({ base: input.baseRevision, latest: story.latestRevisionNumber });
        if (input.publish && story.status === "unpublished") throw unpublishedRefusal({ slug });
        if (input.baseRevision < story.latestRevisionNumber)
          return { type: "stale", storyId: story.id, latestNumber: story.latestRevisionNumber };

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
        // Publishing what readers already see, or a note they already read, changes nothing (a retry, a
        // second tab).
        if (unchanged && !publishesDraft && !addsNote) {
          return { type: "existing", outcome: "unchanged", storyId: story.id, number: base.revision.number };
        }
        const chosen = input.publish
          ? await applyPendingScheduleChoice({ tx, story, actor, content, choice: input.pendingSchedules })
          : null;
        const planned = chosen
          ? await planStoryPublication({
              tx,
              story,
              ownKind: input.kind,
              ownNote: input.note ?? null,
              summary: input.summary ?? null,
              removals: input.removeNotes,
              content: chosen.content,
            })
          : null;
        // Nothing readers would see changes: the editor's text is kept as a draft (if it is new), nothing
        // goes live.
        const readersUnchanged = planned?.readers === "unchanged";
        if (readersUnchanged && unchanged)
          return { type: "existing", outcome: "unchanged", storyId: story.id, number: base.revision.number };
        const plan = readersUnchanged ? null : planned;
        const publish = plan !== null;
        const appended = await appendRevision({
          tx,
          story,
          actor,
          content: plan && chosen ? chosen.content : content,
          kind: plan?.kind ?? input.kind,
          summary: input.summary ?? null,
          publicNote: plan ? plan.publicNote : (input.note ?? null),
          carriedNotes: plan?.carriedNotes,
          removedNotes: plan?.removedNotes,
          internalNote: input.internalNote ?? null,
          baseNumber: input.baseRevision,
          publish,
          idempotencyKey,
          requestFingerprint: fingerprint,
          statusReason: chosen?.statusReason,
        });
        if (publish) await chosen?.settle({ publishedNumber: appended.revision.number });
        return {
          type: "created",
          ...appended,
          ...(input.publish ? { readers: readersUnchanged ? "unchanged" : "changed" } : {}),
        };
      },
    });
  } catch (error) {
    // Writers of a story are serialised by its lock, but a unique key is the last word on a retried key.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const { id: storyId, story } = await readStory({ slug });
      const earlier = await getDb().revision.findUnique({
        where: { storyId_idempotencyKey: { storyId, idempotencyKey } },
        select: { number: true, requestFingerprint: true },
      });
      if (earlier) {
        if (!sameRequest({ stored: earlier.requestFingerprint, fingerprint })) throw keyReusedError();
        const { revision } = await readRevision({ storyId, number: earlier.number });
        return { outcome: "created", story, revision };
      }
    }
    throw error;
  }

  if (attempt.type === "created")
    return {
      outcome: "created",
      story: attempt.story,
      revision: attempt.revision,
      ...(attempt.readers ? { readers: attempt.readers } : {}),
    };
  if (attempt.type === "existing") {
    const [{ story }, { revision }] = await Promise.all([
      readStory({ slug }),
      readRevision({ storyId: attempt.storyId, number: attempt.number }),
    ]);
    return {
      outcome: attempt.outcome,
      story,
      revision,
      ...(input.publish ? { readers: attempt.outcome === "unchanged" ? "unchanged" : "changed" } : {}),
    };
  }
  throw await staleBaseConflict({
    storyId: attempt.storyId,
    baseNumber: input.baseRevision,
    latestNumber: attempt.latestNumber,
    ours: async (base) => {
      const credits = input.credits
        ? await resolveCredits({ tx: getDb(), credits: input.credits, create: false })
        : undefined;
      return overlayContent({ base, input, credits });
    },
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
