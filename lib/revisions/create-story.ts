import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { readStory } from "@/lib/stories/story";
import { isUniqueViolation, keyReusedError, sameRequest, writeNewStory } from "@/lib/stories/story-write";
import { parseInput } from "@/lib/validation/parse-input";

import { appendRevision, type AppendedRevision } from "./append-revision";
import { CreateStoryInput } from "./create-story-input";
import { readRevision } from "./read-revision";
import { resolveCredits } from "./resolve-credits";

type Created =
  { type: "created"; written: AppendedRevision } | { type: "replayed"; storyId: string; number: number };

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
  try {
    return await writeNewStory({
      slug: input.slug,
      request: { operation: "create", callerId: actor.userId, input, idempotencyKey, records: "revision" },
      step: async ({ tx, key }): Promise<Created> => {
        if (idempotencyKey) {
          // A key names one creation: the same request again answers with it; anything else is refused.
          const earlier = await tx.revision.findFirst({
            where: { idempotencyKey, number: 1 },
            select: { requestFingerprint: true },
          });
          if (earlier && !sameRequest({ stored: earlier.requestFingerprint, fingerprint: key.fingerprint }))
            throw keyReusedError();
        }
        const story = await tx.story.create({
          data: { slug: input.slug, createdById: actor.userId, developing: input.developing },
          select: { id: true, slug: true },
        });
        const credits = await resolveCredits({ tx, credits: input.credits, create: true });
        const written = await appendRevision({
          tx,
          story: {
            ...story,
            status: "draft",
            latestRevisionNumber: 0,
            liveRevisionNumber: null,
            firstPublishedAt: null,
            legalRemovalCount: 0,
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
          key,
        });
        return { type: "created", written };
      },
      // The slug's unique index stopped this creation; the request that created the story answers it.
      replay: ({ storyId, write }): Created => ({ type: "replayed", storyId, number: write.number }),
      readersSeeChange: (created) => created.type === "created" && created.written.revision.published,
      answer: async (created) => {
        if (created.type === "created") return created.written;
        const [{ story }, { revision }] = await Promise.all([
          readStory({ slug: input.slug }),
          readRevision({ storyId: created.storyId, number: created.number }),
        ]);
        return { story, revision };
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError({
      code: "conflict",
      message: `slug ${input.slug} is taken`,
      userMessage: `A story with the slug "${input.slug}" already exists. Choose another slug.`,
      details: { fields: [{ path: "slug", message: "already in use" }] },
      cause: error,
    });
  }
}
