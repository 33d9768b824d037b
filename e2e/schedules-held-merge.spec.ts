import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";

import { newsroomClock } from "@/lib/editorial/newsroom-time";

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
 * A real held schedule, settled on the desk: an update is scheduled, a conflicting change is published by
 * hand before its time, the job queue holds it, and an editor resolves the merge view (keyboard for one
 * conflict, mouse and typing for the other), schedules the merged version again and sees it go live on the
 * public page.
 */
let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

const api = (options: { request: APIRequestContext; method: "GET" | "POST"; path: string; body?: unknown }) =>
  publisherFetch({ ...options, publisher });

type Schedule = {
  id: string;
  state: string;
  revisionNumber: number;
  heldReason: string | null;
  runAt: string;
};

/**
 * The newsroom wall clock (America/New_York, the e2e server's zone) of the first whole minute at least 20 s
 * away, as typed in the form.
 */
function nextMinuteLocal(): { typed: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  const clock = newsroomClock({ instant: at, zone: "America/New_York" });
  const two = (value: number) => String(value).padStart(2, "0");
  return {
    typed: `${clock.year}-${two(clock.month)}-${two(clock.day)}T${two(clock.hour)}:${two(clock.minute)}`,
    at,
  };
}

const paragraphs = (...lines: string[]) => lines.join("\n\n");

/**
 * A real hold: revision 2 is scheduled, revision 3 (another paragraph) is published by hand before its time
 * leaving the schedule, revision 4 (the same headline and paragraph, changed otherwise) is saved as a draft,
 * and the job queue holds the schedule when its time comes.
 */
async function heldStory(request: APIRequestContext): Promise<{ slug: string; held: Schedule }> {
  const slug = uniqueSlug("held-merge");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Storm closes the harbor",
      body: paragraphs(
        "The storm closed the harbor at noon.",
        "Ferries are suspended.",
        "The port expects to reopen on Friday.",
        "Officials urged caution.",
        "Updates will follow.",
      ),
      credits: [{ name: "Harbor Reporter", role: "byline" }],
    },
  });
  // Revision 2, the scheduled update.
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      publish: false,
      summary: "Adds the new reopening date",
      headline: "Storm closes the harbor for three days",
      body: paragraphs(
        "The storm closed the harbor at noon.",
        "Ferries are suspended.",
        "The port now expects to reopen on Monday.",
        "Officials urged caution.",
        "Updates will follow hourly.",
      ),
    },
  });
  const scheduled = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules`,
    body: {
      revision: 2,
      runAt: new Date(Date.now() + 3_600_000).toISOString(),
      summary: "Adds the new reopening date",
    },
  });
  expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(201);
  const held = scheduled.json.schedule as Schedule;
  // Revision 3, published by hand before the schedule's time, leaving the schedule to go out at its time: the
  // closing time.
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      summary: "Corrects the closing time",
      body: paragraphs(
        "The storm closed the harbor at 11 a.m.",
        "Ferries are suspended.",
        "The port now expects to reopen on Monday.",
        "Officials urged caution.",
        "Updates will follow hourly.",
      ),
      pendingSchedules: { ids: [held.id], choice: "leave" },
    },
  });
  // Revision 4, a draft saved since: the same headline and paragraph as the schedule, changed otherwise.
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      publish: false,
      summary: "Saturday, says the port",
      headline: "Storm shuts the harbor",
      body: paragraphs(
        "The storm closed the harbor at 11 a.m.",
        "Ferries are suspended.",
        "The port expects to reopen on Saturday.",
        "Officials urged caution.",
        "Updates will follow.",
      ),
    },
  });
  // Only now is its time brought near, so the order (schedule, publish, run) holds however slow the machine.
  const moved = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules/${held.id}/reschedule`,
    body: { runAt: new Date(Date.now() + 2_000).toISOString() },
  });
  expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  const stateOf = async () =>
    (
      (await api({ request, method: "GET", path: `/api/v1/stories/${slug}/schedules` })).json
        .schedules as Schedule[]
    ).find((row) => row.id === held.id)?.state;
  await expect.poll(stateOf, { timeout: 60_000, intervals: [500] }).toBe("held");

  return { slug, held };
}

test("a held schedule: the editor settles its merge on the desk, schedules the merged version, and readers get it", async ({
  page,
  browser,
}, testInfo) => {
  // A time typed on the desk is to the minute, so the rescheduled run can be up to 80 s away.
  test.setTimeout(240_000);
  await signedInUser({ page, role: "editor" });
  const { request } = page;
  const { slug, held } = await heldStory(request);
  await page.goto(`/desk/stories/${slug}`);
  const heldRow = page.locator("[data-schedule-state=held]");
  await expect(heldRow).toContainText("Revision 3 was published after this was scheduled");
  await heldRow.getByRole("link", { name: "Resolve the merge" }).click();
  await expect(page.getByRole("heading", { name: "Held schedule: revision 2" })).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "2 of 2 places need your decision" }),
  ).toBeVisible();
  await expect(
    page.getByText(/Merged by itself:.*the newest version's changes to the headline, body/),
  ).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-held-schedule-merge" });
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(violations.map((violation) => violation.id)).toEqual([]);

  // A contributor sees the same merge and nothing to press.
  const contributorContext = await browser.newContext();
  const contributorPage = await contributorContext.newPage();
  await signedInUser({ page: contributorPage, role: "contributor" });
  await contributorPage.goto(page.url());
  await expect(contributorPage.getByText("Only editors can settle a held schedule")).toBeVisible();
  await expect(contributorPage.getByRole("button", { name: "Schedule merged version" })).toHaveCount(0);
  await contributorContext.close();

  const headline = page.locator("section.desk-merge-card", { hasText: "Conflict 1 of 2: Headline" });
  await expect(headline).toContainText("Storm shuts the harbor");
  await expect(headline).toContainText("Storm closes the harbor for three days");
  // The keyboard: into the radio group, Space takes the first choice, the arrow moves to the scheduled
  // version.
  await headline.getByRole("radio", { name: "Keep the newest version (revision 4)" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(
    headline.getByRole("radio", { name: "Keep the scheduled version (revision 2)" }),
  ).toBeChecked();
  // The mouse: the paragraph both changed gets the editor's own wording.
  const body = page.locator("section.desk-merge-card", { hasText: "Conflict 2 of 2: Body" });
  await body.getByText("Write it myself").click();
  const wording = body.getByLabel("Your wording for the body");
  await wording.fill("The port expects to reopen on Saturday, or Monday at the latest.");
  await expect(page.getByRole("status").filter({ hasText: "Every conflict is decided." })).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-held-schedule-merge-decided" });

  const { typed, at } = nextMinuteLocal();
  await page.getByLabel(/Goes live at/).fill(typed);
  await page.getByRole("button", { name: "Schedule merged version" }).click();
  await expect(page).toHaveURL(new RegExp(`/desk/stories/${slug}$`));
  await expect(page.locator("[data-schedule-state=resolved]")).toContainText(
    "merged as revision 5 and scheduled again",
  );
  await expect(page.locator("[data-schedule-state=pending]")).toContainText("Revision 5 at");
  await page.locator(".desk-schedules").scrollIntoViewIfNeeded();
  await captureScreens({ page, testInfo, name: "desk-story-held-resolved" });

  const schedules = (await api({ request, method: "GET", path: `/api/v1/stories/${slug}/schedules` })).json
    .schedules as (Schedule & { supersededById: string | null })[];
  const next = schedules.find((row) => row.state === "pending")!;
  expect(next).toMatchObject({ revisionNumber: 5, runAt: at.toISOString() });
  expect(schedules.find((row) => row.id === held.id)).toMatchObject({
    state: "resolved",
    supersededById: next.id,
  });

  await page.goto(`/stories/${slug}`);
  await expect(async () => {
    await page.reload();
    await expect(page.locator("article")).toContainText("or Monday at the latest", { timeout: 1_000 });
  }).toPass({ timeout: 150_000 });
  const article = page.locator("article");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(
    "Storm closes the harbor for three days",
  );
  await expect(article).toContainText("The storm closed the harbor at 11 a.m.");
  await expect(article).toContainText("Updates will follow hourly.");
  const history = await api({ request, method: "GET", path: `/api/v1/stories/${slug}/status-history` });
  const actions = (history.json.events as { action: string }[]).map((event) => event.action);
  expect(actions.slice(0, 4)).toEqual(["publish", "resolve_schedule", "schedule", "hold_schedule"]);
});

test("publishing the merged version now goes through the confirmation; the API reads the merge and refuses a contributor", async ({
  page,
}) => {
  await signedInUser({ page, role: "editor" });
  const { request } = page;
  const { slug, held } = await heldStory(request);

  const { createUser } = await import("@/lib/auth/users");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const suffix = Math.random().toString(36).slice(2, 8);
  const contributor = await createUser({
    email: `held-contributor-${suffix}@e2e.test`,
    name: `Contributor ${suffix}`,
    role: "contributor",
    password: `e2e password ${suffix}`,
    actor: "system",
  });
  const { token } = await createApiToken({ userId: contributor.id, name: "held e2e", actor: "system" });
  const asContributor = { authorization: `Bearer ${token}` };
  const read = await request.get(`/api/v1/stories/${slug}/schedules/${held.id}/merge`, {
    headers: asContributor,
  });
  expect(read.status()).toBe(200);
  const view = (await read.json()) as {
    merge: { theirsRevision: number; merge: { conflicts: { id: string; field: string }[] } };
  };
  expect(view.merge.theirsRevision).toBe(4);
  expect(view.merge.merge.conflicts.map((conflict) => conflict.field)).toEqual(["headline", "body"]);
  const choices = Object.fromEntries(
    view.merge.merge.conflicts.map((conflict) => [conflict.id, { pick: "ours" }]),
  );
  const refused = await request.post(`/api/v1/stories/${slug}/schedules/${held.id}/resolve`, {
    headers: asContributor,
    data: { againstRevision: 4, choices, action: "publish" },
  });
  expect(refused.status()).toBe(403);

  await page.goto(`/desk/stories/${slug}/schedules/${held.id}/merge`);
  await page
    .locator("section.desk-merge-card", { hasText: "Conflict 1 of 2: Headline" })
    .getByText("Keep the newest version (revision 4)")
    .click();
  await page
    .locator("section.desk-merge-card", { hasText: "Conflict 2 of 2: Body" })
    .getByText(/Keep both \(scheduled, then/)
    .click();
  await page.getByRole("button", { name: "Publish merged version now…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(dialog).toContainText("Adds the new reopening date");
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(new RegExp(`/desk/stories/${slug}$`));
  await expect(page.locator("[data-schedule-state=resolved]")).toContainText(
    "merged as revision 5 and published",
  );

  await expect
    .poll(async () => (await request.get(`/stories/${slug}`)).text(), { timeout: 30_000 })
    .toContain("The port now expects to reopen on Monday.");
  const article = await (await request.get(`/stories/${slug}`)).text();
  expect(article).toContain("The port expects to reopen on Saturday.");
  expect(article).toContain("Storm shuts the harbor");
  expect(article).toContain("Updates will follow hourly.");
  // Settled once: the API now finds nothing held to resolve.
  const again = await api({
    request,
    method: "POST",
    path: `/api/v1/stories/${slug}/schedules/${held.id}/resolve`,
    body: { againstRevision: 5, choices, action: "publish" },
  });
  expect(again.status).toBe(409);
});
