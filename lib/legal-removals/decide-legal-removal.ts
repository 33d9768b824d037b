import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { LegalRemovalState } from "@/lib/db/generated/enums";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { enqueueRemovedPhotoFiles, removedPhotoFiles } from "@/lib/media/remove-photo-files";
import { writeTransaction } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { storedItems, type LegalRemovalRequestDto } from "./legal-removal-dto";
import {
  alreadyDecided,
  applyRefusal,
  assertPossibleNumber,
  notRequester,
  ownRequest,
  requestNotFound,
} from "./legal-removal-errors";
import { DeclineLegalRemovalInput, WithdrawLegalRemovalInput } from "./legal-removal-input";
import { readLegalRemoval } from "./list-legal-removals";

type RequestRow = {
  id: string;
  number: number;
  state: LegalRemovalState;
  storyId: string;
  requestedById: string;
  items: Prisma.JsonValue;
};

async function findRequest(options: {
  db: Prisma.TransactionClient;
  number: number;
  lock?: boolean;
}): Promise<RequestRow> {
  const { db, number } = options;
  assertPossibleNumber({ number });
  // Under the row lock a decision racing this one waits for it, then reads what it decided.
  if (options.lock)
    await db.$queryRaw`SELECT 1 FROM legal_removal_requests WHERE number = ${number} FOR UPDATE`;
  const request = await db.legalRemovalRequest.findUnique({
    where: { number },
    select: { id: true, number: true, state: true, storyId: true, requestedById: true, items: true },
  });
  if (!request) throw requestNotFound({ number });
  return request;
}

/**
 * A second admin approves a pending request, and everything is removed in one transaction: the story's row is
 * locked (saves wait), the owner's copydesk_apply_legal_removal redacts every stored copy and writes the
 * record, and the removed photos' object-store files are queued for deletion in the same transaction. After
 * COMMIT this instance drops the story's public pages; the others, and the shared caches, hear of it through
 * the stories trigger the function set off.
 */
export async function approveLegalRemoval(options: {
  actor: Actor;
  number: number;
}): Promise<LegalRemovalRequestDto> {
  const { actor, number } = options;
  assertCan({ actor, permission: "legal:remove" });
  const request = await findRequest({ db: getDb(), number });
  if (request.requestedById === actor.userId) throw ownRequest({ number, act: "approve" });
  if (request.state !== "pending") throw alreadyDecided({ number, state: request.state });

  let slug: string;
  try {
    slug = await writeTransaction({
      work: async (tx) => {
        // The story first, as every writer of it does, so saves and removals of one story take turns.
        const [story] = await tx.$queryRaw<{ slug: string }[]>`
          SELECT slug FROM stories WHERE id = ${request.storyId}::uuid FOR UPDATE`;
        const locked = await findRequest({ db: tx, number, lock: true });
        if (locked.state !== "pending") throw alreadyDecided({ number, state: locked.state });
        const photoIds = storedItems(locked.items).flatMap((item) =>
          item.kind === "photo" ? [item.photoId] : [],
        );
        // Read before the function makes the photos tombstones: afterwards their files have no name left.
        const files = await removedPhotoFiles({ tx, photoIds });
        await tx.$queryRaw`SELECT copydesk_apply_legal_removal(${locked.id}::uuid, ${actor.userId}::uuid)`;
        await enqueueRemovedPhotoFiles({ tx, files });
        return story!.slug;
      },
    });
  } catch (error) {
    throw await applyRefusal({
      error,
      number,
      state: async () => (await findRequest({ db: getDb(), number })).state,
    });
  }
  invalidatePublicStory({ slug });
  return readLegalRemoval({ number, viewerId: actor.userId });
}

/**
 * Closes a pending request without removing anything. The texts it named are forgotten (set to null): a
 * request that will never be applied must not become a second copy of what it asked to remove.
 */
async function closeRequest(options: {
  actor: Actor;
  number: number;
  state: "declined" | "withdrawn";
  reason: string | null;
}): Promise<LegalRemovalRequestDto> {
  const { actor, number, state, reason } = options;
  await writeTransaction({
    work: async (tx) => {
      const request = await findRequest({ db: tx, number, lock: true });
      if (request.state !== "pending") throw alreadyDecided({ number, state: request.state });
      await tx.legalRemovalRequest.update({
        where: { id: request.id },
        data: {
          state,
          decidedById: actor.userId,
          decidedAt: new Date(),
          decisionReason: reason,
          items: storedItems(request.items).map((item) =>
            item.kind === "passage" ? { ...item, text: null } : item,
          ),
        },
      });
    },
  });
  return readLegalRemoval({ number, viewerId: actor.userId });
}

/** Another admin declines a pending request, with a reason for the requester. Nothing is removed. */
export async function declineLegalRemoval(options: {
  actor: Actor;
  number: number;
  input: unknown;
}): Promise<LegalRemovalRequestDto> {
  const { actor, number } = options;
  assertCan({ actor, permission: "legal:remove" });
  const { reason } = parseInput({ schema: DeclineLegalRemovalInput, input: options.input });
  const request = await findRequest({ db: getDb(), number });
  if (request.requestedById === actor.userId) throw ownRequest({ number, act: "decline" });
  return closeRequest({ actor, number, state: "declined", reason });
}

/** The admin who asked takes their pending request back. Nothing is removed. */
export async function withdrawLegalRemoval(options: {
  actor: Actor;
  number: number;
  input: unknown;
}): Promise<LegalRemovalRequestDto> {
  const { actor, number } = options;
  assertCan({ actor, permission: "legal:remove" });
  const { reason } = parseInput({ schema: WithdrawLegalRemovalInput, input: options.input ?? {} });
  const request = await findRequest({ db: getDb(), number });
  if (request.requestedById !== actor.userId) throw notRequester({ number });
  return closeRequest({ actor, number, state: "withdrawn", reason: reason || null });
}
