import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { contentHash } from "@/lib/revisions/content-hash";
import { isNoteKind } from "@/lib/revisions/publication-plan";
import { kindWithArticle } from "@/lib/revisions/publication-requirements";
import type { RevisionContent } from "@/lib/revisions/revision-content";
import type { LockedStory } from "@/lib/stories/story";

import {
  approvalsOf,
  latestApproval,
  revisionList,
  revisionsAfterApproval,
  type Approval,
} from "./approvals";
import { readReviewRules } from "./review-rules";

/*
 * The review rules at the one place a revision goes live (appendRevision with `publish`): a person's publish on
 * the desk or through the API, a publish saved with the text, a restore that publishes, a scheduled run and a
 * held schedule published on the desk all come through it, so none can pass a rule. A refusal is thrown before
 * anything is written; a schedule's run turns it into a hold with this sentence.
 */

type Pending = {
  number: number;
  kind: RevisionKind;
  authorId: string;
  authorName: string;
  contributor: boolean;
};

/** What the review history records for a publication no approval covers, in the publish's transaction. */
export type PublicationReviewRecord = (written: {
  tx: Prisma.TransactionClient;
  number: number;
}) => Promise<void>;

/**
 * Refuses a publication a rule forbids; otherwise returns what to record once the revision is written: a
 * `publish_without_review` line when no approval covers the text going live.
 */
export async function reviewPublication(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  actor: Actor;
  content: RevisionContent;
  /** The kind readers see, settled with every pending draft. */
  kind: RevisionKind;
}): Promise<PublicationReviewRecord> {
  const { tx, story, actor, kind } = options;
  const hash = contentHash({ content: options.content });
  const [rules, approvals, pending] = [
    await readReviewRules({ tx }),
    await approvalsOf({ tx, storyId: story.id, contentHash: hash }),
    await pendingRevisions({ tx, story }),
  ];
  const noteAuthors = new Set(
    pending.filter((change) => isNoteKind(change.kind)).map((change) => change.authorId),
  );
  const secondEditor = (approval: Approval) =>
    approval.decidedBy.id !== actor.userId &&
    approval.decidedBy.id !== approval.submittedById &&
    !noteAuthors.has(approval.decidedBy.id);

  if (rules.correctionsNeedSecondEditor && isNoteKind(kind) && !approvals.some(secondEditor)) {
    const why = await missingApprovalWords({ tx, story, approvals, actor, hash });
    throw refusal({
      rule: "corrections_need_second_editor",
      message: `publishing ${kind} of ${story.slug} without a second editor's approval`,
      userMessage: `A rule set by an admin: ${kindWithArticle(kind)} needs the approval of a second editor, not the one publishing. ${why} Ask another editor to review it.`,
    });
  }
  const contributorRevisions = pending.filter((change) => change.contributor);
  if (rules.contributorsNeedApproval && contributorRevisions.length > 0 && approvals.length === 0) {
    const names = [...new Set(contributorRevisions.map((change) => change.authorName))].join(" and ");
    const why = await missingApprovalWords({ tx, story, approvals, actor, hash });
    throw refusal({
      rule: "contributors_need_approval",
      message: `publishing contributor work on ${story.slug} without approval`,
      userMessage: `A rule set by an admin: contributors’ work needs an editor’s approval before it is published, and this includes ${revisionList(contributorRevisions.map((change) => change.number))} by ${names}. ${why} Ask for review, or approve the request first.`,
    });
  }
  if (approvals.length > 0) return async () => {};
  const note = await unreviewedWords({ tx, storyId: story.id, hash });
  return async ({ tx: writeTx, number }) => {
    await writeTx.reviewEvent.create({
      data: {
        storyId: story.id,
        action: "publish_without_review",
        actorId: actor.userId,
        revisionNumber: number,
        note,
      },
    });
  };
}

function refusal(options: { rule: string; message: string; userMessage: string }): AppError {
  return new AppError({
    code: "conflict",
    message: options.message,
    userMessage: options.userMessage,
    details: { review: "approval_required", rule: options.rule },
  });
}

/** The revisions a publication makes live: every one saved since the live revision (all, before the first). */
async function pendingRevisions(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
}): Promise<Pending[]> {
  const rows = await options.tx.revision.findMany({
    where: { storyId: options.story.id, number: { gt: options.story.liveRevisionNumber ?? 0 } },
    orderBy: { number: "asc" },
    select: { number: true, kind: true, author: { select: { id: true, name: true, role: true } } },
  });
  return rows.map((row) => ({
    number: row.number,
    kind: row.kind,
    authorId: row.author.id,
    authorName: row.author.name,
    contributor: row.author.role === "contributor",
  }));
}

/** Why the approvals there are do not count, in one sentence. */
async function missingApprovalWords(options: {
  tx: Prisma.TransactionClient;
  story: LockedStory;
  approvals: Approval[];
  actor: Actor;
  hash: string;
}): Promise<string> {
  const { approvals, actor } = options;
  if (approvals.some((approval) => approval.decidedBy.id === actor.userId))
    return "You approved this text yourself.";
  if (approvals.length > 0)
    return `It was approved by ${approvals[0]!.decidedBy.name}, who wrote or submitted it.`;
  const words = await unreviewedWords({ tx: options.tx, storyId: options.story.id, hash: options.hash });
  return `${words}.`;
}

/**
 * How the text going live stands with review, for the history and the refusals: "Not reviewed" or "Approved by
 * Ana Ruiz for revision 4; revisions 5 and 6 came after".
 */
export async function unreviewedWords(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  hash: string;
}): Promise<string> {
  const approval = await latestApproval({ tx: options.tx, storyId: options.storyId });
  if (!approval) return "Not reviewed";
  if (approval.contentHash === options.hash)
    return `Approved by ${approval.decidedBy.name} for revision ${approval.revisionNumber}`;
  const after = await revisionsAfterApproval({ tx: options.tx, storyId: options.storyId, approval });
  if (after.length === 0)
    return `Not reviewed: approved by ${approval.decidedBy.name} for revision ${approval.revisionNumber}; the text published now came after`;
  return `Not reviewed: approved by ${approval.decidedBy.name} for revision ${approval.revisionNumber}; ${revisionList(after)} came after`;
}
