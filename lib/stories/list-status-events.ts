import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { StatusAction } from "@/lib/db/generated/enums";

import { storyNotFound } from "./story-not-found";

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
