import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

import { revisionListWords } from "./revision-list-words";

/** An approved request: what it covers (one content hash) and who approved it, when. */
export type Approval = {
  requestId: string;
  revisionNumber: number;
  contentHash: string;
  submittedById: string;
  decidedBy: { id: string; name: string };
  decidedAt: Date;
};

const approvalSelect = {
  id: true,
  revisionNumber: true,
  contentHash: true,
  submittedById: true,
  decidedAt: true,
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.ReviewRequestSelect;

type ApprovalRow = Prisma.ReviewRequestGetPayload<{ select: typeof approvalSelect }>;

function toApproval(row: ApprovalRow): Approval | null {
  if (!row.decidedBy || !row.decidedAt) return null;
  return {
    requestId: row.id,
    revisionNumber: row.revisionNumber,
    contentHash: row.contentHash,
    submittedById: row.submittedById,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
}

/** Approvals of exactly this content on a story, newest first: an approval covers its content hash only. */
export async function approvalsOf(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  contentHash: string;
}): Promise<Approval[]> {
  const rows = await options.tx.reviewRequest.findMany({
    where: { storyId: options.storyId, state: "approved", contentHash: options.contentHash },
    orderBy: { decidedAt: "desc" },
    select: approvalSelect,
  });
  return rows.flatMap((row) => toApproval(row) ?? []);
}

/** The story's most recent approval, whatever text it covers. */
export async function latestApproval(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
}): Promise<Approval | null> {
  const row = await options.tx.reviewRequest.findFirst({
    where: { storyId: options.storyId, state: "approved" },
    orderBy: { decidedAt: "desc" },
    select: approvalSelect,
  });
  return row ? toApproval(row) : null;
}

/**
 * The revisions saved after an approved one that change its text: what the approval does not cover. A
 * revision that only brings the approved text back is not listed.
 */
export async function revisionsAfterApproval(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  approval: Pick<Approval, "revisionNumber" | "contentHash">;
}): Promise<number[]> {
  const rows = await options.tx.revision.findMany({
    where: {
      storyId: options.storyId,
      number: { gt: options.approval.revisionNumber },
      contentHash: { not: options.approval.contentHash },
    },
    orderBy: { number: "asc" },
    select: { number: true },
  });
  return rows.map((row) => row.number);
}

/** "revision 6" / "revisions 6, 7 and 9", inside a sentence. */
export function revisionList(numbers: readonly number[]): string {
  const words = revisionListWords(numbers);
  return words.charAt(0).toLowerCase() + words.slice(1);
}
