import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertPossibleSlug } from "@/lib/stories/story";

/** A heartbeat older than this means the person has left the story. */
const presenceWindowMs = 30_000;

export type PresentEditor = {
  userId: string;
  name: string;
  role: Actor["role"];
  seenRevisionNumber: number;
  seenAt: string;
};

export type PresenceSnapshot = {
  latestRevisionNumber: number;
  liveRevisionNumber: number | null;
  others: PresentEditor[];
};

async function findStory(slug: string) {
  assertPossibleSlug({ slug });
  const story = await getDb().story.findUnique({
    where: { slug },
    select: { id: true, latestRevisionNumber: true, liveRevisionNumber: true },
  });
  if (!story) {
    throw new AppError({
      code: "not_found",
      message: `story ${slug} not found`,
      userMessage: "This story no longer exists.",
    });
  }
  return story;
}

/**
 * Records that `actor` has the story open at `seenRevisionNumber` and answers who else is on it,
 * plus the newest revision so the desk can warn before someone publishes over a version they have not seen.
 */
export async function recordPresence(options: {
  slug: string;
  actor: Actor;
  seenRevisionNumber: number;
}): Promise<PresenceSnapshot> {
  const story = await findStory(options.slug);
  // A client cannot claim to have seen a revision that does not exist yet.
  const seen = Math.min(options.seenRevisionNumber, story.latestRevisionNumber);
  const now = new Date();
  await getDb().storyPresence.upsert({
    where: { storyId_userId: { storyId: story.id, userId: options.actor.userId } },
    create: { storyId: story.id, userId: options.actor.userId, seenRevisionNumber: seen, seenAt: now },
    update: { seenRevisionNumber: seen, seenAt: now },
  });
  const others = await getDb().storyPresence.findMany({
    where: {
      storyId: story.id,
      userId: { not: options.actor.userId },
      seenAt: { gt: new Date(now.getTime() - presenceWindowMs) },
      user: { active: true },
    },
    orderBy: { seenAt: "desc" },
    select: {
      userId: true,
      seenRevisionNumber: true,
      seenAt: true,
      user: { select: { name: true, role: true } },
    },
  });
  return {
    latestRevisionNumber: story.latestRevisionNumber,
    liveRevisionNumber: story.liveRevisionNumber,
    others: others.map((row) => ({
      userId: row.userId,
      name: row.user.name,
      role: row.user.role,
      seenRevisionNumber: row.seenRevisionNumber,
      seenAt: row.seenAt.toISOString(),
    })),
  };
}

/**
 * The newest revision `actor` had open the last time they were on the story: the desk's "since I last
 * looked".
 */
export async function getLastSeenRevision(options: { slug: string; actor: Actor }): Promise<number | null> {
  const row = await getDb().storyPresence.findFirst({
    where: { story: { slug: options.slug }, userId: options.actor.userId },
    select: { seenRevisionNumber: true },
  });
  return row && row.seenRevisionNumber > 0 ? row.seenRevisionNumber : null;
}

export type SinceYouLastLooked = { lastSeen: number; savedByOthers: number };

/**
 * What others saved after the revision `actor` last had open: the desk's "Since you last looked" notice. Your
 * own saves are not news to you (saving from another tab or the API does not move your presence), so they are
 * not counted; null when you have not looked before or nobody else saved since.
 */
export async function readSinceYouLastLooked(options: {
  slug: string;
  actor: Actor;
}): Promise<SinceYouLastLooked | null> {
  const lastSeen = await getLastSeenRevision(options);
  if (lastSeen === null) return null;
  const savedByOthers = await getDb().revision.count({
    where: {
      story: { slug: options.slug },
      number: { gt: lastSeen },
      authorId: { not: options.actor.userId },
    },
  });
  return savedByOthers > 0 ? { lastSeen, savedByOthers } : null;
}

/** What the edit screen reports every few seconds: which revision the editor is looking at. */
export const PresenceHeartbeatInput = z.strictObject({
  seenRevisionNumber: z.int().min(0).max(2_147_483_647),
});
