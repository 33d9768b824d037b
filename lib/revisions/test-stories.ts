import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createStory } from "@/lib/revisions/create-story";

/** A fresh story for a test, with a byline and one paragraph; published when `publish` is true. */
export async function createTestStory(options: {
  actor: Actor;
  slug: string;
  publish?: boolean;
  body?: string;
}) {
  return createStory({
    actor: options.actor,
    input: {
      slug: options.slug,
      headline: `Headline of ${options.slug}`,
      body: options.body ?? "First paragraph.\n\nSecond paragraph.",
      credits: [{ name: "Test Reporter", role: "byline" }],
      developing: true,
      publish: options.publish ?? false,
    },
  });
}

/** The AppError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError))
    throw new Error(`expected an AppError, got ${error instanceof Error ? error.stack : String(error)}`);
  return error;
}

/** Row counts of everything a write may touch, to prove a refused write changed nothing. */
export async function historyCounts(options: { slug: string }) {
  const db = getDb();
  const story = await db.story.findUniqueOrThrow({ where: { slug: options.slug } });
  return {
    story,
    revisions: await db.revision.count({ where: { storyId: story.id } }),
    credits: await db.credit.count({ where: { revision: { storyId: story.id } } }),
    events: await db.storyStatusEvent.count({ where: { storyId: story.id } }),
    contributors: await db.contributor.count(),
  };
}
