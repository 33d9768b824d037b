import { randomBytes } from "node:crypto";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";

import { listenerApplicationName } from "@/lib/delivery/invalidation-listener";
import { startVarnish, type RunningVarnish } from "@/lib/delivery/testing/start-varnish";

import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import {
  createPublishedStory,
  publishRevision,
  seedPublisher,
  unpublish,
  type Publisher,
} from "./support/public-api";

/*
 * Two real Copydesk instances (A and B) on one PostgreSQL, and a real Varnish with the shipped
 * deploy/varnish/default.vcl in front of both, as docs/deploying.md describes. Editors publish on A; readers
 * read on B, or through Varnish (which may ask either instance). Nothing here waits a fixed time: every
 * check polls until the outcome is seen.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const varnishPort = Number(process.env.E2E_VARNISH_PORT ?? 6110);
const canonical = "http://news.copydesk.test";
let databaseUrl: string;
let dropDatabase: () => Promise<void>;
let publisher: Publisher;
let a: Awaited<ReturnType<typeof startOwnServer>>;
let b: Awaited<ReturnType<typeof startOwnServer>>;
let varnish: RunningVarnish;
let onA: APIRequestContext;

test.beforeAll(async () => {
  // A database of its own: the shared e2e server runs jobs too, and would take purges without Varnish's
  // address.
  ({ databaseUrl, drop: dropDatabase } = await openOwnE2eDatabase({ prefix: "instances" }));
  publisher = await seedPublisher();
  const env = {
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    PUBLIC_BASE_URL: canonical,
    PURGE_VARNISH_URLS: `http://127.0.0.1:${varnishPort}`,
  };
  [a, b] = await Promise.all([
    startOwnServer({ databaseUrl, port: e2ePort + 10, env }),
    startOwnServer({ databaseUrl, port: e2ePort + 11, env }),
  ]);
  varnish = await startVarnish({
    port: varnishPort,
    backends: [
      { host: "127.0.0.1", port: e2ePort + 10 },
      { host: "127.0.0.1", port: e2ePort + 11 },
    ],
  });
  onA = await playwrightRequest.newContext({ baseURL: a.baseUrl });
});

test.afterAll(async () => {
  await onA?.dispose();
  await varnish?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await dropDatabase?.();
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET with exactly these headers, body left as sent (no automatic decompression). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const text = async (url: string) => (await rawGet(url)).body.toString();
const version = async (url: string) => (JSON.parse(await text(url)) as { version: number | null }).version;

async function newStory(prefix: string) {
  const slug = `${prefix}-${randomBytes(4).toString("hex")}`;
  await createPublishedStory({
    request: onA,
    publisher,
    story: {
      slug,
      headline: `Two instances ${slug}`,
      body: "First version.",
      credits: [{ name: "Scale Reporter", role: "byline" }],
    },
  });
  return slug;
}

test("a publish on A is visible on B at its next request, B's version endpoint moves, and an unpublish on A is gone on B", async () => {
  const slug = await newStory("two-instances");
  const page = `${b.baseUrl}/stories/${slug}`;
  // Warm on B: the page and its version are now in B's memo.
  await expect.poll(() => text(page)).toContain("First version.");
  expect(await text(page)).toContain("First version.");
  const before = await version(`${page}/version`);
  expect(before).toBe(1);

  await publishRevision({
    request: onA,
    publisher,
    slug,
    revision: { kind: "update", summary: "Adds the vote", body: "Second version: the council voted." },
  });
  await expect.poll(() => text(page)).toContain("Second version: the council voted.");
  await expect.poll(() => version(`${page}/version`)).toBeGreaterThan(before!);

  await unpublish({ request: onA, publisher, slug });
  await expect.poll(async () => (await rawGet(page)).status).toBe(404);
  await expect.poll(async () => (await rawGet(`${page}/version`)).status).toBe(404);
});

test("through Varnish with the shipped configuration: cached, then purged on publish and on unpublish", async () => {
  const slug = await newStory("through-varnish");
  const page = `${varnish.url}/stories/${slug}`;
  await expect.poll(() => text(page)).toContain("First version.");
  await expect.poll(async () => (await rawGet(page)).headers["x-cache"]).toBe("HIT");
  const cached = await rawGet(page);
  expect(cached.headers["cache-control"]).toMatch(/s-maxage=\d+/);
  expect(cached.headers.xkey).toBeUndefined();

  await publishRevision({
    request: onA,
    publisher,
    slug,
    revision: {
      kind: "correction",
      summary: "Fixes the count",
      note: "An earlier version gave the wrong vote count.",
      body: "Corrected version.",
    },
  });
  await expect.poll(() => text(page), { timeout: 30_000 }).toContain("Corrected version.");
  await expect.poll(() => version(`${page}/version`), { timeout: 30_000 }).toBe(2);

  await unpublish({ request: onA, publisher, slug });
  await expect.poll(async () => (await rawGet(page)).status, { timeout: 30_000 }).toBe(404);
});

test("a lost notification: with the listeners' connections killed, B still converges on the publish", async () => {
  const slug = await newStory("lost-notification");
  const page = `${b.baseUrl}/stories/${slug}`;
  await expect.poll(() => text(page)).toContain("First version.");
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const killed = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
      [listenerApplicationName],
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(2);
    await publishRevision({
      request: onA,
      publisher,
      slug,
      revision: { kind: "update", summary: "Adds the result", body: "After the lost notification." },
    });
    // The bound is 2 s (README); the poll's timeout only leaves room for a loaded machine.
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain("After the lost notification.");
    await expect
      .poll(
        async () =>
          (
            await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [
              listenerApplicationName,
            ])
          ).rows[0].n,
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(2);
  } finally {
    await admin.end();
  }
});

test("HTTP: If-None-Match gets a 304, gzip and brotli decode to exactly the page, and a forged Host changes nothing", async () => {
  const slug = await newStory("http-caching");
  for (const path of [
    `/stories/${slug}`,
    `/stories/${slug}/feed.xml`,
    `/stories/${slug}/version`,
    "/feed.xml",
  ]) {
    const url = `${b.baseUrl}${path}`;
    await expect.poll(async () => (await rawGet(url)).status).toBe(200);
    const plain = await rawGet(url);
    expect(plain.headers.etag, path).toMatch(/^"[^"]+"$/);
    expect(plain.headers.vary, path).toMatch(/Accept-Encoding/i);
    expect(plain.headers["cache-control"], path).toMatch(
      /max-age=0.*s-maxage=\d+.*stale-while-revalidate=\d+.*stale-if-error=\d+/,
    );
    expect(plain.headers["surrogate-key"], path).toContain("public:");
    expect(plain.headers["cache-tag"], path).toContain("public:");
    expect(plain.headers.xkey, path).toContain("public:");
    expect((await rawGet(url, { "if-none-match": plain.headers.etag! })).status, path).toBe(304);
    if (path.endsWith("/version")) continue;
    const br = await rawGet(url, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"], path).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
    const gzip = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"], path).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true);
    expect(
      (await rawGet(url, { "accept-encoding": "br", "if-none-match": br.headers.etag! })).status,
      path,
    ).toBe(304);
  }

  const page = `${b.baseUrl}/stories/${slug}`;
  const honest = await rawGet(page);
  const forged = await rawGet(page, { host: "evil.example" });
  expect(forged.status).toBe(200);
  expect(forged.body.equals(honest.body)).toBe(true);
  expect(honest.body.toString()).toContain(`<link rel="canonical" href="${canonical}/stories/${slug}">`);
  expect(honest.body.toString()).not.toContain("evil.example");
  // Cold, with the forged Host first: still the canonical origin, in the page, the feed and the memo key.
  const cold = await newStory("forged-host");
  const forgedFirst = await rawGet(`${b.baseUrl}/stories/${cold}/feed.xml`, { host: "evil.example" });
  expect(forgedFirst.body.toString()).not.toContain("evil.example");
  expect(forgedFirst.body.toString()).toContain(`${canonical}/stories/${cold}`);

  // Spellings of one comparison share an entry; an invalid one is a 400 that is never kept.
  await publishRevision({
    request: onA,
    publisher,
    slug,
    revision: { kind: "update", summary: "Second", body: "Second." },
  });
  const history = `${b.baseUrl}/stories/${slug}/history`;
  await expect.poll(async () => (await rawGet(`${history}?from=1&to=2`)).status).toBe(200);
  const canonicalDiff = await rawGet(`${history}?from=1&to=2`);
  for (const spelling of ["from=01&to=2", "from=1e0&to=2", "from=%201&to=2"]) {
    const answer = await rawGet(`${history}?${spelling}`);
    expect(answer.headers.etag, spelling).toBe(canonicalDiff.headers.etag);
  }
  const invalid = await rawGet(`${history}?from=abc&to=2`);
  expect(invalid.status).toBe(400);
  expect(invalid.headers["cache-control"]).toBe("no-store");
});

test("a schedule runs exactly once with both instances' job runners up: one publication, one history entry, and B shows it", async () => {
  const slug = await newStory("two-instances-schedule");
  const draft = await publishRevision({
    request: onA,
    publisher,
    slug,
    revision: {
      publish: false,
      body: "Scheduled update: talks begin at noon.",
      summary: "Adds the start time",
    },
  });
  const number = draft.revision!.number;
  const runAt = new Date(Date.now() + 4_000).toISOString();
  const scheduled = await onA.post(`/api/v1/stories/${slug}/schedules`, {
    headers: { authorization: `Bearer ${publisher.token}` },
    data: { revision: number, runAt, kind: "update", summary: "Adds the start time of the talks" },
  });
  expect(scheduled.status(), await scheduled.text()).toBe(201);

  await expect
    .poll(() => text(`${b.baseUrl}/stories/${slug}`), { timeout: 60_000 })
    .toContain("talks begin at noon");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const story = await db.query<{ id: string; latest: number; live: number }>(
      "SELECT id, latest_revision_number AS latest, live_revision_number AS live FROM stories WHERE slug = $1",
      [slug],
    );
    const { id, latest, live } = story.rows[0]!;
    // The publication adds one revision (carrying what readers get) on top of the draft, and makes it live; a
    // second run would have added another. Both runners had the job in reach.
    expect({ latest, live }).toEqual({ latest: number + 1, live: number + 1 });
    await expect
      .poll(async () =>
        (await db.query("SELECT state FROM schedules WHERE story_id = $1", [id])).rows.map(
          (row) => row.state,
        ),
      )
      .toEqual(["done"]);
    const publications = await db.query(
      "SELECT 1 FROM story_status_events WHERE story_id = $1 AND action = 'publish' AND revision_number > $2",
      [id, number - 1],
    );
    expect(publications.rowCount).toBe(1);
  } finally {
    await db.end();
  }
});
