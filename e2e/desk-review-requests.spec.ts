import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { setReviewRules } from "@/lib/reviews/review-rules";
import { saveRevision } from "@/lib/revisions/save-revision";

import { seedUser, signInByApi, type E2eUser } from "./support/auth";
import { openOwnE2eDatabase, useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, publishFromEditor, seedStory, uniqueSlug } from "./support/desk-seed";
import { startOwnServer } from "./support/own-server";

test.beforeAll(() => {
  useE2eDatabase();
});

/** A page of its own, signed in as `user`, on the shared server or on `baseURL`. */
async function pageAs(options: { browser: Browser; user: E2eUser; baseURL?: string }): Promise<Page> {
  const context = await options.browser.newContext(options.baseURL ? { baseURL: options.baseURL } : {});
  await signInByApi({ request: context.request, email: options.user.email, password: options.user.password });
  return context.newPage();
}

async function openEditor(page: Page, slug: string): Promise<void> {
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
}

/** Serious or critical axe findings on the page as it is now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

/** "Ask for review…" on the edit screen, naming `reviewer`. */
async function askForReview(options: { page: Page; reviewer: string; note?: string }): Promise<void> {
  const { page } = options;
  await page.getByRole("button", { name: "Ask for review…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Ask for review of revision \d+$/ });
  await dialog.getByRole("checkbox", { name: options.reviewer }).check();
  if (options.note) await dialog.getByLabel("Note for the reviewer (optional)").fill(options.note);
  await dialog.getByRole("button", { name: "Ask for review" }).click();
  await expect(dialog).toBeHidden();
}

test("a contributor asks for review; the reviewer finds it in the queue and approves (a double-click decides once); the editor publishes", async ({
  browser,
}, testInfo) => {
  const editor = await seedUser({ role: "editor" });
  const contributor = await seedUser({ role: "contributor" });
  const reviewerName = `Rita Reviewer ${Math.random().toString(36).slice(2, 6)}`;
  const reviewer = await seedUser({ role: "editor", name: reviewerName });
  const slug = uniqueSlug("review-flow");
  await seedStory({ author: editor, slug, headline: "Council delays budget vote", body: "The council met." });
  await saveRevision({
    actor: actorOf(contributor),
    slug,
    input: {
      baseRevision: 1,
      summary: "Adds the vote",
      body: "The council met.\n\nIt voted 5 to 2 to delay.",
    },
  });

  const writer = await pageAs({ browser, user: contributor });
  await openEditor(writer, slug);
  await askForReview({ page: writer, reviewer: reviewerName, note: "Vote count is from the clerk." });
  const panel = writer.getByRole("region", { name: /^Review/ });
  await expect(panel.getByText("In review", { exact: true })).toBeVisible();
  await expect(panel).toContainText(`Revision 2 is waiting for review by ${reviewerName}`);
  await captureScreens({ page: writer, testInfo, name: "review-story-panel" });
  await writer.getByRole("button", { name: "Ask for review…" }).click();
  expect(await seriousViolations(writer), "the ask-for-review dialog").toEqual([]);
  await writer.keyboard.press("Escape");

  const reviewing = await pageAs({ browser, user: reviewer });
  await reviewing.goto("/desk/reviews");
  const waiting = reviewing.getByRole("table", { name: /^Waiting for your review/ });
  const row = waiting.getByRole("row", { name: /Council delays budget vote/ });
  await expect(row).toContainText("waiting less than a minute");
  await expect(row).toContainText(contributor.name);
  await captureScreens({ page: reviewing, testInfo, name: "review-queue" });
  expect(await seriousViolations(reviewing), "the review queue").toEqual([]);
  await row.getByRole("link", { name: "Council delays budget vote" }).click();
  await expect(reviewing).toHaveURL(new RegExp(`/desk/stories/${slug}/compare\\?from=1&to=2`));
  const decision = reviewing.getByRole("region", { name: /^Review request/ });
  await expect(decision).toContainText("Vote count is from the clerk.");
  await captureScreens({ page: reviewing, testInfo, name: "review-decision-panel" });
  expect(await seriousViolations(reviewing), "compare with the decision panel").toEqual([]);
  await decision.getByRole("button", { name: "Approve revision 2" }).dblclick();
  await expect(reviewing.getByText(/Approved revision 2\./).first()).toBeVisible();
  const approvals = await getDb().reviewEvent.count({ where: { story: { slug }, action: "approve" } });
  expect(approvals).toBe(1);
  await expect(decision).toBeHidden();

  const publishing = await pageAs({ browser, user: editor });
  await publishing.goto("/desk?review=approved_unpublished");
  await expect(
    publishing
      .getByRole("row", { name: /Council delays budget vote/ })
      .getByText("Approved", { exact: true }),
  ).toBeVisible();
  await openEditor(publishing, slug);
  await publishing.getByLabel("Summary").fill("Adds the vote");
  await publishing.getByRole("button", { name: "Publish update…" }).click();
  const confirm = publishing.getByRole("dialog", { name: "Publish this change?" });
  await expect(confirm).toContainText(`Review: Approved by ${reviewerName} for revision 2.`);
  await confirm.getByRole("button", { name: "Publish now" }).click();
  await expect(publishing.getByText(/Published revision 3/).first()).toBeVisible();

  // Review is newsroom-only: nothing of it reaches readers.
  const reader = await publishing.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.locator("article")).toContainText("It voted 5 to 2 to delay.");
  await expect(reader.locator("body")).not.toContainText(/review|Vote count is from the clerk|Approved/i);
});

test("a correction published by its own author is refused under the second-editor rule, and goes through after another editor approves", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  // A server and database of its own: the rule is newsroom-wide and must not reach other specs.
  const { databaseUrl, drop } = await openOwnE2eDatabase({ prefix: "review_rules" });
  const server = await startOwnServer({ databaseUrl });
  try {
    const admin = await seedUser({ role: "admin" });
    await setReviewRules({
      actor: actorOf(admin),
      input: { contributorsNeedApproval: false, correctionsNeedSecondEditor: true },
    });
    const author = await seedUser({ role: "editor", name: "Sam Author" });
    await seedUser({ role: "editor", name: "Ana Second" });
    const second = await seedUser({ role: "editor", name: "Ana Second-Look" });
    const slug = uniqueSlug("second-eyes");
    await seedStory({ author, slug, headline: "Council vote", body: "The council voted 5 to 2." });
    await saveRevision({
      actor: actorOf(author),
      slug,
      input: {
        baseRevision: 1,
        kind: "correction",
        summary: "Corrects the vote",
        note: "An earlier version gave the wrong vote count.",
        body: "The council voted 6 to 1.",
      },
    });

    const writing = await pageAs({ browser, user: author, baseURL: server.baseUrl });
    await openEditor(writing, slug);
    await writing.getByLabel("Summary").fill("Corrects the vote");
    await publishFromEditor({ page: writing });
    const refusal = writing.getByText(
      "A rule set by an admin: a correction needs the approval of a second editor, not the one publishing.",
      { exact: false },
    );
    await expect(refusal.first()).toBeVisible();
    await captureScreens({ page: writing, testInfo, name: "review-second-editor-refused" });
    expect((await getDb().story.findUniqueOrThrow({ where: { slug } })).liveRevisionNumber).toBe(1);

    await writing.keyboard.press("Escape");
    await openEditor(writing, slug);
    await askForReview({ page: writing, reviewer: "Ana Second-Look" });

    const reviewing = await pageAs({ browser, user: second, baseURL: server.baseUrl });
    await reviewing.goto("/desk/reviews");
    await reviewing.getByRole("link", { name: "Council vote" }).click();
    await reviewing.getByRole("button", { name: "Approve revision 2" }).click();
    await expect(reviewing.getByText(/Approved revision 2\./).first()).toBeVisible();

    await openEditor(writing, slug);
    await writing.getByLabel("Summary").fill("Corrects the vote");
    await publishFromEditor({ page: writing });
    await expect(writing.getByText(/Published revision 3/).first()).toBeVisible();
    expect((await getDb().story.findUniqueOrThrow({ where: { slug } })).liveRevisionNumber).toBe(3);
  } finally {
    await server.stop();
    await drop();
  }
});

test("an admin reads and saves the review rules; an editor gets a 403 there; the queue never scrolls sideways", async ({
  browser,
}, testInfo) => {
  const admin = await seedUser({ role: "admin" });
  const editor = await seedUser({ role: "editor" });
  const editing = await pageAs({ browser, user: editor });
  expect((await editing.goto("/desk/reviews/rules"))?.status()).toBe(403);
  await editing.goto("/desk/reviews");
  await expect(editing.getByRole("link", { name: "Review rules" })).toHaveCount(0);

  const page = await pageAs({ browser, user: admin });
  await page.goto("/desk/reviews");
  await page.getByRole("link", { name: "Review rules" }).click();
  await expect(page.getByRole("heading", { name: "Review rules" })).toBeVisible();
  const rules = [
    page.getByLabel("Contributors’ work needs an editor’s approval before it is published"),
    page.getByLabel("Corrections, clarifications and editor’s notes need a second editor"),
  ];
  // Saved as they are (the rules are newsroom-wide, and other specs share this server): nothing changes.
  const before = await Promise.all(rules.map((rule) => rule.isChecked()));
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Review rules saved." })).toBeVisible();
  expect(await Promise.all(rules.map((rule) => rule.isChecked()))).toEqual(before);
  await captureScreens({ page, testInfo, name: "review-rules" });

  for (const path of ["/desk/reviews", "/desk/reviews/rules"]) {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} at 320 px`).toBe(0);
  }
});
