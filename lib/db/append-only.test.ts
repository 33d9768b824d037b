import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "./client";

describe("append-only history", () => {
  let revisionId = "";
  let creditId = "";

  beforeAll(async () => {
    const db = getDb();
    const user = await db.user.create({
      data: { email: "history@example.test", name: "History Test", role: "editor", passwordHash: "x" },
    });
    const story = await db.story.create({
      data: { slug: "append-only", createdById: user.id, latestRevisionNumber: 1 },
    });
    const contributor = await db.contributor.create({ data: { name: "Append Only Reporter" } });
    const revision = await db.revision.create({
      data: {
        storyId: story.id,
        number: 1,
        authorId: user.id,
        kind: "initial",
        summary: "First version",
        contentHash: "h",
        headline: "Original headline",
        body: "Original body",
        credits: { create: { contributorId: contributor.id, role: "byline", position: 0 } },
      },
      include: { credits: true },
    });
    revisionId = revision.id;
    creditId = revision.credits[0]!.id;
  });

  it("refuses to update a revision", async () => {
    await expect(
      getDb().revision.update({ where: { id: revisionId }, data: { headline: "Silently changed" } }),
    ).rejects.toThrow(/append-only/);
    const stored = await getDb().revision.findUniqueOrThrow({ where: { id: revisionId } });
    expect(stored.headline).toBe("Original headline");
  });

  it("refuses to delete a revision or a credit", async () => {
    await expect(getDb().revision.delete({ where: { id: revisionId } })).rejects.toThrow(/append-only/);
    await expect(getDb().credit.delete({ where: { id: creditId } })).rejects.toThrow(/append-only/);
    await expect(getDb().$executeRawUnsafe(`TRUNCATE "credits" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await getDb().credit.count({ where: { id: creditId } })).toBe(1);
  });

  it("refuses a correction without its public note, even written straight to the database", async () => {
    const story = await getDb().story.findUniqueOrThrow({ where: { slug: "append-only" } });
    await expect(
      getDb().revision.create({
        data: {
          storyId: story.id,
          number: 2,
          authorId: story.createdById,
          kind: "correction",
          summary: "Fix the figure",
          contentHash: "h2",
          headline: "Original headline",
          body: "Corrected body",
        },
      }),
    ).rejects.toThrow(/revisions_public_note_required/);
  });
});
