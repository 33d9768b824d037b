import { expect, test, type APIResponse } from "@playwright/test";

import { startFreezablePostgres, type FreezablePostgres } from "@/lib/testing/freezable-postgres";

import { seedUser, signInByApi } from "./support/auth";
import { pointServicesAt, turnSecondFactorPolicyOff } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { createPublishedStory, seedPublisher } from "./support/public-api";

/*
 * A database that stops answering without refusing anything: the spec's own embedded PostgreSQL, every
 * process of it stopped with SIGSTOP (never the shared e2e server's). Connections stay open and new ones are
 * accepted by the kernel, so nothing fails on its own; only Copydesk's own limits end the wait. Each request
 * below gets a generous `timeout` so that, on code without those limits, the spec fails instead of waiting
 * for the thaw.
 */
const nothingSaved =
  "The database cannot be reached right now, so nothing was saved. Please try again in a moment.";
const gaveUpBy = { timeout: 45_000 };

let postgres: FreezablePostgres;
let restoreServices: () => Promise<void>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startFreezablePostgres();
  await turnSecondFactorPolicyOff({ databaseUrl: postgres.databaseUrl });
  restoreServices = await pointServicesAt(postgres.databaseUrl);
});

test.afterAll(async () => {
  await restoreServices?.();
  await postgres?.stop();
});

function expectUnavailable(response: APIResponse) {
  expect(response.status()).toBe(503);
  expect(response.headers()["retry-after"]).toBe("5");
}

// Guards the bug where, with PostgreSQL stopped, a save, the desk and even a reader page already in memory
// hung 71–75 s.
test("while the database does not answer, a kept reader page is served marked stale, and a cold page, a save and the desk give up with 503 and Retry-After; all recover after it answers", async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  const publisher = await seedPublisher();
  const editor = await seedUser({ role: "editor" });
  const server = await startOwnServer({ databaseUrl: postgres.databaseUrl });
  const reader = await playwright.request.newContext({ baseURL: server.baseUrl });
  const api = await playwright.request.newContext({
    baseURL: server.baseUrl,
    extraHTTPHeaders: { authorization: `Bearer ${publisher.token}` },
  });
  const desk = await playwright.request.newContext({ baseURL: server.baseUrl });
  try {
    await createPublishedStory({
      request: api,
      publisher,
      story: {
        slug: "stuck-warm",
        headline: "Ferry service resumes at dawn",
        body: "The first ferry leaves at six.",
      },
    });
    await createPublishedStory({
      request: api,
      publisher,
      story: {
        slug: "stuck-cold",
        headline: "Never read before the outage",
        body: "Nobody has opened this page yet.",
      },
    });
    await signInByApi({ request: desk, email: editor.email, password: editor.password });
    expect((await desk.get("/desk")).status()).toBe(200);
    const warm = await reader.get("/stories/stuck-warm");
    expect(warm.status()).toBe(200);
    expect(warm.headers()["x-copydesk-stale"]).toBeUndefined();

    await postgres.freeze();
    try {
      // The memo vouches for its pages for 2 s after its last catch-up; past that, the page says it is stale.
      let stale: APIResponse | undefined;
      const statuses = new Set<number>();
      await expect
        .poll(
          async () => {
            stale = await reader.get("/stories/stuck-warm", gaveUpBy);
            statuses.add(stale.status());
            return stale.headers()["x-copydesk-stale"] ?? null;
          },
          { timeout: 60_000 },
        )
        .toMatch(/^unconfirmed since \d{4}-\d\d-\d\dT/);
      expect([...statuses]).toEqual([200]);
      expect(stale!.headers()["warning"]).toBe('110 - "Response is Stale"');
      expect(stale!.headers()["cache-control"]).toBe("no-store");
      expect(await stale!.text()).toContain("Ferry service resumes at dawn");

      const cold = await reader.get("/stories/stuck-cold", gaveUpBy);
      expectUnavailable(cold);
      expect(await cold.text()).toContain(nothingSaved);

      const save = await api.post("/api/v1/stories/stuck-warm/revisions", {
        ...gaveUpBy,
        data: {
          baseRevision: 1,
          summary: "During the outage",
          body: "Written while the database was stuck.",
        },
      });
      expectUnavailable(save);
      expect(((await save.json()) as { error: { code: string; message: string } }).error.code).toBe(
        "unavailable",
      );

      const deskPage = await desk.get("/desk", gaveUpBy);
      expectUnavailable(deskPage);
      expect(await deskPage.text()).toContain(nothingSaved);

      expect((await reader.get("/api/health", gaveUpBy)).status()).toBe(503);
    } finally {
      postgres.thaw();
    }

    await expect.poll(async () => (await desk.get("/desk")).status(), { timeout: 60_000 }).toBe(200);
    await expect
      .poll(async () => (await reader.get("/stories/stuck-warm")).headers()["x-copydesk-stale"] ?? "fresh", {
        timeout: 30_000,
      })
      .toBe("fresh");
    expect((await reader.get("/stories/stuck-cold")).status()).toBe(200);
    const saved = await api.post("/api/v1/stories/stuck-warm/revisions", {
      data: {
        baseRevision: 1,
        summary: "After the outage",
        body: "Written after the database answered again.",
        publish: true,
      },
    });
    expect(saved.status()).toBe(201);
    await expect
      .poll(async () => (await reader.get("/stories/stuck-warm")).text(), { timeout: 30_000 })
      .toContain("Written after the database answered again.");
  } finally {
    postgres.thaw();
    await Promise.all([reader.dispose(), api.dispose(), desk.dispose()]);
    await server.stop();
  }
});
