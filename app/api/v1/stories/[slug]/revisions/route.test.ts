import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { GET as listStories } from "@/app/api/v1/stories/route";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { disconnectDb, getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import { createTestStory } from "@/lib/revisions/test-stories";
import { startKillStorm } from "@/lib/testing/kill-storm";

import { POST } from "./route";

function save(options: { token: string; slug: string; key: string; body: unknown }): Promise<Response> {
  const request = new Request(`http://localhost/api/v1/stories/${options.slug}/revisions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${options.token}`,
      "content-type": "application/json",
      "idempotency-key": options.key,
    },
    body: JSON.stringify(options.body),
  });
  return POST(request, { params: Promise.resolve({ slug: options.slug }) });
}

describe("POST /api/v1/stories/{slug}/revisions while the database drops connections", () => {
  let editor: Actor;
  let token: string;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    ({ token } = await createApiToken({ userId: editor.userId, name: "Storm client", actor: "system" }));
  });

  // Guards the bug where saves under a kill storm failed 20 times in a row with 500 internal.
  it("lands every save with its Idempotency-Key under a 120 ms kill storm: numbers contiguous, credits intact, never a 500", async () => {
    await createTestStory({ actor: editor, slug: "kill-storm" });
    const saves = 10;
    const attemptsPerSave: number[] = [];
    const latencies: number[] = [];
    const statuses: number[] = [];
    let base = 1;
    const storm = await startKillStorm({ intervalMs: 120 });
    try {
      for (let index = 0; index < saves; index++) {
        const started = Date.now();
        // What an integration does: the same key until the save is answered; generous, so speed never
        // decides.
        for (let attempt = 1; attempt <= 200; attempt++) {
          const response = await save({
            token,
            slug: "kill-storm",
            key: `storm-save-${index}`,
            body: {
              baseRevision: base,
              summary: `Storm save ${index}`,
              body: `Written during the storm, save ${index}.`,
              credits: [{ name: `Storm Reporter ${index}`, role: "byline" }],
            },
          });
          statuses.push(response.status);
          if (response.status === 201) {
            base = ((await response.json()) as { revision: { number: number } }).revision.number;
            attemptsPerSave.push(attempt);
            latencies.push(Date.now() - started);
            break;
          }
          expect(response.status).toBe(503);
          expect(response.headers.get("retry-after")).toBe("5");
          const { error } = (await response.json()) as { error: { code: string; message: string } };
          expect(error.code).toBe("unavailable");
          expect(error.message).toMatch(/nothing was saved|may or may not have been saved/);
        }
      }
    } finally {
      const killed = await storm.stop();
      const sorted = [...latencies].sort((a, b) => a - b);
      console.info(
        `kill storm (120 ms, ${killed} connections killed): ${saves} saves in ${statuses.length} requests ` +
          `(${((saves / statuses.length) * 100).toFixed(0)}% answered 201), attempts per save ${attemptsPerSave.join(",")}, ` +
          `latency median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`,
      );
    }

    expect(attemptsPerSave).toHaveLength(saves);
    const revisions = await getDb().revision.findMany({
      where: { story: { slug: "kill-storm" } },
      orderBy: { number: "asc" },
      select: {
        number: true,
        idempotencyKey: true,
        credits: { select: { contributor: { select: { name: true } } } },
      },
    });
    expect(revisions.map((revision) => revision.number)).toEqual(
      Array.from({ length: saves + 1 }, (_, index) => index + 1),
    );
    for (const [index, revision] of revisions.slice(1).entries()) {
      expect(revision.idempotencyKey).toBe(`storm-save-${index}`);
      expect(revision.credits.map((credit) => credit.contributor.name)).toEqual([`Storm Reporter ${index}`]);
    }
  }, 600_000);
});

describe("the API while the database is unreachable", () => {
  const testDatabaseUrl = process.env.DATABASE_URL;

  afterEach(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = testDatabaseUrl;
  });

  // Guards the bug where an unreachable database surfaced as 500 internal.
  it("answers 503 with Retry-After and says nothing was saved, for a save and for a read", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { token } = await createApiToken({ userId: editor.userId, name: "Outage client", actor: "system" });
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await findFreePort()}/copydesk`;

    const responses = [
      await save({
        token,
        slug: "anything",
        key: "outage-1",
        body: { baseRevision: 1, summary: "Lost", body: "Lost." },
      }),
      await listStories(
        new Request("http://localhost/api/v1/stories", { headers: { authorization: `Bearer ${token}` } }),
        { params: Promise.resolve({}) },
      ),
    ];
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({
        error: {
          code: "unavailable",
          message:
            "The database cannot be reached right now, so nothing was saved. Please try again in a moment.",
          details: null,
        },
      });
    }
  });
});
