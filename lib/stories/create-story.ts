import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { appendRevision, type AppendedRevision } from "@/lib/revisions/append-revision";
import { idempotencyKeyError } from "@/lib/revisions/idempotency-key";
import { readRevision } from "@/lib/revisions/read-revision";
import { keyReusedError, requestFingerprint, sameRequest } from "@/lib/revisions/request-fingerprint";
import { resolveCredits } from "@/lib/revisions/resolve-credits";
import { writeTransaction } from "@/lib/revisions/write-transaction";
import { parseInput } from "@/lib/validation/parse-input";

import { CreateStoryInput } from "./create-story-input";
import { readStory } from "./read-story";

/**
 * Creates a story with revision 1 (kind `initial`), a draft unless `publish` is true — all in one
 * transaction. A retry carrying the same idempotency key answers with the story it already created instead of
 * a slug conflict.
 */
export async function createStory(options: {
  actor: Actor;
  input: unknown;
  idempotencyKey?: string;
}): Promise<AppendedRevision> {
  const { actor, idempotencyKey } = options;
  assertCan({ actor, permission: "story:create" });
  const input = parseInput({ schema: CreateStoryInput, input: options.input });
  if (input.publish) assertCan({ actor, permission: "revision:publish" });
  const keyError = idempotencyKeyError({ key: idempotencyKey });
  if (keyError) throw keyError;
  const fingerprint = requestFingerprint({
    operation: "create",
    slug: input.slug,
    callerId: actor.userId,
    input,
  });
  try {
    return await writeTransaction({
      work: async (tx) => {
        if (idempotencyKey) {
          // A key names one creation: the same request again answers with it; anything else is refused.
          const earlier = await tx.revision.findFirst({
            where: { idempotencyKey, number: 1 },
            select: { requestFingerprint: true },
          });
          if (earlier && !sameRequest({ stored: earlier.requestFingerprint, fingerprint }))
            throw keyReusedError();
        }
        const story = await tx.story.create({
          data: { slug: input.slug, createdById: actor.userId, developing: input.developing },
          select: { id: true, slug: true },
        });
        const credits = await resolveCredits({ tx, credits: input.credits, create: true });
        return appendRevision({
          tx,
          story: {
            ...story,
            status: "draft",
            latestRevisionNumber: 0,
            liveRevisionNumber: null,
            firstPublishedAt: null,
          },
          actor,
          content: {
            headline: input.headline,
            dek: input.dek,
            byline: input.byline,
            body: input.body,
            images: input.images,
            credits,
            developing: input.developing,
          },
          kind: "initial",
          summary: input.summary ?? "First version",
          publicNote: null,
          baseNumber: null,
          publish: input.publish,
          idempotencyKey,
          requestFingerprint: fingerprint,
        });
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const earlier = idempotencyKey
        ? await createdWithKey({ slug: input.slug, idempotencyKey, fingerprint })
        : null;
      if (earlier) return earlier;
      throw new AppError({
        code: "conflict",
        message: `slug ${input.slug} is taken`,
        userMessage: `A story with the slug "${input.slug}" already exists. Choose another slug.`,
        details: { fields: [{ path: "slug", message: "already in use" }] },
        cause: error,
      });
    }
    throw error;
  }
}

async function createdWithKey(options: {
  slug: string;
  idempotencyKey: string;
  fingerprint: string;
}): Promise<AppendedRevision | null> {
  const first = await getDb().revision.findFirst({
    where: { story: { slug: options.slug }, number: 1, idempotencyKey: options.idempotencyKey },
    select: { storyId: true, requestFingerprint: true },
  });
  if (!first) return null;
  if (!sameRequest({ stored: first.requestFingerprint, fingerprint: options.fingerprint }))
    throw keyReusedError();
  const [{ story }, { revision }] = await Promise.all([
    readStory({ slug: options.slug }),
    readRevision({ storyId: first.storyId, number: 1 }),
  ]);
  return { story, revision };
}
