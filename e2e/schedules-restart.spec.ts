import { expect, test } from "@playwright/test";
import pg from "pg";

import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { seedPublisher } from "./support/public-api";

/*
 * Restart: a server of its own on a database of its own (the shared e2e server runs jobs too, and would run
 * the schedule while "every instance is down"). The schedule's time passes while the server is stopped —
 * moved into the past in the database, as the clock would have — and the next start runs it, marked late.
 */
test("a schedule whose time passed while the app was stopped runs at the next start, marked late", async ({
  request,
}) => {
  test.setTimeout(300_000);
  const { databaseUrl, drop } = await openOwnE2eDatabase({ prefix: "restart" });
  // An editor with an API token, made by the services on the spec's own database.
  const { token } = await seedPublisher();
  const headers = { authorization: `Bearer ${token}` };
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  let server = await startOwnServer({ databaseUrl });
  try {
    const base = server.baseUrl;
    const slug = "restart-story";
    expect(
      (
        await request.post(`${base}/api/v1/stories`, {
          headers,
          data: {
            slug,
            headline: "Before the restart",
            body: "Before.",
            credits: [{ name: "Restart Reporter", role: "byline" }],
            publish: true,
          },
        })
      ).status(),
    ).toBe(201);
    expect(
      (
        await request.post(`${base}/api/v1/stories/${slug}/revisions`, {
          headers,
          data: { baseRevision: 1, summary: "After the restart", body: "Before.\n\nAfter the restart." },
        })
      ).status(),
    ).toBe(201);
    const scheduled = await request.post(`${base}/api/v1/stories/${slug}/schedules`, {
      headers,
      data: {
        revision: 2,
        runAt: new Date(Date.now() + 3_600_000).toISOString(),
        summary: "After the restart",
      },
    });
    expect(scheduled.status()).toBe(201);
    const { schedule } = (await scheduled.json()) as { schedule: { id: string } };
    await server.stop();

    // Down while its time passes: five minutes ago, for the schedule and its job alike.
    const past = new Date(Date.now() - 5 * 60_000);
    await db.query("UPDATE schedules SET run_at = $1 WHERE id = $2", [past, schedule.id]);
    await db.query("UPDATE graphile_worker._private_jobs SET run_at = $1 WHERE key = $2", [
      past,
      `schedule:${schedule.id}`,
    ]);

    server = await startOwnServer({ databaseUrl });
    const after = server.baseUrl;
    await expect
      .poll(
        async () =>
          (
            (await (await request.get(`${after}/api/v1/stories/${slug}/schedules`, { headers })).json()) as {
              schedules: { state: string; late: boolean }[];
            }
          ).schedules[0],
        { timeout: 60_000 },
      )
      .toMatchObject({ state: "done", late: true });
    await expect
      .poll(async () => (await request.get(`${after}/stories/${slug}`)).text(), { timeout: 30_000 })
      .toContain("After the restart.");
    const history = (await (
      await request.get(`${after}/api/v1/stories/${slug}/status-history`, { headers })
    ).json()) as { events: { action: string; reason: string | null; createdAt: string }[] };
    const run = history.events[0]!;
    expect(run.action).toBe("publish");
    expect(run.reason).toMatch(/published late, at .*min after its time/);
    // Readers' time is the real publish time, not the missed one.
    expect(new Date(run.createdAt).getTime()).toBeGreaterThan(past.getTime() + 4 * 60_000);
  } finally {
    await server.stop();
    await db.end();
    await drop();
  }
});
