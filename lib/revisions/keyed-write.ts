import "server-only";
import type { Prisma } from "../db/generated/client";

export type KeyedWrite =
  | { type: "revision"; number: number; fingerprint: string | null }
  | { type: "status"; fingerprint: string | null }
  | null;

/**
 * What an Idempotency-Key already did on a story: a revision it created (save, publish, restore) or a status
 * change (unpublish, republish). Keys are unique per story across both, so a key cannot do two things.
 */
export async function findKeyedWrite(options: { tx: Prisma.TransactionClient; storyId: string; key: string }): Promise<KeyedWrite> {
  const { tx, storyId, key } = options;
  const revision = await tx.revision.findUnique({
    where: { storyId_idempotencyKey: { storyId, idempotencyKey: key } },
    select: { number: true, requestFingerprint: true },
  });
  if (revision) return { type: "revision", number: revision.number, fingerprint: revision.requestFingerprint };
  const event = await tx.storyStatusEvent.findUnique({
    where: { storyId_idempotencyKey: { storyId, idempotencyKey: key } },
    select: { requestFingerprint: true },
  });
  return event ? { type: "status", fingerprint: event.requestFingerprint } : null;
}
