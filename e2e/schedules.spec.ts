import { expect, test, type APIRequestContext } from "@playwright/test";

import { useE2eDatabase } from "./support/database";
import { captureScreens, signedInUser, uniqueSlug } from "./support/desk-seed";
import {
  createPublishedStory,
  publisherFetch,
  publishRevision,
  seedPublisher,
  type Publisher,
} from "./support/public-api";

let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

const api = (options: { request: APIRequestContext; method: "GET" | "POST"; path: string; body?: unknown }) =>
  publisherFetch({ ...options, publisher });

test("a scheduled update leaves the public page as it is until its time, then the page shows it", async ({
  page,
  request,
}) => {
  const slug = uniqueSlug("scheduled-update");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Court hears appeal",
      body: "The court heard the appeal.",
      credits: [{ name: "Court Reporter", role: "byline" }],
    },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      summary: "Adds the ruling",
      body: "The court heard the appeal.\n\nThe court upheld the ruling.",
      publish: false,
    },
  });
  const runAt = new Date(Date.now() + 8_000);
  const scheduled = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules`,
    body: { revision: 2, runAt: runAt.toISOString(), summary: "Adds the ruling" },
  });
  expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(201);

  await page.goto(`/stories/${slug}`);
  const before = await page.locator("article").innerText();
  // Read before its time (checked after the read, so a slow machine cannot make this pass wrongly).
  if (Date.now() < runAt.getTime()) expect(before).not.toContain("upheld the ruling");
  await expect(async () => {
    await page.reload();
    await expect(page.locator("article")).toContainText("The court upheld the ruling.", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const history = await api({ request, method: "GET", path: `/api/v1/stories/${slug}/status-history` });
  const events = history.json.events as { action: string; reason: string | null }[];
  expect(events.filter((event) => event.action === "publish")).toHaveLength(2);
  expect(events[0]).toMatchObject({ action: "publish", reason: expect.stringMatching(/^Scheduled for /) });
});

test("an embargoed story is absent from every public surface until its time", async ({ request }) => {
  const slug = uniqueSlug("embargoed-ruling");
  const created = await request.post("/api/v1/stories", {
    headers: { authorization: `Bearer ${publisher.token}` },
    data: {
      slug,
      headline: "Embargoed ruling",
      body: "The ruling, under embargo.",
      credits: [{ name: "Court Reporter", role: "byline" }],
    },
  });
  expect(created.status()).toBe(201);
  const until = new Date(Date.now() + 10_000);
  expect(
    (
      await api({
        request,
        method: "POST",
        path: `/api/v1/stories/${slug}/embargo`,
        body: { runAt: until.toISOString() },
      })
    ).status,
  ).toBe(200);
  expect(
    (await api({ request, method: "POST", path: `/api/v1/stories/${slug}/revisions/1/publish`, body: {} }))
      .status,
  ).toBe(201);

  const surfaces = async () => ({
    page: (await request.get(`/stories/${slug}`)).status(),
    history: (await request.get(`/stories/${slug}/history`)).status(),
    feed: (await request.get(`/stories/${slug}/feed.xml`)).status(),
    version: (await request.get(`/stories/${slug}/version`)).status(),
    index: (await (await request.get("/")).text()).includes(slug),
    siteFeed: (await (await request.get("/feed.xml")).text()).includes(slug),
    corrections: (await (await request.get("/corrections")).text()).includes(slug),
  });
  const early = await surfaces();
  if (Date.now() < until.getTime()) {
    expect(early).toEqual({
      page: 404,
      history: 404,
      feed: 404,
      version: 404,
      index: false,
      siteFeed: false,
      corrections: false,
    });
  }
  await expect.poll(surfaces, { timeout: 60_000, intervals: [500] }).toEqual({
    page: 200,
    history: 200,
    feed: 200,
    version: 200,
    index: true,
    siteFeed: true,
    corrections: false,
  });
  const history = await api({ request, method: "GET", path: `/api/v1/stories/${slug}/status-history` });
  expect((history.json.events as { action: string }[]).map((event) => event.action)).toEqual([
    "lift_embargo",
    "publish",
    "embargo",
  ]);
});

test("the desk schedules in newsroom time; contributors see schedules but cannot change them", async ({
  page,
  browser,
}, testInfo) => {
  await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("desk-schedule");
  const request = page.request;
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Council budget vote",
      body: "The council meets.",
      credits: [{ name: "City Reporter", role: "byline" }],
    },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { summary: "Adds the vote", body: "The council meets.\n\nThe budget passed.", publish: false },
  });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.getByLabel("Draft to schedule")).toHaveValue("2");
  await page.getByLabel(/Goes live at/).fill("2027-03-14T02:30");
  await page.getByLabel("What changed, for readers").fill("Adds the vote");
  await page.getByRole("button", { name: "Schedule…" }).click();
  await expect(page.locator("#schedule-error")).toContainText("does not exist in newsroom time");
  await page.getByRole("button", { name: /Use .*3:00 AM EDT/ }).click();
  const confirm = page.getByRole("dialog", { name: "Schedule revision 2?" });
  await expect(confirm).toContainText("3:00 AM EDT");
  await confirm.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.locator("[data-schedule-state=pending]")).toContainText(
    "Revision 2 at March 14, 2027 at 3:00 AM ET",
  );
  await captureScreens({ page, testInfo, name: "desk-story-schedule" });

  await page.goto("/desk/schedules");
  await expect(page.getByRole("link", { name: "Council budget vote" })).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-what-goes-out-next" });

  const contributorContext = await browser.newContext();
  const contributorPage = await contributorContext.newPage();
  await signedInUser({ page: contributorPage, role: "contributor" });
  await contributorPage.goto(`/desk/stories/${slug}`);
  await expect(contributorPage.locator("[data-schedule-state=pending]")).toContainText("Revision 2");
  await expect(contributorPage.getByRole("button", { name: "Cancel schedule" })).toHaveCount(0);
  await expect(contributorPage.getByRole("button", { name: "Schedule…" })).toHaveCount(0);
  await contributorContext.close();

  await page.goto(`/desk/stories/${slug}`);
  await page.getByRole("button", { name: "Cancel schedule" }).click();
  await expect(page.locator("[data-schedule-state=cancelled]")).toBeVisible();
});

test("the API refuses scheduling and embargoes to a contributor, and a revision the story does not have", async ({
  request,
}) => {
  const { createUser } = await import("@/lib/auth/users");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const suffix = Math.random().toString(36).slice(2, 8);
  const contributor = await createUser({
    email: `sched-contributor-${suffix}@e2e.test`,
    name: `Contributor ${suffix}`,
    role: "contributor",
    password: `e2e password ${suffix}`,
    actor: "system",
  });
  const { token } = await createApiToken({
    userId: contributor.id,
    name: "contributor e2e",
    actor: "system",
  });
  const slug = uniqueSlug("api-refused");
  await createPublishedStory({
    request,
    publisher,
    story: { slug, headline: "Refusals", body: "One.", credits: [{ name: "Reporter", role: "byline" }] },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { summary: "Two", body: "One.\n\nTwo.", publish: false },
  });
  const runAt = new Date(Date.now() + 3_600_000).toISOString();
  const asContributor = { authorization: `Bearer ${token}` };

  const refused = await request.post(`/api/v1/stories/${slug}/schedules`, {
    headers: asContributor,
    data: { revision: 2, runAt, summary: "Two" },
  });
  expect(refused.status()).toBe(403);
  expect(
    (
      await request.post(`/api/v1/stories/${slug}/embargo`, { headers: asContributor, data: { runAt } })
    ).status(),
  ).toBe(403);
  const missing = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules`,
    body: { revision: 9, runAt, summary: "Two" },
  });
  expect(missing.status).toBe(400);
  // Contributors can read what is scheduled.
  const allowed = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules`,
    body: { revision: 2, runAt, summary: "Two" },
  });
  expect(allowed.status).toBe(201);
  const listed = await request.get(`/api/v1/schedules`, { headers: asContributor });
  expect(listed.status()).toBe(200);
  expect(
    ((await listed.json()) as { schedules: { story: { slug: string } }[] }).schedules.some(
      (schedule) => schedule.story.slug === slug,
    ),
  ).toBe(true);
  const cancel = await request.post(
    `/api/v1/stories/${slug}/schedules/${(allowed.json.schedule as { id: string }).id}/cancel`,
    { headers: asContributor },
  );
  expect(cancel.status()).toBe(403);
});
