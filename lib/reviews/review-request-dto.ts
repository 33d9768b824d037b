import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

type Person = { id: string; name: string };

/** A review request as the desk and the API show it. */
export type ReviewRequestDto = {
  id: string;
  /** The headline is the reviewed revision's; `liveRevisionNumber` is the story's now (what to compare with). */
  story: { slug: string; headline: string; liveRevisionNumber: number | null };
  revisionNumber: number;
  state: ReviewState;
  submittedBy: Person;
  /** ISO instant. */
  submittedAt: string;
  note: string | null;
  /** Nobody named: any editor may take it. */
  reviewers: Person[];
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

export const reviewRequestSelect = {
  id: true,
  revisionNumber: true,
  contentHash: true,
  state: true,
  submittedAt: true,
  note: true,
  decidedAt: true,
  decisionNote: true,
  story: { select: { slug: true, liveRevisionNumber: true } },
  revision: { select: { headline: true } },
  submittedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
  reviewers: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
} satisfies Prisma.ReviewRequestSelect;

export type ReviewRequestRow = Prisma.ReviewRequestGetPayload<{ select: typeof reviewRequestSelect }>;

export function toReviewRequestDto(row: ReviewRequestRow): ReviewRequestDto {
  return {
    id: row.id,
    story: {
      slug: row.story.slug,
      headline: row.revision.headline,
      liveRevisionNumber: row.story.liveRevisionNumber,
    },
    revisionNumber: row.revisionNumber,
    state: row.state,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt.toISOString(),
    note: row.note,
    reviewers: row.reviewers.map((reviewer) => reviewer.user),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function reviewRequestNotFound(options: { id: string }): AppError {
  return new AppError({
    code: "not_found",
    message: `review request ${JSON.stringify(options.id)} not found on this story`,
    userMessage: "This story has no such review request.",
    details: { request: options.id },
  });
}

/** One request of a story, or not_found (an id of another story's request is not found here either). */
export async function readReviewRequest(options: {
  db?: Prisma.TransactionClient;
  storyId: string;
  id: string;
}): Promise<ReviewRequestDto> {
  if (!uuidPattern.test(options.id)) throw reviewRequestNotFound({ id: options.id });
  const row = await (options.db ?? getDb()).reviewRequest.findFirst({
    where: { id: options.id, storyId: options.storyId },
    select: reviewRequestSelect,
  });
  if (!row) throw reviewRequestNotFound({ id: options.id });
  return toReviewRequestDto(row);
}

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
