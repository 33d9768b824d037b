import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { saveRevision } from "@/lib/revisions/save-revision";

import { seedUser, signInByApi } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";
import { commentsPanel, selectWords } from "./support/review-selection";

test.beforeAll(() => {
  useE2eDatabase();
});

const body = [
  "The council met on Tuesday evening.",
  "About 37 people spoke against the plan at the hearing.",
  "The vote is next week.",
].join("\n\n");

async function seriousViolations(page: Page) {
  // The passing toast ("Comment posted.") is the desk-wide toaster, checked where it is made.
  const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

const panel = commentsPanel;

test("a reviewer comments on words in the diff; the author is told, follows the link, and the comment keeps to its words", async ({
  page,
  browser,
}, testInfo) => {
  const reviewer = await signedInUser({ page, role: "editor", name: "Rita Reviewer" });
  const author = await seedUser({ role: "contributor", name: "Ana Author" });
  const slug = uniqueSlug("council-hearing");
  await seedStory({ author, slug, headline: "Council hears objections", body, publish: false });
  await saveRevision({
    actor: actorOf(author),
    slug,
    input: {
      baseRevision: 1,
      summary: "Adds when",
      body: body.replace("at the hearing.", "at the hearing on Tuesday night."),
    },
  });

  // The reviewer selects "37 people" in the comparison and comments with the floating button.
  await page.goto(`/desk/stories/${slug}/compare?from=1&to=2`);
  await expect(panel(page)).toContainText("No open comments.");
  await selectWords(page, "37 people");
  await expect(panel(page)).toContainText("Selected: “37 people”");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const box = panel(page).getByLabel("Comment on these words");
  await expect(box).toBeFocused();
  await box.fill("Source for this count?");
  await box.press("Control+Enter");
  const thread = panel(page).getByRole("listitem").filter({ hasText: "Source for this count?" }).first();
  await expect(thread).toBeVisible();
  await expect(thread.locator("mark")).toHaveText("37 people");
  expect(await page.evaluate(`CSS.highlights.get("review-words")?.size ?? 0`)).toBeGreaterThan(0);

  // The keyboard path: the selection, then Tab to "Comment on selection"; Enter makes a new line, Ctrl+Enter posts.
  // Regression guard: Tab passes the header's search box on the way, which must not drop the words chosen.
  await selectWords(page, "Tuesday night");
  const commentOnSelection = panel(page).getByRole("button", { name: "Comment on selection" });
  await expect(commentOnSelection).toBeEnabled();
  for (
    let tab = 0;
    tab < 120 && !(await commentOnSelection.evaluate((el) => el === document.activeElement));
    tab++
  )
    await page.keyboard.press("Tab");
  await expect(commentOnSelection).toBeFocused();
  await page.keyboard.press("Enter");
  const second = panel(page).getByLabel("Comment on these words");
  await expect(second).toBeFocused();
  await page.keyboard.type("Which Tuesday?");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Last week or this?");
  await expect(second).toHaveValue("Which Tuesday?\nLast week or this?");
  await expect(panel(page).getByRole("listitem").filter({ hasText: "Which Tuesday?" })).toHaveCount(0);
  await page.keyboard.press("Control+Enter");
  await expect(
    panel(page).getByRole("listitem").filter({ hasText: "Last week or this?" }).first(),
  ).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-review-compare-threads" });
  expect(await seriousViolations(page)).toEqual([]);

  // The author sees both in the inbox, with the count in the navigation, and follows the first.
  const authorContext = await browser.newContext();
  await signInByApi({ request: authorContext.request, email: author.email, password: author.password });
  const authorPage = await authorContext.newPage();
  await authorPage.goto("/desk");
  await expect(authorPage.getByRole("link", { name: /^Inbox/ })).toContainText("2");
  await authorPage.getByRole("link", { name: /^Inbox/ }).click();
  await expect(authorPage.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await expect(authorPage.getByText("2 unread notices.")).toBeVisible();
  await captureScreens({ page: authorPage, testInfo, name: "desk-review-inbox" });
  expect(await seriousViolations(authorPage)).toEqual([]);
  await authorPage
    .getByRole("link", {
      name: /Rita Reviewer commented on your work on Council hears objections.*Source for this count/,
    })
    .click();
  await expect(authorPage).toHaveURL(new RegExp(`/desk/stories/${slug}/compare\\?from=1&to=2#comment-`));
  const commentId = new URL(authorPage.url()).hash.slice("#comment-".length);
  await expect(authorPage.locator(`#comment-${commentId}`)).toBeFocused();
  await expect(authorPage.locator(`#comment-${commentId}`)).toBeInViewport();
  await authorPage.goto("/desk/inbox");
  await expect(authorPage.getByText("1 unread notice.")).toBeVisible();

  // Someone else's inbox item is answered as one that does not exist, and stays unread.
  const theirs = await getDb().inboxItem.create({
    data: {
      recipientId: reviewer.id,
      kind: "reply",
      eventKey: `test:${slug}`,
      storyId: (await getDb().story.findUniqueOrThrow({ where: { slug } })).id,
      actorId: author.id,
    },
  });
  await authorPage.goto(`/desk/inbox/${theirs.id}`);
  await expect(authorPage).toHaveURL(/\/desk\/inbox\?missing=1$/);
  await expect(authorPage.getByText("There is no such item in your inbox.")).toBeVisible();
  expect((await getDb().inboxItem.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

  // The author revises the text elsewhere: the comment stays on its words in the new revision.
  await saveRevision({
    actor: actorOf(author),
    slug,
    input: {
      baseRevision: 2,
      summary: "Day",
      body: body
        .replace("Tuesday evening", "Monday evening")
        .replace("at the hearing.", "at the hearing on Tuesday night."),
    },
  });
  await authorPage.goto(`/desk/stories/${slug}/compare?from=2&to=3`);
  const kept = panel(authorPage).getByRole("listitem").filter({ hasText: "Source for this count?" }).first();
  await expect(kept.locator("mark")).toHaveText("37 people");
  await expect(kept).toContainText("On the body");

  // Reply, then the words change: the comment says so and shows what they were.
  await kept.getByRole("button", { name: "Reply" }).click();
  const reply = kept.getByLabel("Your reply");
  await reply.fill("From the clerk's sign-in sheet.");
  await reply.press("Control+Enter");
  await expect(kept).toContainText("From the clerk's sign-in sheet.");
  await saveRevision({
    actor: actorOf(author),
    slug,
    input: {
      baseRevision: 3,
      summary: "Count",
      body: body
        .replace("Tuesday evening", "Monday evening")
        .replace("About 37 people", "About 40 people")
        .replace("at the hearing.", "at the hearing on Tuesday night."),
    },
  });
  await page.goto(`/desk/stories/${slug}/compare?from=3&to=4`);
  const moved = panel(page).getByRole("listitem").filter({ hasText: "Source for this count?" }).first();
  await expect(moved).toContainText(
    "The words this comment was on were changed in revision 4. They were: “37 people”.",
  );

  // A comment on the removed words sits on the older side, and says so.
  await selectWords(page, "37", true);
  await expect(panel(page)).toContainText("Selected: “37”");
  await panel(page).getByRole("button", { name: "Comment on selection" }).click();
  await expect(panel(page)).toContainText("Removed words of revision 3: “37”");
  await panel(page).getByLabel("Comment on these words").fill("Was 37 wrong?");
  await panel(page).getByLabel("Comment on these words").press("Control+Enter");
  const onRemoved = panel(page).getByRole("listitem").filter({ hasText: "Was 37 wrong?" }).first();
  await expect(onRemoved).toContainText("On removed words of the body (revision 3)");
  await expect(onRemoved.locator("mark")).toHaveText("37");

  // The reviewer resolves it: it folds away under "resolved", and a deep link opens it again.
  await moved.getByRole("button", { name: "Resolve" }).click();
  await expect(panel(page).getByText("1 resolved thread")).toBeVisible();
  await expect(
    panel(page).getByRole("listitem").filter({ hasText: "Source for this count?" }).first(),
  ).toBeHidden();
  await captureScreens({ page, testInfo, name: "desk-review-compare-resolved" });
  await page.goto(`/desk/stories/${slug}/revisions/4#comment-${commentId}`);
  await expect(page.locator(`#comment-${commentId}`)).toBeVisible();
  await expect(page.locator(`#comment-${commentId}`)).toBeFocused();

  // The author (a contributor) cannot settle the reviewer's thread: the button is not offered.
  await authorPage.goto(`/desk/stories/${slug}/compare?from=3&to=4`);
  const open = panel(authorPage).getByRole("listitem").filter({ hasText: "Which Tuesday?" }).first();
  await expect(open).toBeVisible();
  await expect(open.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await authorContext.close();
});
