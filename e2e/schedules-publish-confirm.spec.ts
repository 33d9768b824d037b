import { expect, test, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";
import { scheduleRevision } from "@/lib/schedules/schedule-revision";

import { seedUser } from "./support/auth";
import { bodyMarkdown, fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { actorOf, openEditorAs, seedStory, uniqueSlug } from "./support/desk-seed";

/*
 * Issue 18, where the pending-schedule choice meets the publish confirmation's diff: the confirmation shows
 * what would actually go out given the choice, so an embargoed draft is never shown (or published) as if it
 * were the fix.
 */
test.beforeAll(() => {
  useE2eDatabase();
});

const embargoed = "Results: Ward 3 voted 62 percent in favour.";
// The embargo lifts a month from now: well after the test, within the year scheduling accepts.
const liftsAt = new Date(Date.now() + 30 * 86_400_000);

/** What a reader's own browser shows in the story's article. */
async function readerSees(browser: Browser, slug: string): Promise<string> {
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(`/stories/${slug}`);
  const text = (await reader.locator("article").textContent()) ?? "";
  await context.close();
  return text;
}

/**
 * The open confirmation at desktop and phone width, scrolled to who wrote what goes out, kept in
 * artifacts/screenshots.
 */
async function shootConfirmation(options: {
  page: Page;
  dialog: Locator;
  testInfo: TestInfo;
  name: string;
}): Promise<void> {
  const { page, dialog, testInfo, name } = options;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await dialog.getByText("Who wrote these changes").scrollIntoViewIfNeeded();
    const body = await dialog.screenshot({ path: `artifacts/screenshots/${name}-${width}.png` });
    await testInfo.attach(`${name}-${width}`, { body, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function scheduleState(slug: string): Promise<string[]> {
  const rows = await getDb().schedule.findMany({ where: { story: { slug } }, select: { state: true } });
  return rows.map((row) => row.state);
}

// Guards: with a schedule pending and "leave" chosen, the confirmation showed the embargoed draft as going
// out.
test("a colleague's fix over an embargoed schedule: the confirmation's diff follows the choice, and readers never get the embargo early", async ({
  browser,
}, testInfo) => {
  const annie = await seedUser({ role: "editor", name: `Annie Scheduler ${uniqueSlug("a")}` });
  const bea = await seedUser({ role: "editor", name: `Bea Fixer ${uniqueSlug("b")}` });
  const slug = uniqueSlug("embargo-confirm");
  await seedStory({
    author: annie,
    slug,
    headline: "Polls close in the referendum",
    body: "Polls closed at 8 p.m.\n\nCounting has begun.",
  });

  // Editor A, in the desk: saves the results and schedules them through the schedule confirmation.
  const a = await openEditorAs({ browser, user: annie, slug });
  await fillBodyMarkdown(a, `Polls closed at 8 p.m.\n\n${embargoed}`);
  await a.getByLabel("Summary").fill("Adds the results");
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByText("Draft saved as revision 2.")).toBeVisible();
  await a.getByLabel(/Goes live at/).fill(`${liftsAt.toISOString().slice(0, 10)}T16:00`);
  await a.getByLabel("What changed, for readers").fill("Adds the results");
  await a.getByRole("button", { name: "Schedule…" }).click();
  await a
    .getByRole("dialog", { name: "Schedule revision 2?" })
    .getByRole("button", { name: "Schedule", exact: true })
    .click();
  await expect(a.locator("[data-schedule-state=pending]")).toContainText("Revision 2 at");

  // Editor B, in another browser: fixes the headline on the newest revision (which holds the embargo) and
  // opens the confirmation.
  const b = await openEditorAs({ browser, user: bea, slug });
  await expect(await bodyMarkdown(b)).toHaveValue(new RegExp(embargoed));
  await b.getByLabel("Headline").fill("Polls close in the city referendum");
  await b.getByLabel("Summary").fill("Names the city");
  await b.getByRole("button", { name: "Publish update…" }).click();
  const dialog = b.getByRole("dialog", { name: "Publish this change?" });
  const goesOut = dialog.getByRole("region", { name: "What goes out" });
  const leave = dialog.getByRole("radio", { name: /Publish only my change/ });
  const include = dialog.getByRole("radio", { name: /Include the scheduled changes now/ });
  await expect(leave).toBeChecked();
  await expect(goesOut.locator("ins", { hasText: "city" })).toBeVisible();
  await expect(goesOut).toContainText("You (this form, not saved yet)");
  await expect(goesOut).not.toContainText(embargoed);
  await shootConfirmation({ page: b, dialog, testInfo, name: "desk-publish-confirm-schedule-leave" });

  await include.check();
  await expect(goesOut.locator("ins", { hasText: embargoed })).toBeVisible();
  await expect(goesOut).toContainText(`${annie.name}, draft revision 2 — scheduled by ${annie.name} for`);
  await shootConfirmation({ page: b, dialog, testInfo, name: "desk-publish-confirm-schedule-include" });

  await leave.check();
  await expect(goesOut).not.toContainText(embargoed);
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(b.getByText("Published revision 3. Readers see it now.")).toBeVisible();

  const seen = await readerSees(browser, slug);
  expect(seen).toContain("Polls close in the city referendum");
  expect(seen).not.toContain(embargoed);
  expect(await scheduleState(slug)).toEqual(["pending"]);
  await a.context().close();
  await b.context().close();
});

// Guards: when the fix overlaps the scheduled change, the History page's confirmation offered "leave", which
// the server refuses.
test("History's 'Publish revision N…' over an overlapping schedule says 'leave' would be refused and offers only including it", async ({
  browser,
}) => {
  const annie = await seedUser({ role: "editor", name: `Annie Scheduler ${uniqueSlug("a")}` });
  const bea = await seedUser({ role: "editor", name: `Bea Fixer ${uniqueSlug("b")}` });
  const slug = uniqueSlug("embargo-overlap");
  await seedStory({
    author: annie,
    slug,
    headline: "Polls close in the referendum",
    body: "Polls closed at 8 p.m.\n\nCounting has begun.",
  });
  await saveRevision({
    actor: actorOf(annie),
    slug,
    input: { baseRevision: 1, summary: "Adds the results", body: `Polls closed at 8 p.m.\n\n${embargoed}` },
  });
  await scheduleRevision({
    actor: actorOf(annie),
    slug,
    input: { revision: 2, runAt: liftsAt.toISOString(), summary: "Adds the results" },
  });
  // Bea's draft rewrites the embargoed paragraph itself: it cannot go out without the schedule.
  await saveRevision({
    actor: actorOf(bea),
    slug,
    input: {
      baseRevision: 2,
      summary: "Fixes the ward",
      body: "Polls closed at 8 p.m.\n\nResults: Ward 4 voted 62 percent in favour.",
    },
  });

  const page = await openEditorAs({ browser, user: bea, slug });
  await page.goto(`/desk/stories/${slug}/history`);
  await page.getByRole("button", { name: "Publish revision 3…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish revision 3?" });
  await dialog.getByLabel("Public summary").fill("Fixes the ward");
  await expect(dialog.getByRole("alert")).toContainText(
    "Your change touches the same part of the story as the scheduled revision 2, so it cannot go out without it.",
  );
  await expect(dialog.getByRole("radio", { name: /Publish only my change/ })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Publish now" })).toBeDisabled();
  await expect(dialog.getByRole("region", { name: "What goes out" })).toHaveCount(0);

  await dialog.getByRole("radio", { name: /Include the scheduled changes now/ }).check();
  const goesOut = dialog.getByRole("region", { name: "What goes out" });
  await expect(goesOut.locator("ins", { hasText: "Ward 4" })).toBeVisible();
  await expect(goesOut).toContainText(`scheduled by ${annie.name} for`);
  await expect(dialog.getByRole("button", { name: "Publish now" })).toBeEnabled();
  expect(await readerSees(browser, slug)).not.toContain("Ward");
  await page.context().close();
});

// Guards: the desk's restore dialog had no pending-schedule choice, so a restore that publishes got only the
// 409 sentence.
test("restoring on the desk while a schedule waits offers the same choice; 'leave' restores without the embargo and the schedule stays", async ({
  browser,
}) => {
  const annie = await seedUser({ role: "editor", name: `Annie Scheduler ${uniqueSlug("a")}` });
  const bea = await seedUser({ role: "editor", name: `Bea Restorer ${uniqueSlug("b")}` });
  const slug = uniqueSlug("embargo-restore");
  await seedStory({
    author: annie,
    slug,
    headline: "Polls close in the referendum",
    body: "Polls closed at 8 p.m.\n\nCounting has begun.",
  });
  await saveRevision({
    actor: actorOf(annie),
    slug,
    input: {
      baseRevision: 1,
      summary: "Wrong city",
      headline: "Polls close in the wrong referendum",
      publish: true,
    },
  });
  await saveRevision({
    actor: actorOf(annie),
    slug,
    input: { baseRevision: 2, summary: "Adds the results", body: `Polls closed at 8 p.m.\n\n${embargoed}` },
  });
  await scheduleRevision({
    actor: actorOf(annie),
    slug,
    input: { revision: 3, runAt: liftsAt.toISOString(), summary: "Adds the results" },
  });

  const page = await openEditorAs({ browser, user: bea, slug });
  await page.goto(`/desk/stories/${slug}/revisions/1`);
  await page.getByRole("button", { name: "Restore…" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore revision 1?" });
  const waiting = dialog.getByRole("group", { name: /A scheduled publication is waiting/ });
  await expect(waiting).toContainText(`Revision 3, scheduled by ${annie.name} for`);
  await expect(waiting.getByRole("radio", { name: /Publish only my change/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page.getByText(/Restored revision 1 as revision 4, now live/).first()).toBeVisible();

  const seen = await readerSees(browser, slug);
  expect(seen).toContain("Polls close in the referendum");
  expect(seen).not.toContain(embargoed);
  expect(await scheduleState(slug)).toEqual(["pending"]);
  await page.context().close();
});
