import { expect, test } from "@playwright/test";
import pg from "pg";

import { useE2eDatabase } from "./support/database";
import { createPublishedStory, publishRevision, seedPublisher, type Publisher } from "./support/public-api";

let publisher: Publisher;
let databaseUrl: string;

test.beforeAll(async () => {
  databaseUrl = useE2eDatabase();
  publisher = await seedPublisher();
});

/*
 * How we count queries: a second connection takes ACCESS EXCLUSIVE locks on every table a public page reads
 * (stories, revisions, credits, contributors). While they are held, any query the server ran on those tables
 * would wait for the lock and its request could not finish. So a request that completes while the locks are
 * held ran zero queries on them. The control below shows the method can fail: a request that does need the
 * database stays stuck behind the locks until they are released.
 */
async function withTablesLocked<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("LOCK TABLE stories, revisions, credits, contributors IN ACCESS EXCLUSIVE MODE");
    return await work();
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}

test("warm story page, change log, story feed and version answer without any database query", async ({
  request,
}) => {
  const slug = `warm-cache-${Date.now()}`;
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Warm cache",
      body: "One.\n\nTwo.",
      credits: [{ name: "Cache Reporter", role: "byline" }],
    },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "update", summary: "Adds three", body: "One.\n\nTwo.\n\nThree." },
  });
  // Guards a flake on a busy machine: the listener read the publish's own invalidation after the warm-up
  // below and rightly dropped the pages it had just kept. Warm up only once it has caught up past the
  // publish.
  const published = Date.now();
  await request.get(`/stories/${slug}`); // a fresh server starts its listener with its first public page
  await expect
    .poll(
      async () =>
        Date.parse((await (await request.get("/api/health")).json()).invalidationsCaughtUpAt ?? "") >
        published,
      { timeout: 30_000 },
    )
    .toBe(true);
  // Only this story's URLs: the front page and site feed are rightly invalidated by any other story's
  // publish, which specs running in parallel do at any moment.
  const urls = [
    `/stories/${slug}`,
    `/stories/${slug}/history`,
    `/stories/${slug}/feed.xml`,
    `/stories/${slug}/version`,
  ];
  const warm = new Map<string, string>();
  for (const url of urls) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    warm.set(url, await response.text());
  }

  await withTablesLocked(async () => {
    for (let round = 0; round < 20; round += 1) {
      for (const url of urls) {
        const response = await request.get(url, { timeout: 20_000 });
        expect(response.status(), url).toBe(200);
        expect(await response.text(), url).toBe(warm.get(url));
      }
    }
    // Control: a page not in the cache yet needs the database, so it cannot answer while the tables are
    // locked.
    const uncached = request.get(`/stories/${slug}/history?from=1&to=2`, { timeout: 3_000 });
    await expect(uncached).rejects.toThrow(/Timeout/i);
  });
});

test("a publish through the API invalidates the cached page in the same request", async ({ request }) => {
  const slug = `fresh-after-publish-${Date.now()}`;
  await createPublishedStory({ request, publisher, story: { slug, headline: "Before", body: "Old text." } });
  expect(await (await request.get(`/stories/${slug}`)).text()).toContain("Old text.");
  expect(await (await request.get(`/stories/${slug}`)).text()).toContain("Old text.");
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "update", summary: "New text", body: "New text." },
  });
  const page = await (await request.get(`/stories/${slug}`)).text();
  expect(page).toContain("New text.");
  expect(page).not.toContain("Old text.");
  const version = (await (await request.get(`/stories/${slug}/version`)).json()) as { version: number };
  expect(version.version).toBe(2);
});

test("the front page and site feed are served from the cache until a publish invalidates them", async ({
  request,
}) => {
  const slug = `index-cache-${Date.now()}`;
  const before = await (await request.get("/feed.xml")).text();
  expect(before).not.toContain(slug);
  await createPublishedStory({ request, publisher, story: { slug, headline: "Index cache", body: "Text." } });
  expect(await (await request.get("/feed.xml")).text()).toContain(`/stories/${slug}</id>`);
  expect(await (await request.get("/")).text()).toContain(`href="/stories/${slug}"`);
});
