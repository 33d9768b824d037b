import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

import type { RevisionDto } from "./revision-dto";
import { revisionColumns, revisionFrom, toRevisionDto, type RevisionRow } from "./revision-row";

/** One revision of a story with its content and credits (one query), or not_found. */
export async function readRevision(options: {
  storyId: string;
  number: number;
  tx?: Prisma.TransactionClient;
}): Promise<{ revision: RevisionDto; contentHash: string }> {
  const db = options.tx ?? getDb();
  const [row] = await db.$queryRaw<RevisionRow[]>`
    SELECT ${revisionColumns} FROM ${revisionFrom} WHERE r.story_id = ${options.storyId}::uuid AND r.number = ${options.number}`;
  if (!row) {
    throw new AppError({
      code: "not_found",
      message: `revision ${options.number} of story ${options.storyId} not found`,
      userMessage: `This story has no revision ${options.number}.`,
      details: { revision: options.number },
    });
  }
  return { revision: toRevisionDto(row), contentHash: row.content_hash };
}
