import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { applyPendingScheduleChoice } from "@/lib/schedules/pending-schedule-choice";
import { refuseUnpublished } from "@/lib/stories/story";
import { parseInput } from "@/lib/validation/parse-input";

import { appendRevision } from "./append-revision";
import { contentHash } from "./content-hash";
import { notePublished } from "./note-published";
import { overlayContent } from "./overlay-content";
import { planStoryPublication } from "./plan-story-publication";
import { readRevision } from "./read-revision";
import { resolveCredits } from "./resolve-credits";
import { noteRequiredKinds } from "./revision-content";
import { writeRevision, type RevisionAttempt, type SaveRevisionResult } from "./revision-write";
import { SaveRevisionInput } from "./save-revision-input";
import { staleBaseConflict } from "./stale-base-conflict";

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
        (noteRequiredKinds as readonly string[]).includes(input.kind) &&
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
      if (readersUnchanged && unchanged) return kept;
      const plan = readersUnchanged ? null : planned;
      const publish = plan !== null;
      const written = await appendRevision({
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
        key,
        statusReason: chosen?.statusReason,
      });
      if (publish) await chosen?.settle({ publishedNumber: written.revision.number });
      return { type: "created", written, readers: readersUnchanged ? "unchanged" : "changed" };
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
