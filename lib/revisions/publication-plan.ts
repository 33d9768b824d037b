import { z } from "zod";

import type { RevisionKind } from "@/lib/db/generated/enums";
import { isOneOf } from "@/lib/validation/one-of";
import { requiredTextInput } from "@/lib/validation/text-rules";

import { materialKinds, noteRequiredKinds } from "./revision-content";

export type NoteKind = (typeof noteRequiredKinds)[number];

/** A revision saved since the live one and not yet seen by readers: what the next publication makes live. */
export type PendingChange = { number: number; kind: RevisionKind; publicNote: string | null };

/** A draft's public note carried into the publication that makes it live. */
export type CarriedNote = { revision: number; kind: NoteKind; text: string };

/** A draft's public note the editor deliberately left out, with the reason they gave. */
export type RemovedNote = CarriedNote & { reason: string };

/** Leaving a draft's public note out of a publication on purpose: which draft, and why (kept in history). */
const NoteRemovalInput = z.strictObject({
  revision: z.int({ error: "must be a revision number" }).min(1),
  reason: requiredTextInput({ max: 1_000, required: "say why this note is left out" }),
});
export type NoteRemoval = z.infer<typeof NoteRemovalInput>;

/** Up to 50 removals per publication; more is not a newsroom's situation but a client's bug. */
export const NoteRemovalsInput = z.array(NoteRemovalInput).max(50);

export type PublicationPlan = {
  /** The kind readers see: the most significant among this change and every pending one. */
  kind: RevisionKind;
  /** This publication's own note, when its own kind is the kind readers see. */
  publicNote: string | null;
  /** Notes of pending drafts (and this change's own note when the kind was raised above it), oldest first. */
  carriedNotes: CarriedNote[];
  removedNotes: RemovedNote[];
  /** Whether readers' "Updated" time moves. */
  movesUpdated: boolean;
};

/**
 * Most significant first: a correction outranks a clarification, which outranks an editor's note, and so on.
 */
const significance: readonly RevisionKind[] = [
  "correction",
  "clarification",
  "editors_note",
  "restore",
  "update",
  "minor",
  "initial",
];

export function isNoteKind(kind: string): kind is NoteKind {
  return isOneOf(noteRequiredKinds, kind);
}

export function mostSignificantKind(kinds: readonly RevisionKind[]): RevisionKind {
  return [...kinds].sort((a, b) => significance.indexOf(a) - significance.indexOf(b))[0] ?? "update";
}

/**
 * What a publication puts in front of readers. Everything saved since the live revision goes live with it, so
 * every pending correction, clarification and editor's note is carried (unless removed on purpose), and the
 * kind is the most significant among them. A removed note's draft still counts as an update: its text
 * changed. A first publication carries nothing: readers never saw what the drafts before it corrected.
 */
export function planPublication(options: {
  ownKind: RevisionKind;
  ownNote: string | null;
  ownNumber: number;
  pending: readonly PendingChange[];
  removals: readonly NoteRemoval[];
  firstPublication: boolean;
}): PublicationPlan {
  const { ownKind, ownNote, pending, removals, firstPublication } = options;
  if (firstPublication)
    return { kind: "initial", publicNote: null, carriedNotes: [], removedNotes: [], movesUpdated: false };
  const removedBy = new Map(removals.map((removal) => [removal.revision, removal.reason]));
  const carriedNotes: CarriedNote[] = [];
  const removedNotes: RemovedNote[] = [];
  const kinds: RevisionKind[] = [ownKind];
  for (const change of pending) {
    if (isNoteKind(change.kind) && change.publicNote) {
      const note = { revision: change.number, kind: change.kind, text: change.publicNote };
      const reason = removedBy.get(change.number);
      if (reason === undefined) {
        carriedNotes.push(note);
        kinds.push(change.kind);
      } else {
        removedNotes.push({ ...note, reason });
        kinds.push("update");
      }
    } else if (change.kind !== "initial") {
      kinds.push(change.kind);
    }
  }
  const kind = mostSignificantKind(kinds);
  let publicNote = isNoteKind(ownKind) ? ownNote : null;
  if (publicNote && kind !== ownKind && isNoteKind(ownKind)) {
    // Raised to a more significant kind: this change's own note keeps its own label.
    carriedNotes.push({ revision: options.ownNumber, kind: ownKind, text: publicNote });
    publicNote = null;
  }
  return {
    kind,
    publicNote,
    carriedNotes,
    removedNotes,
    movesUpdated: isOneOf(materialKinds, kind),
  };
}

/** Removals that name no pending note: refused, so a typo never silently keeps or drops the wrong note. */
export function unknownRemovals(options: {
  pending: readonly PendingChange[];
  removals: readonly NoteRemoval[];
}): number[] {
  const withNotes = new Set(
    options.pending
      .filter((change) => isNoteKind(change.kind) && change.publicNote)
      .map((change) => change.number),
  );
  return options.removals.map((removal) => removal.revision).filter((revision) => !withNotes.has(revision));
}
