import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { StatusAction, StoryStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";

import { readStory, storyNotFound, type StoryDto } from "./story";
import { RepublishStoryInput, UnpublishStoryInput, WithdrawStoryInput } from "./story-status-input";
import { writeStory } from "./story-write";

type StatusChange = Extract<StatusAction, "unpublish" | "republish" | "withdraw">;

/**
 * Which status each change starts from and leads to. Withdrawing also covers a story already unpublished
 * quietly (the editor decides readers should be told after all); a withdrawn story is never quietly
 * unpublished, since that would take its note away from readers; republishing ends either.
 */
const transitions: Record<StatusChange, { from: readonly StoryStatus[]; to: StoryStatus; refusal: string }> =
  {
    unpublish: {
      from: ["published"],
      to: "unpublished",
      refusal: "This story is not published, so it cannot be unpublished.",
    },
    republish: {
      from: ["unpublished", "withdrawn"],
      to: "published",
      refusal: "Only an unpublished or withdrawn story can be republished.",
    },
    withdraw: {
      from: ["published", "unpublished"],
      to: "withdrawn",
      refusal: "Only a published or unpublished story can be withdrawn.",
    },
  };

type ReasonedChange = { actor: Actor; slug: string; reason: string; idempotencyKey?: string };

/**
 * Takes a published story off the public site; its revisions stay, and the reason joins its status history.
 */
export async function unpublishStory(options: ReasonedChange): Promise<StoryDto> {
  return changeWithReason({ ...options, action: "unpublish", schema: UnpublishStoryInput });
}

/**
 * Puts an unpublished story back with the revision that was live; no "Updated" move, one status history entry
 * with the reason. This is the only way an unpublished story goes live again.
 */
export async function republishStory(options: ReasonedChange): Promise<StoryDto> {
  return changeWithReason({ ...options, action: "republish", schema: RepublishStoryInput });
}

async function changeWithReason(
  options: ReasonedChange & {
    action: "unpublish" | "republish";
    schema: typeof UnpublishStoryInput | typeof RepublishStoryInput;
  },
): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "story:unpublish" });
  const { reason } = parseInput({ schema: options.schema, input: { reason: options.reason } });
  return changeStoryStatus({ ...options, reason });
}

/**
 * Takes a story off the public site with an editor's note to readers: its address answers 410 with the
 * headline and the note, and it leaves the index and the feeds. Revisions stay; the note and the internal
 * reason join the story's status history. Republishing ends the withdrawal.
 */
export async function withdrawStory(options: {
  actor: Actor;
  slug: string;
  input: WithdrawStoryInput;
  idempotencyKey?: string;
}): Promise<StoryDto> {
  assertCan({ actor: options.actor, permission: "story:unpublish" });
  const { note, reason } = parseInput({ schema: WithdrawStoryInput, input: options.input });
  return changeStoryStatus({
    actor: options.actor,
    slug: options.slug,
    action: "withdraw",
    reason: reason || null,
    publicNote: note,
    idempotencyKey: options.idempotencyKey,
  });
}

/**
 * Moves a story between published, unpublished and withdrawn, appending the change to its status history in
 * the same transaction. Only the status moves: the live revision and the reader's "Updated" instant stay as
 * they were.
 */
async function changeStoryStatus(options: {
  actor: Actor;
  slug: string;
  action: StatusChange;
  reason: string | null;
  idempotencyKey?: string;
  /** The note readers see at a withdrawn story's address. */
  publicNote?: string | null;
}): Promise<StoryDto> {
  const { actor, slug, action, idempotencyKey } = options;
  const publicNote = options.publicNote ?? null;
  return writeStory({
    slug,
    request: {
      operation: action,
      callerId: actor.userId,
      input: { reason: options.reason, publicNote },
      idempotencyKey,
      records: "status",
    },
    // A retried status change answers as the first one did, without a second entry in the status history.
    replay: () => "replayed" as const,
    step: async ({ tx, story, key }) => {
      const transition = transitions[action];
      if (!transition.from.includes(story.status)) {
        throw new AppError({
          code: "unprocessable",
          message: `cannot ${action} story ${slug} in status ${story.status}`,
          userMessage: transition.refusal,
          details: { status: story.status },
        });
      }
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`) as [
        { now: Date },
      ];
      await tx.story.update({ where: { id: story.id }, data: { status: transition.to } });
      await tx.storyStatusEvent.create({
        data: {
          storyId: story.id,
          action,
          revisionNumber: story.liveRevisionNumber,
          actorId: actor.userId,
          reason: options.reason,
          publicNote,
          createdAt: now,
          ...(key.idempotencyKey
            ? { idempotencyKey: key.idempotencyKey, requestFingerprint: key.fingerprint }
            : {}),
        },
      });
      return "changed" as const;
    },
    readersSeeChange: (done) => done === "changed",
    answer: async () => (await readStory({ slug })).story,
  });
}

export type StatusEventDto = {
  action: StatusAction;
  /** The revision that was live when the status changed. */
  revisionNumber: number | null;
  actor: { id: string; name: string };
  /** Internal: why it was unpublished or withdrawn. */
  reason: string | null;
  /** The editor's note readers saw (withdraw only). */
  publicNote: string | null;
  /** ISO instant. */
  createdAt: string;
};

/** A story's append-only status history (publish, unpublish, withdraw, republish), newest first. */
export async function listStatusEvents(options: {
  actor: Actor;
  slug: string;
  limit?: number;
}): Promise<StatusEventDto[]> {
  assertCan({ actor: options.actor, permission: "desk:read" });
  const story = await getDb().story.findUnique({
    where: { slug: options.slug },
    select: {
      statusEvents: {
        orderBy: { createdAt: "desc" },
        take: Math.max(1, Math.min(options.limit ?? 100, 500)),
        select: {
          action: true,
          revisionNumber: true,
          reason: true,
          publicNote: true,
          createdAt: true,
          actor: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!story) throw storyNotFound({ slug: options.slug });
  return story.statusEvents.map((event) => ({
    action: event.action,
    revisionNumber: event.revisionNumber,
    actor: event.actor,
    reason: event.reason,
    publicNote: event.publicNote,
    createdAt: event.createdAt.toISOString(),
  }));
}
