"use client";

import { createStoryAction } from "@/app/desk/_actions/create-story-action";
import { saveRevisionAction } from "@/app/desk/_actions/save-revision-action";
import type { SavedRevision } from "@/app/desk/_actions/saved-revision";
import type { FormState } from "@/lib/errors/form-state";
import type { NoteRemoval } from "@/lib/revisions/publication-plan";
import type { PendingSchedulesInput } from "@/lib/schedules/pending-schedules-input";

import { needsNote } from "./change-fields";
import { contentPayload, type ContentDraft, type EditorDraft } from "./editor-draft";
import { newIdempotencyKey } from "./idempotency-key";

export type SaveOptions = {
  publish: boolean;
  content?: ContentDraft;
  base?: number;
  removals?: NoteRemoval[];
  pendingSchedules?: PendingSchedulesInput;
};

const unreachable: FormState<SavedRevision> = {
  status: "error",
  code: "network",
  message:
    "Could not reach the server. Your changes are still here and kept in this browser; try again in a moment.",
  fieldErrors: {},
  details: null,
};

/**
 * Sends the edit screen's draft: a new story, or a revision of `slug` made on `base`. `idempotency` holds the
 * last request and its key: a retry of the very same save reuses the key, so a lost response never makes a
 * second revision.
 */
export async function sendStorySave(request: {
  slug: string | null;
  draft: EditorDraft;
  content: ContentDraft;
  base: number;
  /** The story's legal removal count when this text was read (lib/legal-removals). */
  legalRemovalsSeen: number;
  options: SaveOptions;
  idempotency: { payload: string; key: string };
}): Promise<FormState<SavedRevision>> {
  const { slug, draft, content, base, legalRemovalsSeen, options, idempotency } = request;
  const { change } = draft;
  try {
    if (slug === null)
      return await createStoryAction({
        slug: draft.slug.trim(),
        ...contentPayload(content),
        publish: options.publish,
      });
    const revision = {
      baseRevision: base,
      legalRemovalsSeen,
      ...contentPayload(content),
      kind: change.kind,
      ...(change.summary.trim() ? { summary: change.summary } : {}),
      ...(needsNote(change.kind) && change.note.trim() ? { note: change.note } : {}),
      ...((change.internalNote ?? "").trim() ? { internalNote: change.internalNote } : {}),
      ...(options.removals?.length ? { removeNotes: options.removals } : {}),
      publish: options.publish,
      ...(options.publish && options.pendingSchedules ? { pendingSchedules: options.pendingSchedules } : {}),
    };
    const payload = JSON.stringify(revision);
    if (idempotency.payload !== payload) {
      idempotency.payload = payload;
      idempotency.key = newIdempotencyKey();
    }
    return await saveRevisionAction({ slug, idempotencyKey: idempotency.key, revision });
  } catch {
    return unreachable;
  }
}
