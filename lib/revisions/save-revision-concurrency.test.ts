import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { saveRevision } from "./save-revision";
import { createTestStory, historyCounts } from "./test-stories";

describe("saveRevision under concurrency and failure", () => {
  let editors: Actor[];

  beforeAll(async () => {
    editors = await Promise.all([
      createTestActor({ role: "editor" }),
      createTestActor({ role: "editor" }),
      createTestActor({ role: "admin" }),
    ]);
  });

  it("accepts exactly one of 50 concurrent saves on the same base and refuses 49 as conflicts", async () => {
    await createTestStory({ actor: editors[0]!, slug: "fifty" });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        saveRevision({
          actor: editors[index % editors.length]!,
          slug: "fifty",
          input: {
            baseRevision: 1,
            summary: `Save ${index}`,
            body: `Version ${index}.`,
            credits: [{ name: `Reporter ${index}`, role: "contributed_reporting" }],
            publish: true,
          },
        }),
      ),
    );
    const created = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [outcome.reason as unknown] : [],
    );
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(refused.every((reason) => reason instanceof AppError && reason.code === "conflict")).toBe(true);

    const after = await historyCounts({ slug: "fifty" });
    expect(after.revisions).toBe(2);
    expect(after.credits).toBe(2);
    expect(after.events).toBe(1);
    expect(after.story).toMatchObject({
      latestRevisionNumber: 2,
      liveRevisionNumber: 2,
      status: "published",
    });
  });

  it("numbers 200 saves from several clients that refresh their base 1..200 without gaps or duplicates", async () => {
    await createTestStory({ actor: editors[0]!, slug: "two-hundred" });
    let saved = 1;
    async function client(actor: Actor, name: string) {
      while (saved < 200) {
        const { latestRevisionNumber } = await getDb().story.findUniqueOrThrow({
          where: { slug: "two-hundred" },
        });
        try {
          const result = await saveRevision({
            actor,
            slug: "two-hundred",
            input: {
              baseRevision: latestRevisionNumber,
              summary: `${name} save`,
              body: `${name} wrote this on top of ${latestRevisionNumber}.`,
              credits: [{ name, role: "byline" }],
            },
          });
          if (result.outcome === "created") saved = Math.max(saved, result.revision.number);
        } catch (error) {
          if (!(error instanceof AppError && error.code === "conflict")) throw error;
        }
      }
    }
    await Promise.all(editors.map((actor, index) => client(actor, `Client ${index}`)));

    const rows = await getDb().revision.findMany({
      where: { story: { slug: "two-hundred" } },
      orderBy: { number: "asc" },
      select: { number: true, createdAt: true, authorId: true, credits: { select: { contributorId: true } } },
    });
    expect(rows.map((row) => row.number)).toEqual(
      Array.from({ length: rows.length }, (_, index) => index + 1),
    );
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const [index, row] of rows.entries()) {
      expect(row.credits.length).toBe(1);
      expect(row.authorId).toMatch(/^[0-9a-f-]{36}$/);
      if (index > 0)
        expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(rows[index - 1]!.createdAt.getTime());
    }
    // Generous limit: every lost race builds a conflict with a diff and a merge, and CI shares two cores.
  }, 240_000);

  /**
   * Holds the status history table before the save starts (so the save cannot finish first and leave nothing
   * to kill), then kills the backend of each save that queues behind it (`times` times), then lets go.
   */
  async function holdStatusHistory(): Promise<{
    killBlockedSaves: (options: { times: number }) => Promise<void>;
  }> {
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE story_status_events IN EXCLUSIVE MODE");
    return {
      killBlockedSaves: async (options) => {
        for (let killed = 0; killed < options.times;) {
          const waiting = await blocker.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pg_blocking_pids(pid) @> ARRAY[pg_backend_pid()]",
          );
          const pid = waiting.rows[0]?.pid;
          if (pid === undefined) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            continue;
          }
          await blocker.query("SELECT pg_terminate_backend($1, 10000)", [pid]);
          killed += 1;
        }
        await blocker.query("ROLLBACK");
        await blocker.end();
      },
    };
  }

  const droppedInput = (reporter: string) => ({
    baseRevision: 1,
    summary: "Interrupted",
    body: "Interrupted body.",
    credits: [{ name: reporter, role: "byline" as const }],
    publish: true,
  });

  // Guards the bug where a save whose connection died before COMMIT failed instead of running again.
  it("runs a save whose connection dropped before COMMIT once more on a fresh connection, and it lands once", async () => {
    await createTestStory({ actor: editors[0]!, slug: "dropped-once", publish: true });
    // The save blocks on its last insert, after writing the revision, its credits and the story pointers;
    // then its backend is killed, so everything it wrote is rolled back and the client runs it again.
    const hold = await holdStatusHistory();
    const save = saveRevision({
      actor: editors[0]!,
      slug: "dropped-once",
      input: droppedInput("Dropped Reporter"),
    });
    await hold.killBlockedSaves({ times: 1 });

    // All or nothing: the killed attempt left no revision, credit or contributor behind; the re-run wrote one
    // of each.
    expect((await save).revision).toMatchObject({ number: 2, published: true });
    const after = await historyCounts({ slug: "dropped-once" });
    expect(after).toMatchObject({ revisions: 2, credits: 2, events: 2 });
    expect(after.story).toMatchObject({ latestRevisionNumber: 2, liveRevisionNumber: 2 });
    expect(await getDb().contributor.count({ where: { name: "Dropped Reporter" } })).toBe(1);
  });
});
