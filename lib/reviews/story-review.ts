import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { ReviewAction } from "@/lib/db/generated/enums";
import { readStory } from "@/lib/stories/story";

import { latestApproval, revisionsAfterApproval } from "./approvals";
import { unreviewedWords } from "./publication-review";
import { reviewRequestSelect, toReviewRequestDto, type ReviewRequestDto } from "./review-request-dto";
import { readReviewRules, type ReviewRulesDto } from "./review-rules";

/** The desk's word for where a story stands in review; readers never see it. */
export type ReviewLabel = "In review" | "Changes requested" | "Approved";

export type ReviewHistoryEntry = {
  action: ReviewAction;
  actor: { id: string; name: string };
  at: string;
  revisionNumber: number | null;
  requestId: string | null;
  note: string | null;
};

export type StoryReview = {
  label: ReviewLabel | null;
  /** The story's newest request, in whatever state. */
  current: ReviewRequestDto | null;
  /** The newest approval and the revisions saved after it that change its text (empty: it covers the newest). */
  approval: { request: ReviewRequestDto; later: number[] } | null;
  /** How the newest saved text stands, as the publish confirmation says it ("Not reviewed: …"). */
  newestText: string;
  rules: ReviewRulesDto;
  /** Requests, decisions, withdrawals and publishes without review, newest first (comments are elsewhere). */
  history: ReviewHistoryEntry[];
};

const requestActions: ReviewAction[] = [
  "submit",
  "withdraw",
  "approve",
  "request_changes",
  "publish_without_review",
];

/** Where a story stands in review, for its desk pages and the API. Newsroom-only. */
export async function readStoryReview(options: { actor: Actor; slug: string }): Promise<StoryReview> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const { id: storyId, story } = await readStory({ slug: options.slug });
  const db = getDb();
  const [currentRow, approval, newest, live, rules, events] = await Promise.all([
    db.reviewRequest.findFirst({
      where: { storyId },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      select: reviewRequestSelect,
    }),
    latestApproval({ tx: db, storyId }),
    db.revision.findUniqueOrThrow({
      where: { storyId_number: { storyId, number: story.latestRevisionNumber } },
      select: { contentHash: true },
    }),
    story.liveRevisionNumber === null
      ? null
      : db.revision.findUnique({
          where: { storyId_number: { storyId, number: story.liveRevisionNumber } },
          select: { contentHash: true },
        }),
    readReviewRules(),
    db.reviewEvent.findMany({
      where: { storyId, action: { in: requestActions } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        action: true,
        createdAt: true,
        revisionNumber: true,
        reviewRequestId: true,
        note: true,
        actor: { select: { id: true, name: true } },
      },
    }),
  ]);
  const current = currentRow ? toReviewRequestDto(currentRow) : null;
  const approvalRow =
    approval &&
    (await db.reviewRequest.findUniqueOrThrow({
      where: { id: approval.requestId },
      select: reviewRequestSelect,
    }));
  return {
    label: reviewLabel({ current: currentRow, liveHash: live?.contentHash ?? null }),
    current,
    approval:
      approval && approvalRow
        ? {
            request: toReviewRequestDto(approvalRow),
            later: await revisionsAfterApproval({ tx: db, storyId, approval }),
          }
        : null,
    newestText: await unreviewedWords({ tx: db, storyId, hash: newest.contentHash }),
    rules,
    history: events.map((event) => ({
      action: event.action,
      actor: event.actor,
      at: event.createdAt.toISOString(),
      revisionNumber: event.revisionNumber,
      requestId: event.reviewRequestId,
      note: event.note,
    })),
  };
}

/** Waiting: "In review"; sent back: "Changes requested"; approved and not yet what readers have: "Approved". */
export function reviewLabel(options: {
  current: { state: string; contentHash: string } | null;
  liveHash: string | null;
}): ReviewLabel | null {
  const { current } = options;
  if (!current) return null;
  if (current.state === "waiting") return "In review";
  if (current.state === "changes_requested") return "Changes requested";
  if (current.state === "approved" && current.contentHash !== options.liveHash) return "Approved";
  return null;
}
