import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { applyPendingScheduleChoice } from "@/lib/schedules/pending-schedule-choice";
import { lockStory } from "@/lib/stories/lock-story";
import { readStory } from "@/lib/stories/read-story";
import { parseInput } from "@/lib/validation/parse-input";

import { appendRevision } from "./append-revision";
import { idempotencyKeyError } from "./idempotency-key";
import { findReplayedWrite } from "./keyed-write";
import { planStoryPublication } from "./plan-story-publication";
import { readRevision } from "./read-revision";
import { requestFingerprint } from "./request-fingerprint";
import { findRestoreReverts, hasReverts, type RestoreReverts } from "./restore-reverts";
import { RestoreRevisionInput } from "./restore-revision-input";
import type { SaveRevisionResult } from "./save-revision";
import { writeTransaction } from "./write-transaction";

/** Readers see this in the change log: it says what happened without naming internal revision numbers. */
export const restoreSummary = "An earlier version of this story was restored.";

const noteLabels = {
  correction: "correction",
  clarification: "clarification",
  editors_note: "editor's note",
} as const;

function unconfirmedReverts(options: { number: number; reverts: RestoreReverts }): AppError {
  const { number, reverts } = options;
  const named = reverts.corrections.map(
    (item) => `the ${noteLabels[item.kind]} of revision ${item.revision} (“${item.note}”)`,
  );
  if (reverts.reopensDeveloping) named.push("the “Developing” label on a story declared final");
  return new AppError({
    code: "conflict",
    message: `restore of revision ${number} would revert ${named.length} published fix(es) without confirmation`,
    userMessage: `Restoring revision ${number} would take back ${named.join(" and ")}. Confirm that you mean to undo ${named.length === 1 ? "it" : "them"}, or edit the story instead.`,
    details: { reverts },
  });
}

function confirmed(options: { reverts: RestoreReverts; input: RestoreRevisionInput }): boolean {
  const confirmation = options.input.confirmReverts;
  if (!hasReverts(options.reverts)) return true;
  if (!confirmation) return false;
  const named = new Set(confirmation.corrections);
  return (
    options.reverts.corrections.every((item) => named.has(item.revision)) &&
    (!options.reverts.reopensDeveloping || confirmation.developing)
  );
}

/** What restoring revision `number` would take back, for the desk's restore dialog. Editors only. */
export async function previewRestore(options: {
  actor: Actor;
  slug: string;
  number: number;
}): Promise<RestoreReverts> {
  assertCan({ actor: options.actor, permission: "revision:restore" });
  return writeTransaction({
    work: async (tx) => {
      const story = await lockStory({ tx, slug: options.slug });
      const { revision: source } = await readRevision({ tx, storyId: story.id, number: options.number });
      const { revision: newest } = await readRevision({
        tx,
        storyId: story.id,
        number: story.latestRevisionNumber,
      });
      return findRestoreReverts({
        tx,
        storyId: story.id,
        number: options.number,
        restored: source.content,
        newest: newest.content,
      });
    },
  });
}

/**
 * Restores revision `number`: a new revision of kind `restore` carrying that revision's content on top of the
 * newest, so history stays whole. A draft unless `publish` is true. Restoring the content the newest revision
 * already has writes nothing, unless it is asked to go live and the newest is not live yet. A restore that
 * would bring back text a published correction fixed (or the "developing" label) must name what it undoes.
 */
export async function restoreRevision(
  options: {
    actor: Actor;
    slug: string;
    number: number;
    idempotencyKey?: string;
  } & Partial<RestoreRevisionInput>,
): Promise<SaveRevisionResult> {
  const { actor, slug, number, idempotencyKey } = options;
  assertCan({ actor, permission: "revision:restore" });
  const input = parseInput({
    schema: RestoreRevisionInput,
    input: {
      summary: options.summary,
      internalNote: options.internalNote,
      publish: options.publish,
      confirmReverts: options.confirmReverts,
      pendingSchedules: options.pendingSchedules,
    },
  });
  if (input.publish) assertCan({ actor, permission: "revision:publish" });
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;
  const fingerprint = requestFingerprint({
    operation: "restore",
    slug,
    callerId: actor.userId,
    input: { number, ...input },
  });

  const attempt = await writeTransaction({
    work: async (tx) => {
      const story = await lockStory({ tx, slug });
      const earlier = await findReplayedWrite({
        tx,
        storyId: story.id,
        key: idempotencyKey,
        fingerprint,
        type: "revision",
      });
      if (earlier) return { type: "replayed" as const, storyId: story.id, number: earlier.number };
      // One query at a time: a transaction owns a single connection.
      const { revision: source, contentHash } = await readRevision({ tx, storyId: story.id, number });
      const { revision: newest, contentHash: newestHash } = await readRevision({
        tx,
        storyId: story.id,
        number: story.latestRevisionNumber,
      });
      const publishesDraft = input.publish && story.liveRevisionNumber !== story.latestRevisionNumber;
      if (contentHash === newestHash && !publishesDraft)
        return { type: "unchanged" as const, storyId: story.id };
      const reverts = await findRestoreReverts({
        tx,
        storyId: story.id,
        number,
        restored: source.content,
        newest: newest.content,
      });
      if (!confirmed({ reverts, input })) throw unconfirmedReverts({ number, reverts });
      const summary = input.summary ?? restoreSummary;
      const chosen = input.publish
        ? await applyPendingScheduleChoice({
            tx,
            story,
            actor,
            content: source.content,
            choice: input.pendingSchedules,
          })
        : null;
      const planned = chosen
        ? await planStoryPublication({
            tx,
            story,
            ownKind: "restore",
            ownNote: null,
            summary,
            removals: [],
            content: chosen.content,
          })
        : null;
      // Readers would see nothing new: the restore is kept as a draft (if it is new), nothing goes live.
      const readersUnchanged = planned?.readers === "unchanged";
      if (readersUnchanged && contentHash === newestHash)
        return { type: "unchanged" as const, storyId: story.id };
      const plan = readersUnchanged ? null : planned;
      const publish = plan !== null;
      const appended = await appendRevision({
        tx,
        story,
        actor,
        content: plan && chosen ? chosen.content : source.content,
        kind: plan?.kind ?? "restore",
        summary,
        publicNote: null,
        carriedNotes: plan?.carriedNotes,
        internalNote: input.internalNote ?? null,
        baseNumber: story.latestRevisionNumber,
        publish,
        idempotencyKey,
        requestFingerprint: fingerprint,
        statusReason: chosen?.statusReason,
      });
      if (publish) await chosen?.settle({ publishedNumber: appended.revision.number });
      return { type: "created" as const, ...appended, readersUnchanged };
    },
  });

  const readers = (unchanged: boolean) =>
    input.publish ? { readers: unchanged ? ("unchanged" as const) : ("changed" as const) } : {};
  if (attempt.type === "created")
    return {
      outcome: "created",
      story: attempt.story,
      revision: attempt.revision,
      ...readers(attempt.readersUnchanged),
    };
  const { story } = await readStory({ slug });
  const shown = attempt.type === "replayed" ? attempt.number : story.latestRevisionNumber;
  const { revision } = await readRevision({ storyId: attempt.storyId, number: shown });
  return {
    outcome: attempt.type === "replayed" ? "created" : "unchanged",
    story,
    revision,
    ...readers(attempt.type === "unchanged"),
  };
}
