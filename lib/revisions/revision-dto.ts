import type { RevisionKind } from "@/lib/db/generated/enums";

import type { CarriedNote, RemovedNote } from "./publication-plan";
import type { RevisionContent, RevisionCredit } from "./revision-content";

/** One row of a story's history: what the desk's timeline and the API's history page show. */
export type RevisionSummaryDto = {
  number: number;
  /** ISO instant (UTC). */
  createdAt: string;
  author: { id: string; name: string };
  kind: RevisionKind;
  /** The revision it was based on; null for a story's first revision. */
  baseNumber: number | null;
  summary: string | null;
  publicNote: string | null;
  /** For the newsroom only: never shown to readers. */
  internalNote: string | null;
  /** Public notes of drafts this publication made live (shown to readers with it). */
  carriedNotes: CarriedNote[];
  /** Drafts' notes the publishing editor deliberately left out, with the reason. */
  removedNotes: RemovedNote[];
  credits: RevisionCredit[];
  /** True when this revision was made live when it was saved. */
  published: boolean;
  /** ISO instant, or null for a draft. */
  publishedAt: string | null;
};

/** A revision with its full content snapshot. */
export type RevisionDto = RevisionSummaryDto & { content: RevisionContent };
