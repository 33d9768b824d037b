import { expect, test } from "@playwright/test";

import { getStoryOrThrow } from "@/lib/stories/story";

import { seedUser, signInByForm } from "./support/auth";
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

test("an editor signs in, writes, credits and publishes a story, and readers see it", async ({
  page,
}, testInfo) => {
  const editor = await seedUser({ role: "editor", name: "Edna Editor" });
  await signInByForm({ page, email: editor.email, password: editor.password });
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
  await expect(page.getByText("Edna Editor")).toBeVisible();

  await page.getByRole("link", { name: "New story" }).click();
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const slug = uniqueSlug("harbor-fire");
  await page.getByLabel("Headline").fill("Fire breaks out at the harbor warehouse");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Dek").fill("Crews from three stations responded before dawn.");
  await page.getByLabel("Byline line").fill("By Edna Editor");
  // Typed in the formatted view, as a reporter types: Enter starts a new paragraph.
  await page.getByRole("textbox", { name: "Body", exact: true }).click();
  await page.keyboard.type("A fire broke out at the harbor warehouse early Tuesday.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("No injuries were reported.");
  await expect(page.locator(".desk-preview p", { hasText: "No injuries" })).toHaveText(
    "No injuries were reported.",
  );
  await expect(page.locator(".desk-preview .story-headline")).toHaveText(
    "Fire breaks out at the harbor warehouse",
  );

  await page.getByRole("button", { name: "+ Add credit" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Rosa Reporter");
  await page.getByLabel("Role").selectOption("contributed_reporting");
  await page.getByLabel("Place", { exact: true }).fill("Baltimore");
  await captureScreens({ page, testInfo, name: "desk-new-story" });

  await publishFromEditor({ page });
  await expect(page).toHaveURL(new RegExp(`/desk/stories/${slug}$`));
  await expect(page.getByText(/Published revision 1/)).toBeVisible();

  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
    "Fire breaks out at the harbor warehouse",
  );
  await expect(reader.locator("body")).toContainText("Rosa Reporter contributed reporting from Baltimore.");
});

test("an update and then a correction are both on the public page, the correction with its note", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("council-vote");
  await seedStory({
    author: editor,
    slug,
    headline: "Council delays budget vote",
    body: "The council met on Elm Street.\n\nThe vote was delayed.",
  });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await fillBodyMarkdown(
    page,
    "The council met on Elm Street.\n\nThe vote was delayed.\n\nThe mayor said a new date would be set this week.",
  );
  await page.getByLabel("Summary").fill("Adds the mayor's comment");
  await publishFromEditor({ page });
  await expect(page.getByText("Published revision 2. Readers see it now.")).toBeVisible();
  await expect(page.getByText("Newest revision 2")).toBeVisible();

  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await page.getByLabel("Kind of change").selectOption("correction");
  await fillBodyMarkdown(
    page,
    "The council met on Oak Street.\n\nThe vote was delayed.\n\nThe mayor said a new date would be set this week.",
  );
  await page.getByLabel("Summary").fill("Fixes the street name");
  // The confirmation says what is missing before anything is sent, and holds "Publish now" until it is there.
  await page.getByRole("button", { name: "Publish update…" }).click();
  const confirm = page.getByRole("dialog", { name: "Publish this change?" });
  await expect(confirm.getByText("a correction needs a public note", { exact: false })).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Publish now" })).toBeDisabled();
  await confirm.getByRole("button", { name: "Back to editing" }).click();
  await expect(await bodyMarkdown(page)).toHaveValue(/Oak Street/);
  await page
    .getByLabel("Public note")
    .fill("An earlier version of this story misstated where the council met.");
  await publishFromEditor({ page });
  await expect(page.getByText("Published revision 3. Readers see it now.")).toBeVisible();

  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.locator("article")).toContainText("The mayor said a new date would be set this week.");
  await expect(reader.locator("article")).toContainText("The council met on Oak Street.");
  await expect(reader.locator("article")).toContainText(
    "An earlier version of this story misstated where the council met.",
  );
  await expect(reader.locator("article")).toContainText("Updated");

  await page.getByRole("button", { name: "Unpublish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Unpublish this story?" });
  await dialog.getByLabel(/Reason/).fill("Legal review");
  await dialog.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished. Readers no longer see the story.")).toBeVisible();
  expect((await reader.goto(`/stories/${slug}`))?.status()).toBe(404);
  await page.getByRole("button", { name: "Republish…" }).click();
  const back = page.getByRole("dialog", { name: "Republish this story?" });
  await back.getByLabel(/Reason/).fill("Legal cleared it");
  await back.getByRole("button", { name: "Republish" }).click();
  await expect(page.getByText("Republished. Readers see the live revision again.")).toBeVisible();
  expect((await reader.goto(`/stories/${slug}`))?.status()).toBe(200);
});

test("a contributor cannot publish: no publish button, and the server refuses a replayed publish", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  const slug = uniqueSlug("school-closures");
  await seedStory({
    author: editor,
    slug,
    headline: "Schools close for snow",
    body: "All schools are closed Monday.",
  });
  const contributor = await signedInUser({ page, role: "contributor" });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await expect(page.getByRole("button", { name: /Publish/ })).toHaveCount(0);
  await fillBodyMarkdown(page, "All schools are closed Monday and Tuesday.");
  await page.getByLabel("Summary").fill("Adds Tuesday");
  const [submitted] = await Promise.all([
    page.waitForRequest(
      (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
    ),
    page.getByRole("button", { name: "Save draft" }).click(),
  ]);
  await expect(page.getByText("Draft saved as revision 2. Ask for review when it is ready.")).toBeVisible();

  // Replay the very same server action with the contributor's cookies, now asking to publish.
  const body = (submitted.postData() ?? "")
    .replace('"publish":false', '"publish":true')
    .replace('"baseRevision":1', '"baseRevision":2');
  expect(body).toContain('"publish":true');
  const replay = await page.request.post(submitted.url(), { headers: submitted.headers(), data: body });
  const answer = await replay.text();
  expect(answer).toContain('"code":"forbidden"');
  expect(answer).toContain("Your role does not allow this.");

  const api = await page.request.post(`/api/v1/stories/${slug}/revisions`, {
    data: {
      baseRevision: 2,
      body: "Published by a contributor?",
      kind: "update",
      summary: "Sneaky",
      publish: true,
    },
  });
  expect(api.status()).toBe(403);

  const story = await getStoryOrThrow({ slug, actor: actorOf(contributor) });
  expect(story.liveRevisionNumber).toBe(1);
  expect(story.latestRevisionNumber).toBe(2);
  const people = await page.goto("/desk/people");
  expect(people?.status()).toBe(403);
});
