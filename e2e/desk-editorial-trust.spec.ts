import { expect, test } from "@playwright/test";

import { contentLimits } from "@/lib/revisions/revision-content";
import { saveRevision } from "@/lib/revisions/save-revision";
import { getStoryDetail } from "@/lib/revisions/story-detail";

import { seedUser } from "./support/auth";
import { bodyMarkdown, fillBodyMarkdown } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import {
  actorOf,
  captureScreens,
  publishFromEditor,
  seedStory,
  signedInUser,
  uniqueSlug,
} from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

// Screenshots and several page loads per test on a shared machine: generous, never a timing assertion.
test.describe.configure({ timeout: 180_000 });

test("Enter in a one-line field never publishes; publishing asks first and shows what readers get", async ({
  page,
}, testInfo) => {
  // Guards: with a summary typed, Enter in the headline published revision 2 at once.
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("enter-key");
  await seedStory({
    author: editor,
    slug,
    headline: "Council delays vote",
    body: "The council met on Elm Street.",
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();

  await page.getByLabel("Kind of change").selectOption("correction");
  await page.getByLabel("Summary").fill("Fixes the street");
  await page.getByLabel("Public note").fill("An earlier version misstated where the council met.");
  await page.getByLabel("Internal note").fill("Checked with the clerk's office");
  await fillBodyMarkdown(page, "The council met on Oak Street.");
  for (const field of ["Headline", "Byline line", "Summary"]) {
    await page.getByLabel(field, { exact: field !== "Summary" }).press("Enter");
  }
  await page.getByLabel("Headline", { exact: true }).fill("Council delays budget vote");
  await page.getByLabel("Headline", { exact: true }).press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect((await getStoryDetail({ slug, actor: actorOf(editor) })).story.latestRevisionNumber).toBe(1);

  await page.getByRole("button", { name: "Publish update…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("dt:has-text('Readers see it as') + dd")).toHaveText("Correction");
  await expect(dialog.locator("dt:has-text('Updated') + dd")).toHaveText("Moves to now");
  await expect(dialog).toContainText("“Fixes the street”");
  await expect(dialog).toContainText("Correction: An earlier version misstated where the council met.");
  await expect(dialog).not.toContainText("clerk");
  await captureScreens({ page, testInfo, name: "desk-publish-confirm" });
  // Backing out publishes nothing.
  await dialog.getByRole("button", { name: "Back to editing" }).click();
  await expect(dialog).toBeHidden();
  expect((await getStoryDetail({ slug, actor: actorOf(editor) })).story.latestRevisionNumber).toBe(1);

  await publishFromEditor({ page });
  await expect(page.getByText("Published revision 2. Readers see it now.")).toBeVisible();
  const { story, live } = await getStoryDetail({ slug, actor: actorOf(editor) });
  expect(story.liveRevisionNumber).toBe(2);
  expect(live).toMatchObject({ kind: "correction", internalNote: "Checked with the clerk's office" });
  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}/history`);
  await expect(reader.locator("main")).toContainText("An earlier version misstated where the council met.");
  await expect(reader.locator("main")).not.toContainText("clerk");
});

test("a change marked minor that alters a number warns and waits for confirmation", async ({ page }) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("minor-number");
  await seedStory({
    author: editor,
    slug,
    headline: "Mayor resigns",
    body: "Mayor Jane Smith, 54, resigned.",
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByLabel("Kind of change").selectOption("minor");
  await fillBodyMarkdown(page, "Mayor Jane Smith, 45, resigned.");
  await page.getByRole("button", { name: "Publish update…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(dialog).toContainText("Marked minor, but it changes numbers.");
  await expect(dialog).toContainText("Stays as it is");
  await expect(dialog.getByRole("button", { name: "Publish now" })).toBeDisabled();
  await dialog.getByLabel("It is still a minor fix").check();
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published revision 2. Readers see it now.")).toBeVisible();
});

test("an unpublished story offers saving only, and a contributor's replayed publish is refused", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("pulled-desk");
  await seedStory({ author: editor, slug, headline: "Pulled story", body: "Pulled." });
  await page.goto(`/desk/stories/${slug}`);
  await page.getByRole("button", { name: "Unpublish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Unpublish this story?" });
  await dialog.getByLabel(/Reason/).fill("Legal asked us to pull it");
  await dialog.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished. Readers no longer see the story.")).toBeVisible();
  await expect(page.getByText("This story is unpublished.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await fillBodyMarkdown(page, "Pulled, and fixed.");
  await page.getByLabel("Summary").fill("Fix while down");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible();
  await page.goto(`/desk/stories/${slug}/history`);
  await expect(page.getByRole("button", { name: /^Publish revision/ })).toHaveCount(0);
  expect((await page.request.get(`/stories/${slug}`)).status()).toBe(404);
});

test("a story as long as the content limit saves and publishes from the desk", async ({ page }) => {
  // Guards: the server action's default 1 MB body limit refused stories the API accepts.
  test.setTimeout(240_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("very-long");
  await seedStory({ author: editor, slug, headline: "The full report", body: "Summary." });
  const paragraph =
    "The commission heard testimony from residents about water service across the county on Monday night. ";
  let body = "";
  while (body.length + paragraph.length + 2 <= contentLimits.body) body += `${paragraph}\n\n`;
  body = body.padEnd(contentLimits.body, "x");
  expect(body.length).toBe(contentLimits.body);

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  // Pasted in one go, as a reporter pastes a long document (typing 1.5 M characters would take hours).
  await (
    await bodyMarkdown(page)
  ).evaluate((element, value) => {
    const textarea = element as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(textarea, value);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }, body);
  expect(
    await (await bodyMarkdown(page)).evaluate((element) => (element as HTMLTextAreaElement).value.length),
  ).toBe(contentLimits.body);
  await page.getByLabel("Summary").fill("Adds the full report");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible({ timeout: 120_000 });
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByLabel("Summary").fill("Adds the full report");
  await publishFromEditor({ page });
  await expect(page.getByText("Published revision 3. Readers see it now.")).toBeVisible({ timeout: 120_000 });
  const { live } = await getStoryDetail({ slug, actor: actorOf(editor) });
  expect(live?.content.body.length).toBe(contentLimits.body);
});

test("a restore that would bring back a corrected error names the correction and waits for a deliberate tick", async ({
  page,
}, testInfo) => {
  // Guards: restoring r1 put "54" back live above the note saying she is 45, with no warning.
  const editor = await signedInUser({ page, role: "editor" });
  const actor = actorOf(editor);
  const slug = uniqueSlug("mayor-age");
  await seedStory({
    author: editor,
    slug,
    headline: "Mayor resigns",
    body: "Mayor Jane Smith, 54, resigned.",
  });
  const note = "An earlier version misstated the mayor's age. She is 45.";
  await saveRevision({
    actor,
    slug,
    input: {
      baseRevision: 1,
      kind: "correction",
      summary: "Fixes age",
      note,
      body: "Mayor Jane Smith, 45, resigned.",
      publish: true,
    },
  });

  await page.goto(`/desk/stories/${slug}/history`);
  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /^Revision 1\b/ }) });
  await first.getByRole("button", { name: "Restore…" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore revision 1?" });
  await expect(dialog.getByRole("alert")).toContainText(`Correction (revision 2): “${note}”`);
  const restore = dialog.getByRole("button", { name: "Restore revision 1" });
  await expect(restore).toBeDisabled();
  await captureScreens({ page, testInfo, name: "desk-restore-reverts" });
  await dialog.getByLabel(/Undo it/).check();
  await restore.click();
  await expect(page.getByText("Restored revision 1 as revision 3, now live.")).toBeVisible();
  const { live } = await getStoryDetail({ slug, actor });
  expect(live?.content.body).toContain("54");

  // A restore that takes back nothing goes through without the warning.
  const second = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /^Revision 2\b/ }) });
  await second.getByRole("button", { name: "Restore…" }).click();
  const again = page.getByRole("dialog", { name: "Restore revision 2?" });
  await expect(again.getByRole("button", { name: "Restore revision 2" })).toBeEnabled();
  await expect(again.getByRole("alert")).toHaveCount(0);
  await again.getByRole("button", { name: "Restore revision 2" }).click();
  await expect(page.getByText("Restored revision 2 as revision 4, now live.")).toBeVisible();
});

test("publishing a contributor's draft from History sets the kind and public text; readers never see its internal summary", async ({
  page,
}, testInfo) => {
  // Guards: "Publish revision N" went live at once, printing "Published revision 8: DRAFT - not checked yet,
  // ask Maria".
  const editor = await signedInUser({ page, role: "editor" });
  const contributor = await seedUser({ role: "contributor" });
  const slug = uniqueSlug("hull-count");
  await seedStory({ author: editor, slug, headline: "Ferry fleet grows", body: "The fleet has 3 hulls." });
  await saveRevision({
    actor: actorOf(contributor),
    slug,
    input: { baseRevision: 1, summary: "DRAFT - not checked yet, ask Maria", body: "The fleet has 4 hulls." },
  });

  await page.goto(`/desk/stories/${slug}/history`);
  await page.getByRole("button", { name: "Publish revision 2…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish revision 2?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Summary")).toHaveValue("");
  await dialog.getByLabel("Kind of change").selectOption("correction");
  await dialog.getByLabel("Summary").fill("Fixes hull count");
  await dialog.getByLabel("Public note").fill("An earlier version misstated the number of hulls.");
  await expect(dialog.locator("dt:has-text('Readers see it as') + dd")).toHaveText("Correction");
  await captureScreens({ page, testInfo, name: "desk-history-publish" });
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published revision 2 as revision 3. Readers see it now.")).toBeVisible();

  const history = await page.request.get(`/stories/${slug}/history`);
  const text = await history.text();
  expect(text).not.toContain("ask Maria");
  expect(text).not.toMatch(/revision \d/i);
  const feed = await (await page.request.get(`/stories/${slug}/feed.xml`)).text();
  expect(feed).not.toContain("Fixes hull count Correction");
  expect(feed).toContain(
    "<p>Fixes hull count</p><p><strong>Correction:</strong> An earlier version misstated the number of hulls.</p>",
  );
});
