import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";

import { bodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { captureScreens, signedInUser, uniqueSlug } from "./support/desk-seed";
import {
  createPublishedStory,
  publisherFetch,
  publishRevision,
  seedPublisher,
  type Publisher,
} from "./support/public-api";

/*
 * Issue 18, defect 1, where a person meets it: editor A schedules the embargoed results; editor B, in another
 * browser, fixes the headline and publishes. Readers must not get the results before their time; the schedule
 * then runs once, at its time, and "Updated" moves then, once.
 */
let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

const api = (options: { request: APIRequestContext; method: "GET" | "POST"; path: string; body?: unknown }) =>
  publisherFetch({ ...options, publisher });
const embargoed = "Results: Ward 3 voted 62 percent in favour.";

type ApiStory = { lastMaterialUpdateAt: string | null; liveRevisionNumber: number };
type Schedule = { id: string; state: string; publishedNumber: number | null };

async function storyNow(request: APIRequestContext, slug: string): Promise<ApiStory> {
  return (await api({ request, method: "GET", path: `/api/v1/stories/${slug}` })).json.story as ApiStory;
}

/** What a reader's own browser shows on the story page. */
async function readerSees(
  browser: Browser,
  slug: string,
): Promise<{ text: string; headline: string; updated: string | null }> {
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(`/stories/${slug}`);
  const article = reader.locator("article");
  const seen = {
    text: (await article.textContent()) ?? "",
    headline: (await article.getByRole("heading", { level: 1 }).textContent()) ?? "",
    updated: await reader.locator(".story-timeline time").getAttribute("datetime"),
  };
  await context.close();
  return seen;
}

// Guards issue 18 defect 1: a colleague's headline fix published the embargoed draft an hour early, and the
// schedule ran again.
test("a colleague's headline fix leaves the embargoed schedule alone; it goes out once, at its time, moving 'Updated' then", async ({
  page,
  browser,
  playwright,
}, testInfo) => {
  test.setTimeout(120_000);
  // Editor A's API client, one connection per call: a kept-alive socket left idle through the desk steps can
  // be closed by the server just as it is reused (ECONNRESET), which is no part of what this test is about.
  const request = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { connection: "close" },
  });
  const slug = uniqueSlug("embargoed-results");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Polls close in the referendum",
      body: "Polls closed at 8 p.m.\n\nCounting has begun.",
      credits: [{ name: "Vote Reporter", role: "byline" }],
    },
  });
  // Editor A: the results, embargoed until the schedule's time.
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { publish: false, summary: "Adds the results", body: `Polls closed at 8 p.m.\n\n${embargoed}` },
  });
  const scheduled = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules`,
    body: { revision: 2, runAt: new Date(Date.now() + 3_600_000).toISOString(), summary: "Adds the results" },
  });
  expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(201);
  const schedule = scheduled.json.schedule as Schedule;
  const before = await storyNow(request, slug);

  // Editor B, signed in in this browser context, fixes the headline on the newest revision and publishes.
  await signedInUser({ page, role: "editor", name: "Bea Fixer" });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await expect(await bodyMarkdown(page)).toHaveValue(new RegExp(embargoed));
  await page.getByLabel("Headline").fill("Polls close in the city referendum");
  await page.getByLabel("Summary").fill("Names the city");
  await page.getByRole("button", { name: "Publish update…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this change?" });
  const waiting = dialog.getByRole("group", { name: /A scheduled publication is waiting/ });
  await expect(waiting).toContainText(`Revision 2, scheduled by ${publisher.name} for`);
  await expect(waiting).toContainText(embargoed);
  await expect(
    waiting.getByRole("radio", { name: /Publish only my change; the schedule goes out at its time/ }),
  ).toBeChecked();
  await expect(waiting.getByRole("radio", { name: /Include the scheduled changes now/ })).not.toBeChecked();
  await captureScreens({ page, testInfo, name: "desk-publish-with-schedule-waiting" });
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published revision 3. Readers see it now.")).toBeVisible();

  const afterFix = await readerSees(browser, slug);
  expect(afterFix.headline).toBe("Polls close in the city referendum");
  expect(afterFix.text).not.toContain(embargoed);
  const fixed = await storyNow(request, slug);
  expect(fixed.lastMaterialUpdateAt).not.toBe(before.lastMaterialUpdateAt);
  expect(afterFix.updated).toBe(fixed.lastMaterialUpdateAt);
  const schedules = async () =>
    (await api({ request, method: "GET", path: `/api/v1/stories/${slug}/schedules` })).json
      .schedules as Schedule[];
  expect((await schedules()).find((row) => row.id === schedule.id)?.state).toBe("pending");

  // The schedule's time comes (brought near only now, so the order holds however slow the machine).
  const moved = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules/${schedule.id}/reschedule`,
    body: { runAt: new Date(Date.now() + 2_000).toISOString() },
  });
  expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  await expect
    .poll(async () => (await schedules()).find((row) => row.id === schedule.id)?.state, {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe("done");
  await expect
    .poll(async () => (await readerSees(browser, slug)).text, { timeout: 30_000 })
    .toContain(embargoed);
  const atItsTime = await readerSees(browser, slug);
  expect(atItsTime.headline).toBe("Polls close in the city referendum");
  const ran = await storyNow(request, slug);
  expect(ran.liveRevisionNumber).toBe(fixed.liveRevisionNumber + 1);
  expect(ran.lastMaterialUpdateAt).not.toBe(fixed.lastMaterialUpdateAt);
  expect(atItsTime.updated).toBe(ran.lastMaterialUpdateAt);

  // Exactly once: one publish by the schedule in the status history, and the schedule is done with it.
  const history = await api({ request, method: "GET", path: `/api/v1/stories/${slug}/status-history` });
  const publishes = (history.json.events as { action: string; reason: string | null }[]).filter(
    (event) => event.action === "publish",
  );
  expect(publishes.filter((event) => event.reason?.startsWith("Scheduled for"))).toHaveLength(1);
  expect((await schedules()).find((row) => row.id === schedule.id)).toMatchObject({
    state: "done",
    publishedNumber: ran.liveRevisionNumber,
  });
  await request.dispose();
});
