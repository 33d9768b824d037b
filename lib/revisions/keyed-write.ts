import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

import { keyReusedError, sameRequest } from "./request-fingerprint";

type KeyedWrite =
  | { type: "revision"; number: number; fingerprint: string | null }
  | { type: "status"; fingerprint: string | null };

/**
 * What an Idempotency-Key already did on a story, when this request is a retry of it: a revision it created
 * (save, publish, restore) or a status change (unpublish, withdraw, republish). Keys are unique per story
 * across both, so a key cannot do two things: any other use of it is refused, never answered with the first.
 */
export async function findReplayedWrite<Type extends KeyedWrite["type"]>(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  key: string | undefined;
  fingerprint: string;
  type: Type;
}): Promise<Extract<KeyedWrite, { type: Type }> | null> {
  const { tx, storyId, key, fingerprint, type } = options;
  if (!key) return null;
  const earlier = await findKeyedWrite({ tx, storyId, key });
  if (!earlier) return null;
  if (!isOfType(earlier, type) || !sameRequest({ stored: earlier.fingerprint, fingerprint }))
    throw keyReusedError();
  return earlier;
}

function isOfType<Type extends KeyedWrite["type"]>(
  write: KeyedWrite,
  type: Type,
): write is Extract<KeyedWrite, { type: Type }> {
  return write.type === type;
}

async function findKeyedWrite(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  key: string;
}): Promise<KeyedWrite | null> {
  const { tx, storyId, key } = options;
  const revision = await tx.revision.findUnique({
    where: { storyId_idempotencyKey: { storyId, idempotencyKey: key } },
    select: { number: true, requestFingerprint: true },
  });
  if (revision)
    return { type: "revision", number: revision.number, fingerprint: revision.requestFingerprint };
  const event = await tx.storyStatusEvent.findUnique({
    where: { storyId_idempotencyKey: { storyId, idempotencyKey: key } },
    select: { requestFingerprint: true },
  });
  return event ? { type: "status", fingerprint: event.requestFingerprint } : null;
}
