import { expect, test, type Page } from "@playwright/test";

import { getDb } from "@/lib/db/client";

import { seedUser } from "./support/auth";
import { fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { captureScreens, openEditorAs, publishFromEditor, seedStory, uniqueSlug } from "./support/desk-seed";
import { commentsPanel, selectWords } from "./support/review-selection";

test.beforeAll(() => {
  useE2eDatabase();
});

/*
 * Issue 22's whole review, as a newsroom works it, in the browser: a contributor submits; the reviewer finds it
 * in the queue, comments on words of the diff and requests changes; the contributor reads it in the inbox,
 * revises and submits again; the comment keeps to its words; the reviewer approves; the editor publishes.
 */

const firstBody = [
  "Leaders of both countries agreed on Tuesday to start peace talks next month.",
  "About 37 people were killed in the fighting last week, officials said.",
].join("\n\n");

/** Saves the edit screen as a contributor does, then asks `reviewer` to look at the new revision. */
async function saveAndAskForReview(options: {
  page: Page;
  summary: string;
  reviewer: string;
  note: string;
}): Promise<void> {
  const { page } = options;
  await page.getByLabel("Summary").fill(options.summary);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Draft saved as revision \d+\./).first()).toBeVisible();
  await page.getByRole("button", { name: "Ask for review…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Ask for review of revision \d+$/ });
  await dialog.getByRole("checkbox", { name: options.reviewer }).check();
  await dialog.getByLabel("Note for the reviewer (optional)").fill(options.note);
  await dialog.getByRole("button", { name: "Ask for review" }).click();
  await expect(dialog).toBeHidden();
}

test("a contributor submits; the reviewer comments on a word and sends it back; the contributor revises and resubmits; the reviewer approves; the editor publishes", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 6);
  const editor = await seedUser({ role: "editor", name: `Eda Editor ${tag}` });
  const contributor = await seedUser({ role: "contributor", name: `Cai Contributor ${tag}` });
  const reviewerName = `Rui Reviewer ${tag}`;
  const reviewer = await seedUser({ role: "editor", name: reviewerName });
  const slug = uniqueSlug("peace-talks");
  await seedStory({ author: editor, slug, headline: "Leaders agree to start peace talks", body: firstBody });

  // The contributor adds a paragraph and asks for review.
  const writing = await openEditorAs({ browser, user: contributor, slug });
  await fillBodyMarkdown(
    writing,
    `${firstBody}\n\nThe talks will be held in Geneva, a spokesman said on Wednesday.`,
  );
  await saveAndAskForReview({
    page: writing,
    summary: "Adds where the talks will be held",
    reviewer: reviewerName,
    note: "Venue from the foreign ministry.",
  });
  await expect(
    writing.getByRole("region", { name: /^Review/ }).getByText("In review", { exact: true }),
  ).toBeVisible();

  // The reviewer finds it in the queue and reads the diff of revision 2.
  const reviewing = await openEditorAs({ browser, user: reviewer, slug });
  await reviewing.goto("/desk/reviews");
  const waiting = reviewing.getByRole("table", { name: /^Waiting for your review/ });
  await waiting
    .getByRole("row", { name: /Leaders agree to start peace talks/ })
    .getByRole("link")
    .first()
    .click();
  await expect(reviewing).toHaveURL(new RegExp(`/desk/stories/${slug}/compare\\?from=1&to=2`));

  // A comment on one word of the new paragraph, then "Request changes" with a note.
  await selectWords(reviewing, "Geneva");
  await commentsPanel(reviewing).getByRole("button", { name: "Comment on selection" }).click();
  const box = commentsPanel(reviewing).getByLabel("Comment on these words");
  await box.fill("Geneva or Vienna? Agencies disagree.");
  await box.press("Control+Enter");
  const thread = commentsPanel(reviewing)
    .getByRole("listitem")
    .filter({ hasText: "Geneva or Vienna? Agencies disagree." })
    .first();
  await expect(thread.locator("mark")).toHaveText("Geneva");
  const decision = reviewing.getByRole("region", { name: /^Review request/ });
  await decision.getByLabel(/^Note to the writer/).fill("Please confirm the venue and say who announced it.");
  await decision.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewing.getByText(/Changes requested/).first()).toBeVisible();

  // The contributor is told: the count in the navigation, both notices in the inbox.
  await writing.goto("/desk");
  const inboxLink = writing.getByRole("link", { name: /^Inbox/ });
  await expect(inboxLink).toContainText("2");
  await inboxLink.click();
  await expect(writing.getByText("2 unread notices.")).toBeVisible();
  await expect(
    writing.getByRole("link", { name: new RegExp(`${reviewerName}.*requested changes`) }),
  ).toBeVisible();
  await captureScreens({ page: writing, testInfo, name: "review-flow-inbox" });
  await writing
    .getByRole("link", { name: new RegExp(`${reviewerName} commented.*Geneva or Vienna`) })
    .click();
  await expect(writing).toHaveURL(new RegExp(`/desk/stories/${slug}/compare\\?from=1&to=2#comment-`));

  // The contributor revises the sentence around the word, keeps the word, and submits again.
  await writing.goto(`/desk/stories/${slug}`);
  await expect(writing.locator(".desk-editor[data-ready]")).toBeVisible();
  await fillBodyMarkdown(
    writing,
    `${firstBody}\n\nThe talks will be held in Geneva, the foreign ministry announced on Wednesday.`,
  );
  await saveAndAskForReview({
    page: writing,
    summary: "Names who announced the venue",
    reviewer: reviewerName,
    note: "Ministry statement attached to the desk note.",
  });

  // The reviewer reads revision 3: the comment is still on "Geneva", and approves.
  await reviewing.goto("/desk/reviews");
  await reviewing
    .getByRole("table", { name: /^Waiting for your review/ })
    .getByRole("row", { name: /Leaders agree to start peace talks/ })
    .getByRole("link")
    .first()
    .click();
  await expect(reviewing).toHaveURL(new RegExp(`/desk/stories/${slug}/compare\\?from=1&to=3`));
  const kept = commentsPanel(reviewing)
    .getByRole("listitem")
    .filter({ hasText: "Geneva or Vienna? Agencies disagree." })
    .first();
  await expect(kept.locator("mark")).toHaveText("Geneva");
  await expect(kept).not.toContainText("were changed");
  await reviewing
    .getByRole("region", { name: /^Review request/ })
    .getByRole("button", { name: "Approve revision 3" })
    .click();
  await expect(reviewing.getByText(/Approved revision 3\./).first()).toBeVisible();
  await captureScreens({ page: reviewing, testInfo, name: "review-flow-approved" });

  // The editor publishes what was approved; the confirmation says so.
  const publishing = await openEditorAs({ browser, user: editor, slug });
  await publishing.getByLabel("Summary").fill("Adds where and who announced the talks");
  await publishing.getByRole("button", { name: /^Publish (update|story)…$/ }).click();
  await expect(publishing.getByRole("dialog", { name: /^Publish this (change|story)\?$/ })).toContainText(
    `Approved by ${reviewerName} for revision 3.`,
  );
  await publishing.keyboard.press("Escape");
  await publishFromEditor({ page: publishing });
  await expect(publishing.getByText(/Published revision 4/).first()).toBeVisible();

  // Readers get the approved text, and nothing of the review.
  const reader = await publishing.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.locator("article")).toContainText("the foreign ministry announced on Wednesday");
  await expect(reader.locator("body")).not.toContainText(/Agencies disagree|confirm the venue|Approved/);

  // Every act is in the review history, once.
  const actions = await getDb().reviewEvent.findMany({
    where: { story: { slug } },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  expect(actions.map((event) => event.action)).toEqual([
    // The seeded first publication went out unreviewed, and the history says so.
    "publish_without_review",
    "submit",
    "comment",
    "request_changes",
    "submit",
    "approve",
  ]);
});
