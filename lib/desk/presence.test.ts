import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { createStory } from "@/lib/revisions/create-story";
import { saveRevision } from "@/lib/revisions/save-revision";

import { getLastSeenRevision, readSinceYouLastLooked, recordPresence } from "./presence";

async function makeActor(email: string, name: string): Promise<Actor> {
  const user = await getDb().user.create({ data: { email, name, role: "editor", passwordHash: "x" } });
  return { userId: user.id, email, name, role: "editor", via: "session" };
}

describe("story presence", () => {
  let ana: Actor;
  let ben: Actor;

  beforeAll(async () => {
    ana = await makeActor("ana@example.test", "Ana Desk");
    ben = await makeActor("ben@example.test", "Ben Desk");
    await getDb().story.create({
      data: { slug: "presence-story", createdById: ana.userId, latestRevisionNumber: 3 },
    });
  });

  it("shows who else has the story open, never yourself", async () => {
    await recordPresence({ slug: "presence-story", actor: ben, seenRevisionNumber: 2 });
    const snapshot = await recordPresence({ slug: "presence-story", actor: ana, seenRevisionNumber: 3 });
    expect(snapshot.latestRevisionNumber).toBe(3);
    expect(snapshot.others).toEqual([
      expect.objectContaining({ userId: ben.userId, name: "Ben Desk", seenRevisionNumber: 2 }),
    ]);
  });

  it("drops people whose last heartbeat is older than the presence window", async () => {
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "presence-story" } });
    await getDb().storyPresence.update({
      where: { storyId_userId: { storyId: story.id, userId: ben.userId } },
      data: { seenAt: new Date(Date.now() - 5 * 60_000) },
    });
    const snapshot = await recordPresence({ slug: "presence-story", actor: ana, seenRevisionNumber: 3 });
    expect(snapshot.others).toEqual([]);
  });

  it("never records a revision newer than the story has (a client cannot claim the future)", async () => {
    await recordPresence({ slug: "presence-story", actor: ben, seenRevisionNumber: 99 });
    expect(await getLastSeenRevision({ slug: "presence-story", actor: ben })).toBe(3);
  });

  it("remembers the revision each person last had open", async () => {
    await recordPresence({ slug: "presence-story", actor: ana, seenRevisionNumber: 2 });
    expect(await getLastSeenRevision({ slug: "presence-story", actor: ana })).toBe(2);
    const stranger = await makeActor("cy@example.test", "Cy Desk");
    expect(await getLastSeenRevision({ slug: "presence-story", actor: stranger })).toBeNull();
  });

  it("refuses an unknown story with a not-found error", async () => {
    await expect(
      recordPresence({ slug: "no-such-story", actor: ana, seenRevisionNumber: 1 }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  // Regression (issue 18.8): "Since you last looked (revision N), 1 revision was saved" counted your own
  // saves.
  it("counts only what others saved since you last looked, never your own saves", async () => {
    await createStory({
      actor: ana,
      input: { slug: "looked-story", headline: "Ferry schedule changes", body: "First." },
    });
    await recordPresence({ slug: "looked-story", actor: ana, seenRevisionNumber: 1 });
    await saveRevision({
      actor: ana,
      slug: "looked-story",
      input: { baseRevision: 1, summary: "Mine", body: "First, by Ana." },
    });
    expect(await readSinceYouLastLooked({ slug: "looked-story", actor: ana })).toBeNull();

    await saveRevision({
      actor: ben,
      slug: "looked-story",
      input: { baseRevision: 2, summary: "Ben's", body: "First, by Ben." },
    });
    await saveRevision({
      actor: ana,
      slug: "looked-story",
      input: { baseRevision: 3, summary: "Mine again", body: "First, by Ana again." },
    });
    expect(await readSinceYouLastLooked({ slug: "looked-story", actor: ana })).toEqual({
      lastSeen: 1,
      savedByOthers: 1,
    });
    // Someone who never opened the story gets no "since you last looked" at all.
    const stranger = await makeActor("dee@example.test", "Dee Desk");
    expect(await readSinceYouLastLooked({ slug: "looked-story", actor: stranger })).toBeNull();
  });
});
