import { expect, test } from "@playwright/test";

import { saveRevision } from "@/lib/revisions/save-revision";
import { getStoryDetail } from "@/lib/revisions/story-detail";

import { seedUser, signInByApi } from "./support/auth";
import { bodyMarkdown, fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

test("an editor compares two revisions inline and side by side, then restores the first one", async ({
  page,
  browser,
}, testInfo) => {
  const editor = await signedInUser({ page, role: "editor" });
  const actor = actorOf(editor);
  const slug = uniqueSlug("water-main");
  await seedStory({
    author: editor,
    slug,
    headline: "Water main breaks downtown",
    body: "A water main broke on Main Street.\n\nTraffic is being diverted.",
  });
  await saveRevision({
    actor,
    slug,
    input: {
      baseRevision: 1,
      body: "A water main broke on Main Street at dawn.\n\nTraffic is being diverted.",
      summary: "Adds the time",
      publish: true,
    },
  });
  await saveRevision({
    actor,
    slug,
    input: {
      baseRevision: 2,
      headline: "Water main break floods downtown",
      body: "A water main broke on Main Street at dawn.\n\nTraffic is being diverted.\n\nCrews expect repairs to take two days.",
      summary: "Repair estimate",
      publish: true,
    },
  });

  await page.goto(`/desk/stories/${slug}/history`);
  await expect(page.getByRole("heading", { name: /^Revision \d/ })).toHaveCount(3);
  await expect(page.getByText("Repair estimate")).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-history" });

  await page.getByLabel("Compare from revision 1").check();
  await page.getByLabel("Compare to revision 3").check();
  await page.getByRole("button", { name: "Compare selected revisions" }).click();
  await expect(page).toHaveURL(/compare\?(?=.*from=1)(?=.*to=3)/);
  await expect(page.getByRole("heading", { name: "Revision 1 → revision 3" })).toBeVisible();
  await expect(page.locator("section[aria-label='Body'] ins").first()).toContainText("at dawn");
  await expect(page.locator("section[aria-label='Headline'] del")).toContainText("breaks");
  await expect(page.locator("section[aria-label='Body']")).toContainText(
    "Crews expect repairs to take two days.",
  );
  await captureScreens({ page, testInfo, name: "desk-compare-inline" });
  await page.getByRole("link", { name: "Side by side" }).click();
  await expect(page.locator(".desk-diff-sides").first()).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-compare-side" });

  await page.goto(`/desk/stories/${slug}/history`);
  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /^Revision 1\b/ }) });
  await first.getByRole("button", { name: "Restore…" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore revision 1?" });
  await expect(dialog).toBeVisible();
  const [restoreRequest] = await Promise.all([
    page.waitForRequest(
      (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
    ),
    dialog.getByRole("button", { name: "Restore revision 1" }).click(),
  ]);
  await expect(page.getByText("Restored revision 1 as revision 4, now live.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Revision \d/ })).toHaveCount(4);

  const { story, latest } = await getStoryDetail({ slug, actor });
  expect(story.liveRevisionNumber).toBe(4);
  expect(latest.kind).toBe("restore");
  expect(latest.content.headline).toBe("Water main breaks downtown");
  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Water main breaks downtown");

  // The same restore replayed with a contributor's session is refused by the server, and changes nothing.
  const contributor = await seedUser({ role: "contributor" });
  const contributorContext = await browser.newContext();
  await signInByApi({
    request: contributorContext.request,
    email: contributor.email,
    password: contributor.password,
  });
  const { cookie: _cookie, ...headers } = restoreRequest.headers();
  const replay = await contributorContext.request.post(restoreRequest.url(), {
    headers,
    data: restoreRequest.postData() ?? "",
  });
  expect(await replay.text()).toContain('"code":"forbidden"');
  expect((await getStoryDetail({ slug, actor })).story.latestRevisionNumber).toBe(4);
  await contributorContext.close();
});

test("the presence heartbeat refuses a request without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.post("/desk/stories/anything/presence", {
    data: { seenRevisionNumber: 1 },
  });
  expect(response.status()).toBe(401);
  await anonymous.dispose();
});

const vocabulary =
  "the council said residents would see changes to water service across the county after officials met on monday night".split(
    " ",
  );

test("a 100,000-word story: the comparison folds unchanged paragraphs and renders only what is open", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const actor = actorOf(editor);
  const slug = uniqueSlug("long-read");
  const paragraphs = Array.from({ length: 2_000 }, (_, index) =>
    [
      `Paragraph ${index + 1}:`,
      ...Array.from({ length: 49 }, (_, word) => vocabulary[(index * 7 + word) % vocabulary.length]),
    ].join(" "),
  );
  await seedStory({ author: editor, slug, headline: "The long read", body: paragraphs.join("\n\n") });
  const edited = [...paragraphs];
  edited[10] = `${edited[10]} An added sentence about the budget.`;
  edited[1_500] = "A rewritten paragraph about what happens next.";
  await saveRevision({
    actor,
    slug,
    input: { baseRevision: 1, body: edited.join("\n\n"), summary: "Two edits", publish: true },
  });

  const started = Date.now();
  await page.goto(`/desk/stories/${slug}/compare?from=1&to=2`);
  await expect(page.getByRole("heading", { name: "Revision 1 → revision 2" })).toBeVisible();
  console.log(`compare page of a 100,000-word story loaded in ${Date.now() - started} ms`);
  // One edited paragraph, and one rewritten outright (removed + added).
  await expect(page.locator(".desk-diff-op")).toHaveCount(3);
  await expect(page.locator(".desk-diff-fold")).toHaveCount(3);
  expect(await page.locator(".desk-diff-body p").count()).toBeLessThan(6);
  await expect(page.locator(".desk-diff-body ins").first()).toContainText("An added sentence");

  await page.getByRole("button", { name: /Show 10 unchanged paragraphs/ }).click();
  await expect(page.locator(".desk-diff-unchanged-text p")).toHaveCount(10);
  await expect(page.getByRole("button", { name: /Hide 10 unchanged paragraphs/ })).toHaveAttribute(
    "aria-expanded",
    "true",
  );

  const editStarted = Date.now();
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  console.log(`edit page of a 100,000-word story ready in ${Date.now() - editStarted} ms`);
  await expect(page.getByText("Long story: the preview is shown when you ask.")).toBeVisible();
  await page.getByRole("button", { name: "Show preview" }).click();
  await expect(page.locator(".desk-preview .story-headline")).toHaveText("The long read");
  await page.getByLabel("Headline").fill("The long read, updated");
  await expect(page.getByText("Long story: the preview updates when you ask.")).toBeVisible();
  await page.getByRole("button", { name: "Update preview" }).click();
  await expect(page.locator(".desk-preview .story-headline")).toHaveText("The long read, updated");
});

test("a contributor sees the history but no restore", async ({ page }) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("library-hours");
  await seedStory({
    author: editor,
    slug,
    headline: "Library extends hours",
    body: "The library will open on Sundays.",
  });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: {
      baseRevision: 1,
      body: "The library will open on Sundays from noon.",
      summary: "Hours",
      publish: true,
    },
  });
  await page.context().clearCookies();
  await signedInUser({ page, role: "contributor" });
  await page.goto(`/desk/stories/${slug}/history`);
  await expect(page.getByRole("heading", { name: /^Revision \d/ })).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Restore…" })).toHaveCount(0);
});

test("edits survive a reload: the desk offers them back and restores them", async ({ page }, testInfo) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("fair-opens");
  await seedStory({
    author: editor,
    slug,
    headline: "County fair opens",
    body: "The county fair opened on Friday.",
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByLabel("Headline").fill("County fair opens with record crowds");
  await fillBodyMarkdown(page, "The county fair opened on Friday to record crowds.");
  await expect(page.getByText("Unsaved changes (kept in this browser)")).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.keys(window.localStorage).filter((key) => key.startsWith("copydesk:draft:")).length,
      ),
    )
    .toBeGreaterThan(0);

  const warned: string[] = [];
  page.on("dialog", (dialog) => {
    warned.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(warned).toContain("beforeunload");
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await expect(page.getByText(/Restore your unsaved edits from/)).toBeVisible();
  await captureScreens({ page, testInfo, name: "desk-restore-offer" });
  await page.getByRole("button", { name: "Restore edits" }).click();
  await expect(page.getByLabel("Headline")).toHaveValue("County fair opens with record crowds");
  await expect(await bodyMarkdown(page)).toHaveValue("The county fair opened on Friday to record crowds.");

  await page.getByLabel("Summary").fill("Crowd size");
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.keys(window.localStorage).filter((key) => key.startsWith("copydesk:draft:")).length,
      ),
    )
    .toBe(0);
});
