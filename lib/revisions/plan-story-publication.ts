import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { LockedStory } from "@/lib/stories/lock-story";
import { withdrawnStoryRefusal } from "@/lib/stories/withdrawn-story-refusal";

import { diffContentOffLoop } from "./diff/diff-content-off-loop";
import { publicDiff } from "./diff/public-diff";
import { readPendingChanges } from "./pending-changes";
import { planPublication, unknownRemovals, type NoteRemoval, type PublicationPlan } from "./publication-plan";
import { kindWithArticle, missingPublicSummary } from "./publication-requirements";
import { readRevision } from "./read-revision";
import type { RevisionContent } from "./revision-content";

/**
 * `readers` says whether the publication changes what readers see. "unchanged" (the same public rendering as
 * the live revision, and no note going out) means nothing is published: no change-log entry, no "Updated".
 */
export type StoryPublicationPlan = PublicationPlan & { readers: "changed" | "unchanged" };

/**
 * Whether `content` looks different to readers from the live revision: any public field (as the public
 * compare shows them) or the "Developing" label. Decided against what readers have, never against the last
 * draft.
 */
async function changesWhatReadersSee(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  content: RevisionContent;
}): Promise<boolean> {
  const { tx, story, content } = options;
  if (story.liveRevisionNumber === null || story.firstPublishedAt === null) return true;
  const { revision: live } = await readRevision({ tx, storyId: story.id, number: story.liveRevisionNumber });
  const diff = await diffContentOffLoop({ from: live.content, to: content });
  return publicDiff(diff).changed || diff.developing.changed;
}

/** A story taken down comes back only through republish, whose reason is recorded: never as a side effect of a save. */
export function unpublishedRefusal(options: { slug: string }): AppError {
  return new AppError({
    code: "conflict",
    message: `publishing on unpublished story ${options.slug} refused`,
    userMessage:
      "This story is unpublished, so this change cannot go live. Save it as a draft; to put the story back, republish it and give the reason.",
    details: { status: "unpublished" },
  });
}

/**
 * Plans the publication that will be revision latest+1 of a locked story: refuses an unpublished or withdrawn
 * story, carries every pending draft's note (or records its deliberate removal) and settles the kind readers
 * see. `summary` is what readers will read in the change log: a material publication without one is refused.
 * A publication that changes nothing readers see is planned as "unchanged" (and needs no summary).
 */
export async function planStoryPublication(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  ownKind: RevisionKind;
  ownNote: string | null;
  summary: string | null;
  removals: readonly NoteRemoval[];
  /** The content that would go live. */
  content: RevisionContent;
}): Promise<StoryPublicationPlan> {
  const { tx, story } = options;
  if (story.status === "unpublished") throw unpublishedRefusal({ slug: story.slug });
  // Refused before "unchanged" is decided: publishing the live text again into a withdrawn story is still a
  // publish.
  if (story.status === "withdrawn") throw withdrawnStoryRefusal({ slug: story.slug });
  const pending = await readPendingChanges({ tx, storyId: story.id, liveNumber: story.liveRevisionNumber });
  const unknown = unknownRemovals({ pending, removals: options.removals });
  if (unknown.length > 0) {
    throw new AppError({
      code: "validation_failed",
      message: `note removals name revisions without a pending note: ${unknown.join(", ")}`,
      userMessage: `Revision ${unknown.join(", ")} has no public note waiting to be published, so there is nothing to leave out.`,
      details: {
        fields: [{ path: "removeNotes", message: "names a revision without a pending public note" }],
      },
    });
  }
  const plan = planPublication({
    ownKind: options.ownKind,
    ownNote: options.ownNote,
    ownNumber: story.latestRevisionNumber + 1,
    pending,
    removals: options.removals,
    firstPublication: story.firstPublishedAt === null,
  });
  const notesGoOut = plan.publicNote !== null || plan.carriedNotes.length > 0;
  if (!notesGoOut && !(await changesWhatReadersSee({ tx, story, content: options.content }))) {
    return { ...plan, movesUpdated: false, readers: "unchanged" };
  }
  const missingSummary = missingPublicSummary({ publishedKind: plan.kind, summary: options.summary });
  if (missingSummary) {
    throw new AppError({
      code: "validation_failed",
      message: `publication of kind ${plan.kind} without a summary`,
      userMessage: `This goes out as ${kindWithArticle(plan.kind)}, so it needs a public summary: readers see it in the story's change log and feed.`,
      details: { fields: [missingSummary] },
    });
  }
  return { ...plan, readers: "changed" };
}
