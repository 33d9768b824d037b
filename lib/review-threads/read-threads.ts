import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewField } from "@/lib/db/generated/enums";

import { handleOf } from "./mentions";

export type ReviewPerson = { id: string; name: string; handle: string };

export type ReviewCommentDto = { id: string; author: ReviewPerson; body: string; createdAt: string };

/** The words a thread is on, as they were when it was started. */
export type ThreadAnchor = {
  /** The revision holding the words: the reviewed one, or the older one compared with it (a removed passage). */
  revision: number;
  field: ReviewField;
  start: number;
  end: number;
  quote: string;
};

export type ReviewThreadDto = {
  id: string;
  /** The revision being reviewed when the thread was started. */
  revisionNumber: number;
  reviewRequestId: string | null;
  /** Null for a comment on the whole revision. */
  anchor: ThreadAnchor | null;
  createdBy: ReviewPerson;
  createdAt: string;
  resolved: { at: string; by: ReviewPerson } | null;
  /** Oldest first; the first is the comment that started the thread. */
  comments: ReviewCommentDto[];
};

const person = { select: { id: true, name: true, email: true } } as const;

const threadSelect = {
  id: true,
  revisionNumber: true,
  reviewRequestId: true,
  anchorRevisionNumber: true,
  anchorField: true,
  anchorStart: true,
  anchorEnd: true,
  anchorQuote: true,
  createdAt: true,
  resolvedAt: true,
  createdBy: person,
  resolvedBy: person,
  comments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: person },
  },
} satisfies Prisma.ReviewThreadSelect;

type ThreadRow = Prisma.ReviewThreadGetPayload<{ select: typeof threadSelect }>;

function toPerson(user: { id: string; name: string; email: string }): ReviewPerson {
  return { id: user.id, name: user.name, handle: handleOf(user.email) };
}

function toThreadDto(row: ThreadRow): ReviewThreadDto {
  const anchored =
    row.anchorField !== null &&
    row.anchorRevisionNumber !== null &&
    row.anchorStart !== null &&
    row.anchorEnd !== null &&
    row.anchorQuote !== null;
  return {
    id: row.id,
    revisionNumber: row.revisionNumber,
    reviewRequestId: row.reviewRequestId,
    anchor: anchored
      ? {
          revision: row.anchorRevisionNumber ?? 0,
          field: row.anchorField ?? "body",
          start: row.anchorStart ?? 0,
          end: row.anchorEnd ?? 0,
          quote: row.anchorQuote ?? "",
        }
      : null,
    createdBy: toPerson(row.createdBy),
    createdAt: row.createdAt.toISOString(),
    resolved:
      row.resolvedAt && row.resolvedBy
        ? { at: row.resolvedAt.toISOString(), by: toPerson(row.resolvedBy) }
        : null,
    comments: row.comments.map((comment) => ({
      id: comment.id,
      author: toPerson(comment.author),
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    })),
  };
}

/**
 * A story's threads, oldest first: all of them, those started on revisions up to `upTo`, or the ones named.
 */
export async function readThreads(options: {
  db: Prisma.TransactionClient;
  storyId: string;
  upTo?: number;
  ids?: string[];
}): Promise<ReviewThreadDto[]> {
  const rows = await options.db.reviewThread.findMany({
    where: {
      storyId: options.storyId,
      ...(options.upTo !== undefined ? { revisionNumber: { lte: options.upTo } } : {}),
      ...(options.ids ? { id: { in: options.ids } } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: threadSelect,
  });
  return rows.map(toThreadDto);
}

/** One thread of the story, or null when the story has no such thread. */
export async function readThread(options: {
  db: Prisma.TransactionClient;
  storyId: string;
  threadId: string;
}): Promise<ReviewThreadDto | null> {
  if (!isUuid(options.threadId)) return null;
  const [thread] = await readThreads({ db: options.db, storyId: options.storyId, ids: [options.threadId] });
  return thread ?? null;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
