import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { lockStory } from "@/lib/stories/story";
import { writeTransaction } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { appendPlannedRevision } from "./append-planned-revision";
import { readRevision } from "./read-revision";
import { findRestoreReverts, hasReverts, type RestoreReverts } from "./restore-reverts";
import { RestoreRevisionInput } from "./restore-revision-input";
import { writeRevision, type RevisionAttempt, type SaveRevisionResult } from "./save-revision";

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
  return writeRevision({
    slug,
    request: {
      operation: "restore",
      callerId: actor.userId,
      input: { number, ...input },
      idempotencyKey,
      records: "revision",
    },
    publishes: input.publish === true,
    step: async ({ tx, story, key }): Promise<RevisionAttempt> => {
      // One query at a time: a transaction owns a single connection.
      const { revision: source, contentHash } = await readRevision({ tx, storyId: story.id, number });
      const { revision: newest, contentHash: newestHash } = await readRevision({
        tx,
        storyId: story.id,
        number: story.latestRevisionNumber,
      });
      const kept: RevisionAttempt = {
        type: "existing",
        outcome: "unchanged",
        storyId: story.id,
        number: story.latestRevisionNumber,
      };
      const publishesDraft = input.publish && story.liveRevisionNumber !== story.latestRevisionNumber;
      if (contentHash === newestHash && !publishesDraft) return kept;
      const reverts = await findRestoreReverts({
        tx,
        storyId: story.id,
        number,
        restored: source.content,
        newest: newest.content,
      });
      if (!confirmed({ reverts, input })) throw unconfirmedReverts({ number, reverts });
      return appendPlannedRevision({
        tx,
        story,
        actor,
        key,
        content: source.content,
        kind: "restore",
        note: null,
        summary: input.summary ?? restoreSummary,
        removals: [],
        internalNote: input.internalNote ?? null,
        goLive: input.publish ? { by: "person", pendingSchedules: input.pendingSchedules } : null,
        // Nothing going live, the restore is kept as a draft if it is new.
        keepsDraft: contentHash !== newestHash,
        kept,
      });
    },
  });
}
