import { expect, test, type Page } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { startThread } from "@/lib/review-threads/start-thread";
import { saveRevision } from "@/lib/revisions/save-revision";

import { seedUser, signInByApi } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";
import { commentsPanel, selectWords } from "./support/review-selection";

test.beforeAll(() => {
  useE2eDatabase();
});

/** The text each highlighted range covers. */
async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(
    `[...(CSS.highlights.get("review-words") ?? [])].map((range) => range.toString()).sort()`,
  );
}

const panel = commentsPanel;

test("guards the first builder's gap: the first revision's words (headline and body) take comments on the revision's own page", async ({
  page,
}, testInfo) => {
  await signedInUser({ page, role: "editor", name: "Tess Firstlook" });
  const author = await seedUser({ role: "contributor", name: "Abe Firstdraft" });
  const slug = uniqueSlug("first-draft");
  const body = "The council met on Tuesday.\n\nAbout 37 people spoke against the plan.";
  await seedStory({ author, slug, headline: "Council hears objections", body, publish: false });

  // The page as readers would see it points to the text to comment on.
  await page.goto(`/desk/stories/${slug}/revisions/1`);
  await panel(page).getByRole("link", { name: "the text of revision 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/revisions/1\\?view=text$`));
  await expect(page.getByRole("link", { name: "Text to comment on" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await selectWords(page, "37 people");
  await expect(panel(page)).toContainText("Selected: “37 people”");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await panel(page).getByLabel("Comment on these words").fill("Who counted?");
  await panel(page).getByLabel("Comment on these words").press("Control+Enter");
  const onBody = panel(page).getByRole("listitem").filter({ hasText: "Who counted?" }).first();
  await expect(onBody.locator("mark")).toHaveText("37 people");

  // The keyboard's button works here too, on the headline.
  await selectWords(page, "objections");
  await panel(page).getByRole("button", { name: "Comment on selection" }).click();
  // Guards a lost comment: a stray Escape in a box with words in it keeps them.
  await panel(page).getByLabel("Comment on these words").fill("Too strong");
  await panel(page).getByLabel("Comment on these words").press("Escape");
  await expect(panel(page).getByLabel("Comment on these words")).toHaveValue("Too strong");
  await expect(panel(page).getByRole("alert")).toHaveText(
    "Escape closes an empty box only: press Cancel to discard what you wrote.",
  );
  await panel(page).getByLabel("Comment on these words").fill("Too strong?");
  await panel(page).getByLabel("Comment on these words").press("Control+Enter");
  const onHeadline = panel(page).getByRole("listitem").filter({ hasText: "Too strong?" }).first();
  await expect(onHeadline).toContainText("On the headline");
  await expect(onHeadline.locator("mark")).toHaveText("objections");
  await expect.poll(() => highlighted(page)).toEqual(["37 people", "objections"]);
  await captureScreens({ page, testInfo, name: "desk-review-revision-text" });

  // Guards a swallowed reply: the same words replied twice, on purpose, are two replies.
  for (const round of [1, 2]) {
    await onHeadline.getByRole("button", { name: "Reply" }).click();
    await onHeadline.getByLabel("Your reply").fill("Agreed.");
    await onHeadline.getByLabel("Your reply").press("Control+Enter");
    await expect(onHeadline.getByText("Agreed.", { exact: true })).toHaveCount(round);
  }

  // Guards two tabs: a thread resolved in another tab is refused here with a sentence, and shown as it now is.
  const otherTab = await page.context().newPage();
  await otherTab.goto(`/desk/stories/${slug}/revisions/1?view=text`);
  await panel(otherTab)
    .getByRole("listitem")
    .filter({ hasText: "Who counted?" })
    .first()
    .getByRole("button", { name: "Resolve" })
    .click();
  await expect(panel(otherTab).getByText("1 resolved thread")).toBeVisible();
  await otherTab.close();
  await onBody.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByText("This thread is already resolved.")).toBeVisible();
  await expect(panel(page).getByText("1 resolved thread")).toBeVisible();
  await expect(panel(page).getByRole("listitem").filter({ hasText: "Who counted?" }).first()).toBeHidden();

  const threads = await getDb().reviewThread.findMany({
    where: { story: { slug } },
    select: {
      anchorField: true,
      anchorStart: true,
      anchorEnd: true,
      anchorQuote: true,
      revisionNumber: true,
    },
    orderBy: { createdAt: "asc" },
  });
  expect(threads).toEqual([
    {
      anchorField: "body",
      anchorStart: body.indexOf("37 people"),
      anchorEnd: body.indexOf("37 people") + 9,
      anchorQuote: "37 people",
      revisionNumber: 1,
    },
    { anchorField: "headline", anchorStart: 14, anchorEnd: 24, anchorQuote: "objections", revisionNumber: 1 },
  ]);
});

test("guards CRLF bodies: words after stored carriage returns are anchored to the stored text and highlighted where they are", async ({
  page,
}) => {
  const reviewer = await signedInUser({ page, role: "editor", name: "Cora Linefeed" });
  const slug = uniqueSlug("crlf-body");
  const body = "The council met on Tuesday.\r\n\r\nAbout 37 people\r\nspoke against the plan.";
  await seedStory({ author: reviewer, slug, headline: "Council hears objections", body, publish: false });

  await page.goto(`/desk/stories/${slug}/revisions/1?view=text`);
  await selectWords(page, "people\nspoke against");
  await expect(panel(page)).toContainText("Selected: “people");
  await panel(page).getByRole("button", { name: "Comment on selection" }).click();
  await panel(page).getByLabel("Comment on these words").fill("Line break here?");
  await panel(page).getByLabel("Comment on these words").press("Control+Enter");
  await expect(
    panel(page).getByRole("listitem").filter({ hasText: "Line break here?" }).first(),
  ).toBeVisible();

  const thread = await getDb().reviewThread.findFirstOrThrow({
    where: { story: { slug } },
    select: { anchorStart: true, anchorEnd: true, anchorQuote: true },
  });
  expect(thread.anchorQuote).toBe("people\r\nspoke against");
  expect(body.slice(thread.anchorStart ?? 0, thread.anchorEnd ?? 0)).toBe(thread.anchorQuote);
  await expect.poll(() => highlighted(page)).toEqual(["people\nspoke against"]);

  // In the comparison with a later revision too.
  await saveRevision({
    actor: actorOf(reviewer),
    slug,
    input: { baseRevision: 1, summary: "New plan", body: body.replace("the plan", "the new plan") },
  });
  await page.goto(`/desk/stories/${slug}/compare?from=1&to=2`);
  await expect.poll(() => highlighted(page)).toEqual(["people\nspoke against"]);
  await selectWords(page, "37 people");
  await panel(page).getByRole("button", { name: "Comment on selection" }).click();
  await panel(page).getByLabel("Comment on these words").fill("Count?");
  await panel(page).getByLabel("Comment on these words").press("Control+Enter");
  await expect(panel(page).getByRole("listitem").filter({ hasText: "Count?" }).first()).toBeVisible();
  const second = await getDb().reviewThread.findFirstOrThrow({
    where: { story: { slug }, revisionNumber: 2 },
    select: { anchorStart: true, anchorEnd: true, anchorQuote: true },
  });
  expect(second.anchorQuote).toBe("37 people");
  expect(second.anchorStart).toBe(body.indexOf("37 people"));
});

test("guards the stale inbox count: the navigation's count follows client navigation, a tab shown again and Mark all read", async ({
  page,
  browser,
}, testInfo) => {
  const reviewer = await seedUser({ role: "editor", name: "Rob Countwise" });
  const author = await signedInUser({ page, role: "contributor", name: "Nia Navcount" });
  const slug = uniqueSlug("count");
  const body = "The council met on Tuesday.\n\nAbout 37 people spoke against the plan.";
  await seedStory({ author, slug, headline: "Council hears objections", body, publish: false });
  const inbox = page.getByRole("link", { name: /^Inbox/ });
  const comment = (text: string) =>
    startThread({ actor: actorOf(reviewer), slug, number: 1, input: { body: text } });

  await page.goto("/desk");
  await expect(inbox).toHaveText("Inbox");
  await comment("First look?");
  // A click in the navigation: the layout is not loaded again, the count is read again.
  await page.getByRole("link", { name: "Photos" }).click();
  await expect(page).toHaveURL(/\/desk\/photos$/);
  await expect(inbox).toHaveText("Inbox1 unread");

  // The tab comes back: the count is read again.
  await comment("Second look?");
  await expect
    .poll(
      async () => {
        await page.evaluate(`document.dispatchEvent(new Event("visibilitychange"))`);
        return inbox.textContent();
      },
      { intervals: [500, 1000, 1000, 1000] },
    )
    .toBe("Inbox2 unread");
  await captureScreens({ page, testInfo, name: "desk-inbox-nav-count" });

  await inbox.click();
  await expect(page.getByText("2 unread notices.")).toBeVisible();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(inbox).toHaveText("Inbox");

  // The count is one's own: signed out it is refused, and another person's never shows.
  const other = await browser.newContext();
  expect((await other.request.get("/desk/inbox/unread")).status()).toBe(401);
  await signInByApi({ request: other.request, email: reviewer.email, password: reviewer.password });
  await getDb().inboxItem.updateMany({ where: { recipientId: author.id }, data: { readAt: null } });
  const theirs = await other.request.get("/desk/inbox/unread");
  expect(await theirs.json()).toEqual({ userId: reviewer.id, unread: 0 });
  await other.close();
});
