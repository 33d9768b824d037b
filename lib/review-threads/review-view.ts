import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { assertPossibleSlug, storyNotFound } from "@/lib/stories/story";

import { handleOf } from "./mentions";
import { paragraphStarts } from "./paragraph-starts";
import { placeThreads, type PlacedThread } from "./place-threads";
import { readThreads } from "./read-threads";

/** What a desk page showing revision `to` (compared with `from`) needs for its comment threads. */
export type ReviewView = {
  threads: PlacedThread[];
  /** Where the body's paragraphs start in each revision, and the newer body's commented words. */
  body: {
    from: number[] | null;
    to: number[] | null;
    commented: { start: number; end: number }[];
  };
  /** Who may be mentioned, by handle (the part of the email before the @). */
  people: { name: string; handle: string }[];
  viewer: { id: string; canComment: boolean; canSettleAny: boolean };
  /** Each instant the threads carry, as the desk shows times (newsroom zone and style), by its ISO text. */
  times: Record<string, string>;
};

export async function readReviewView(options: {
  actor: Actor;
  slug: string;
  to: number;
  from?: number;
}): Promise<ReviewView> {
  const { actor, slug, to, from } = options;
  assertCan({ actor, permission: "desk:read" });
  assertPossibleSlug({ slug });
  const db = getDb();
  const story = await db.story.findUnique({ where: { slug }, select: { id: true } });
  if (!story) throw storyNotFound({ slug });
  const [bodies, threads, people] = await Promise.all([
    db.revision.findMany({
      where: { storyId: story.id, number: { in: from === undefined ? [to] : [from, to] } },
      select: { number: true, body: true },
    }),
    readThreads({ db, storyId: story.id, upTo: Math.max(to, from ?? 0) }),
    db.user.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { name: true, email: true },
    }),
  ]);
  const bodyOf = (number: number | undefined) => bodies.find((row) => row.number === number)?.body;
  const placed = await placeThreads({ db, storyId: story.id, threads, to, from });
  const starts = (body: string | undefined) => (body === undefined ? null : paragraphStarts(body));
  return {
    threads: placed,
    body: {
      from: starts(bodyOf(from)),
      to: starts(bodyOf(to)),
      commented: placed.flatMap((thread) =>
        thread.place.kind === "words" && thread.place.field === "body" && thread.place.side === "new"
          ? [{ start: thread.place.start, end: thread.place.end }]
          : [],
      ),
    },
    people: people.map((person) => ({ name: person.name, handle: handleOf(person.email) })),
    times: newsroomTimes(placed),
    viewer: {
      id: actor.userId,
      canComment: can({ actor, permission: "review:comment" }),
      canSettleAny: can({ actor, permission: "review:decide" }),
    },
  };
}

function newsroomTimes(threads: PlacedThread[]): Record<string, string> {
  const { timeZone, timeStyle } = newsroomSettings();
  const instants = threads.flatMap((thread) => [
    ...thread.comments.map((comment) => comment.createdAt),
    ...(thread.resolved ? [thread.resolved.at] : []),
  ]);
  return Object.fromEntries(
    instants.map((iso) => [
      iso,
      formatNewsroomTime({ instant: new Date(iso), zone: timeZone, style: timeStyle }),
    ]),
  );
}
