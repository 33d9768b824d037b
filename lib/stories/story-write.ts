import "server-only";

import { createHash } from "node:crypto";

import { getDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/connection-loss";
import { Prisma } from "@/lib/db/generated/client";
import { invalidatePublicStory } from "@/lib/delivery/invalidate-public-story";
import { AppError, isAppError } from "@/lib/errors/app-error";

import { lockStory, type LockedStory } from "./story";

/*
 * One write to a story, from the request to what readers see. Every writer (save, publish, restore, status
 * changes, story creation, schedules and embargoes) supplies only its own step; this file owns what they all
 * need around it:
 *
 *   1. the Idempotency-Key is checked and the request fingerprinted, before anything is written;
 *   2. one transaction takes the story's row lock;
 *   3. a retry of an earlier identical request is answered with what that request did (a different request
 *      reusing the key is refused) — otherwise the writer's step runs;
 *   4. two retries racing past step 3 meet the unique key at COMMIT (P2002): the loser is answered with the
 *      winner's write, or refused if it was a different request;
 *   5. after COMMIT, this process's public pages of the story are dropped if readers see a change (other
 *      instances hear of it through the trigger's NOTIFY), and the answer is read.
 */

/**
 * What an Idempotency-Key records on a story: the revision a save, publish or restore created, or a status
 * change.
 */
export type KeyedWrite =
  | { type: "revision"; number: number; fingerprint: string | null }
  | { type: "status"; fingerprint: string | null }
  | ReviewThreadKeyedWrite;

/** A comment, reply, resolve or reopen on a review thread (lib/review-threads), kept in the review history. */
export type ReviewThreadKeyedWrite = {
  type: "review-thread";
  threadId: string;
  commentId: string | null;
  fingerprint: string | null;
};

const reviewThreadActions = ["comment", "reply", "resolve_thread", "reopen_thread"] as const;

/** The key and fingerprint a writer's step stores with what it writes, so a retry finds it. */
export type WriteKey = { idempotencyKey?: string; fingerprint: string };

/** A request that carries an Idempotency-Key: which operation, by whom, with which (parsed) input. */
export type KeyedRequest<Type extends KeyedWrite["type"]> = {
  operation: string;
  callerId: string;
  input: unknown;
  idempotencyKey: string | undefined;
  /** What the key is kept with: the revision the write creates, or the status change it records. */
  records: Type;
};

type StoryWriteOptions<Done, Answer, Type extends KeyedWrite["type"]> = {
  slug: string;
  /** Absent for writes no client retries with a key (scheduling, embargoes, a schedule's own run). */
  request?: KeyedRequest<Type>;
  /**
   * The answer to a retry, from what the key recorded (`db` is the transaction, or the database after a lost
   * race). Writes from a request with a key must say how they replay.
   */
  replay?: (earlier: {
    db: Prisma.TransactionClient;
    storyId: string;
    write: Extract<KeyedWrite, { type: Type }>;
  }) => Promise<Done> | Done;
  /** Whether the committed write changed what readers see. A replay never does: its first request did. */
  readersSeeChange: (done: Done) => boolean;
  /** The answer, from what committed (and read after COMMIT where the step did not build it). */
  answer: (done: Done) => Promise<Answer> | Answer;
};

/** Writes to an existing story: its step runs under the story's row lock, unless the request is a retry. */
export async function writeStory<Done, Answer, Type extends KeyedWrite["type"] = "revision">(
  options: StoryWriteOptions<Done, Answer, Type> & {
    step: (write: { tx: Prisma.TransactionClient; story: LockedStory; key: WriteKey }) => Promise<Done>;
  },
): Promise<Answer> {
  const { slug, request, replay, step } = options;
  return keyedWrite({
    ...options,
    work: async (tx, key) => {
      const story = await lockStory({ tx, slug });
      const earlier =
        request && replay ? await findReplayedWrite({ tx, storyId: story.id, key, request }) : null;
      if (earlier && replay) return replay({ db: tx, storyId: story.id, write: earlier });
      return step({ tx, story, key });
    },
  });
}

/**
 * Creates a story: there is no row to lock yet, so the slug's unique index is what keeps two creations apart,
 * and a retry that lost that race is answered with the story its first request created.
 */
export async function writeNewStory<Done, Answer>(
  options: StoryWriteOptions<Done, Answer, "revision"> & {
    step: (write: { tx: Prisma.TransactionClient; key: WriteKey }) => Promise<Done>;
  },
): Promise<Answer> {
  return keyedWrite({ ...options, work: (tx, key) => options.step({ tx, key }) });
}

async function keyedWrite<Done, Answer, Type extends KeyedWrite["type"]>(
  options: StoryWriteOptions<Done, Answer, Type> & {
    work: (tx: Prisma.TransactionClient, key: WriteKey) => Promise<Done>;
  },
): Promise<Answer> {
  const { slug, request, replay } = options;
  const idempotencyKey = request?.idempotencyKey;
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;
  // A write without a request (a schedule's run, an embargo) keeps no key, so it has nothing to fingerprint.
  const key: WriteKey = {
    idempotencyKey,
    fingerprint: request
      ? requestFingerprint({
          operation: request.operation,
          slug,
          callerId: request.callerId,
          input: request.input,
        })
      : "",
  };

  let done: Done;
  try {
    done = await writeTransaction({ work: (tx) => options.work(tx, key) });
  } catch (error) {
    // Writers of a story take turns on its lock, but two retries can both find no earlier write before
    // either commits: the unique key is the last word, and the loser answers with the winner's write.
    if (!request || !replay || !idempotencyKey || !isUniqueViolation(error)) throw error;
    const story = await getDb().story.findUnique({ where: { slug }, select: { id: true } });
    const earlier = story ? await findReplayedWrite({ tx: getDb(), storyId: story.id, key, request }) : null;
    if (!story || !earlier) throw error;
    return options.answer(await replay({ db: getDb(), storyId: story.id, write: earlier }));
  }
  if (options.readersSeeChange(done)) invalidatePublicStory({ slug });
  return options.answer(done);
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Runs one story write in one transaction. Writers of a story queue on its row lock, so a burst of saves
 * may wait a while for a connection or the lock: the generous limits keep them queued instead of failing.
 * A transaction that lost its connection before COMMIT is re-run once by the client (lib/db/client.ts); one
 * that still cannot finish leaves nothing behind, which is what its error tells the person retrying.
 */
export async function writeTransaction<T>(options: {
  work: (tx: Prisma.TransactionClient) => Promise<T>;
}): Promise<T> {
  try {
    return await getDb().$transaction(options.work, {
      maxWait: 20_000,
      timeout: 30_000,
      isolationLevel: "ReadCommitted",
    });
  } catch (error) {
    if (isAppError(error) || !isDatabaseUnavailable(error)) throw error;
    throw new AppError({
      code: "unavailable",
      message: `story write interrupted: ${error instanceof Error ? error.message : String(error)}`,
      userMessage: "The connection to the database was interrupted, so nothing was saved. Please try again.",
      cause: error,
    });
  }
}

const keyPattern = /^[\x21-\x7e]{1,200}$/;

/** An Idempotency-Key is 1–200 visible ASCII characters; anything else is refused before any write. */
function idempotencyKeyError(options: { key: string | undefined }): AppError | null {
  if (options.key === undefined || keyPattern.test(options.key)) return null;
  return new AppError({
    code: "bad_request",
    message: "malformed idempotency key",
    userMessage: "The Idempotency-Key must be 1 to 200 visible ASCII characters.",
    details: { fields: [{ path: "Idempotency-Key", message: "1 to 200 visible ASCII characters" }] },
  });
}

/**
 * JSON with object keys sorted at every depth, so the same request hashes the same whatever its key order.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
}

/**
 * The digest kept with an Idempotency-Key: which operation, on which story, by whom, with which (parsed)
 * body. A retry matches it exactly; any other use of the key does not. A schedule's run, which has no
 * request, fingerprints the publish it makes with this too.
 */
export function requestFingerprint(options: {
  operation: string;
  slug: string;
  callerId: string;
  input: unknown;
}): string {
  const { operation, slug, callerId, input } = options;
  return createHash("sha256")
    .update(JSON.stringify(canonical({ operation, slug, callerId, input })))
    .digest("hex");
}

/** A stored fingerprint of null predates fingerprints: such a key still answers its own retries. */
export function sameRequest(options: { stored: string | null; fingerprint: string }): boolean {
  return options.stored === null || options.stored === options.fingerprint;
}

export function keyReusedError(): AppError {
  return new AppError({
    code: "unprocessable",
    message: "idempotency key reused for a different request or by a different caller",
    userMessage:
      "This key was used for a different request. Send a new Idempotency-Key with each new request.",
    details: { fields: [{ path: "Idempotency-Key", message: "this key was used for a different request" }] },
  });
}

/**
 * What the key already did on this story, when this request is a retry of it. Keys are unique per story
 * across revisions and status changes, so a key cannot do two things: any other use of it is refused, never
 * answered with the first.
 */
async function findReplayedWrite<Type extends KeyedWrite["type"]>(options: {
  tx: Prisma.TransactionClient;
  storyId: string;
  key: WriteKey;
  request: KeyedRequest<Type>;
}): Promise<Extract<KeyedWrite, { type: Type }> | null> {
  const { tx, storyId, key, request } = options;
  const idempotencyKey = key.idempotencyKey;
  if (!idempotencyKey) return null;
  const where = { storyId_idempotencyKey: { storyId, idempotencyKey } };
  const revision = await tx.revision.findUnique({
    where,
    select: { number: true, requestFingerprint: true },
  });
  const earlier: KeyedWrite | null = revision
    ? { type: "revision", number: revision.number, fingerprint: revision.requestFingerprint }
    : ((await tx.storyStatusEvent
        .findUnique({ where, select: { requestFingerprint: true } })
        .then((event) => (event ? { type: "status", fingerprint: event.requestFingerprint } : null))) ??
      (await findReviewThreadWrite({ tx, where })));
  if (!earlier) return null;
  if (
    !isOfType(earlier, request.records) ||
    !sameRequest({ stored: earlier.fingerprint, fingerprint: key.fingerprint })
  )
    throw keyReusedError();
  return earlier;
}

/** A review thread's act (comment, reply, resolve, reopen) that kept this key in the review history. */
async function findReviewThreadWrite(options: {
  tx: Prisma.TransactionClient;
  where: { storyId_idempotencyKey: { storyId: string; idempotencyKey: string } };
}): Promise<ReviewThreadKeyedWrite | null> {
  const event = await options.tx.reviewEvent.findUnique({
    where: options.where,
    select: { action: true, threadId: true, commentId: true, requestFingerprint: true },
  });
  if (!event?.threadId || !(reviewThreadActions as readonly string[]).includes(event.action)) return null;
  return {
    type: "review-thread",
    threadId: event.threadId,
    commentId: event.commentId,
    fingerprint: event.requestFingerprint,
  };
}

function isOfType<Type extends KeyedWrite["type"]>(
  write: KeyedWrite,
  type: Type,
): write is Extract<KeyedWrite, { type: Type }> {
  return write.type === type;
}
