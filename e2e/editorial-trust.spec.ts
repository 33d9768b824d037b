import { expect, test } from "@playwright/test";

import { useE2eDatabase } from "./support/database";
import { captureScreens, signedInUser, uniqueSlug } from "./support/desk-seed";
import {
  createPublishedStory,
  publishRevision,
  seedPublisher,
  unpublish,
  type Publisher,
} from "./support/public-api";

let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

const correctionNote =
  "An earlier version of this story misstated the size of the reserve fund. It is $4.5 million, not $45 million.";
const withdrawalNote =
  "This story has been withdrawn. It relied on a memo that the city has shown to be a forgery, and its central claim, that the mayor planned to resign, was not true.";

async function jsonLdOf(page: import("@playwright/test").Page): Promise<Record<string, unknown>> {
  return JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  ) as Record<string, unknown>;
}

// Before: with no byline credit, "By Jane Doe, Staff Writer" became the Persons "Jane Doe" and "Staff
// Writer".
test("JSON-LD names authors from byline credits only", async ({ page, request }) => {
  const bare = uniqueSlug("staff-byline");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug: bare,
      headline: "Council passes budget",
      byline: "By Jane Doe, Staff Writer",
      body: "The budget passed.",
    },
  });
  await page.goto(`/stories/${bare}`);
  await expect(page.locator(".story-byline")).toHaveText("By Jane Doe, Staff Writer");
  const uncredited = await jsonLdOf(page);
  expect(uncredited.author).toBeUndefined();
  expect(JSON.stringify(uncredited)).not.toContain("Staff Writer");

  const credited = uniqueSlug("credited-byline");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug: credited,
      headline: "Council passes budget",
      byline: "By Jane Doe, Staff Writer",
      body: "The budget passed.",
      credits: [{ name: "Jane Doe", role: "byline" }],
    },
  });
  await page.goto(`/stories/${credited}`);
  expect((await jsonLdOf(page)).author).toEqual([{ "@type": "Person", name: "Jane Doe" }]);
});

// Before: every takedown was a plain 404 ("We can't find that story"), and there was no corrections page.
test("an editor withdraws a story with a note: 410 with headline and note, out of the feeds, listed with its correction", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const slug = uniqueSlug("mayor-memo");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Mayor plans to resign, memo shows",
      body: "A memo shows the mayor plans to resign.\n\nThe reserve fund is $45 million.",
    },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "correction",
      summary: "Fixes the fund",
      note: correctionNote,
      body: "A memo shows the mayor plans to resign.\n\nThe reserve fund is $4.5 million.",
    },
  });
  const quiet = uniqueSlug("published-by-mistake");
  await createPublishedStory({
    request,
    publisher,
    story: { slug: quiet, headline: "Test story, please ignore", body: "Lorem." },
  });
  await publishRevision({
    request,
    publisher,
    slug: quiet,
    revision: {
      kind: "clarification",
      summary: "Clarifies",
      note: "This test page was clarified.",
      body: "Lorem ipsum.",
    },
  });
  await unpublish({ request, publisher, slug: quiet });

  // A contributor is offered no takedown at all, and the API refuses one.
  const contributor = await signedInUser({ page, role: "contributor" });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw…" })).toHaveCount(0);
  const refused = await page.request.post(`/api/v1/stories/${slug}/withdraw`, { data: { note: "No." } });
  expect(refused.status(), contributor.email).toBe(403);

  await page.context().clearCookies();
  await signedInUser({ page, role: "editor" });
  await page.goto(`/desk/stories/${slug}`);
  await page.getByRole("button", { name: "Withdraw…" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw this story?" });
  await dialog.getByRole("button", { name: "Withdraw story" }).click();
  await expect(dialog.getByRole("alert")).toContainText("write the note readers will see");
  await dialog.getByLabel("Editor’s note to readers (public)").fill(withdrawalNote);
  await dialog.getByLabel(/Internal reason/).fill("City attorney confirmed the forgery at 2:10 p.m.");
  await dialog.getByRole("button", { name: "Withdraw story" }).click();
  await expect(page.getByText("Withdrawn. Readers see the headline and your note")).toBeVisible();
  await expect(page.locator(".desk-story-meta .desk-badge-withdrawn")).toHaveText("Withdrawn");

  const reader = await page.context().newPage();
  const gone = await reader.goto(`/stories/${slug}`);
  expect(gone?.status()).toBe(410);
  await expect(reader.locator(".reader-kicker")).toHaveText("Story withdrawn");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Mayor plans to resign, memo shows");
  await expect(reader.locator(".reader-withdrawn-note")).toContainText(withdrawalNote);
  await expect(reader.locator("article")).not.toContainText("The reserve fund is");
  await captureScreens({ page: reader, testInfo: test.info(), name: "story-withdrawn-410" });
  expect((await reader.goto(`/stories/${slug}/history`))?.status()).toBe(410);
  const storyFeed = await request.get(`/stories/${slug}/feed.xml`);
  expect(storyFeed.status()).toBe(410);
  expect(await (await request.get("/feed.xml")).text()).not.toContain(slug);
  await reader.goto("/");
  await expect(reader.locator("main")).not.toContainText("Mayor plans to resign");
  // A quiet unpublish stays a plain not-found.
  expect((await reader.goto(`/stories/${quiet}`))?.status()).toBe(404);

  // The corrections page: newest first, each with its story and time; nothing hidden, no link to a 404.
  await reader.goto("/");
  await reader.getByRole("contentinfo").getByRole("link", { name: "Corrections" }).click();
  await expect(reader).toHaveURL(/\/corrections$/);
  const items = reader.locator(".reader-corrections-item");
  const ours = items.filter({ hasText: "Mayor plans to resign, memo shows" });
  await expect(ours).toHaveCount(2);
  await expect(ours.nth(0)).toContainText("Story withdrawn");
  await expect(ours.nth(0)).toContainText(withdrawalNote);
  await expect(ours.nth(1)).toContainText("Correction");
  await expect(ours.nth(1)).toContainText(correctionNote);
  await expect(ours.nth(1).locator("time")).toHaveAttribute("datetime", /Z$/);
  await expect(ours.nth(1).getByRole("link", { name: "Mayor plans to resign, memo shows" })).toHaveAttribute(
    "href",
    `/stories/${slug}`,
  );
  const pulled = items.filter({ hasText: "Test story, please ignore" });
  await expect(pulled).toContainText("This test page was clarified.");
  await expect(pulled).toContainText("(no longer published)");
  await expect(pulled.getByRole("link")).toHaveCount(0);
  const times = await items
    .locator("time")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("datetime") ?? ""));
  expect(times).toEqual([...times].sort().reverse());
  await captureScreens({ page: reader, testInfo: test.info(), name: "corrections-page" });

  const feed = await request.get("/corrections/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const atom = await feed.text();
  expect(atom).toContain(correctionNote);
  expect(atom.indexOf(withdrawalNote)).toBeLessThan(atom.indexOf(correctionNote));

  // The desk keeps the withdrawal, its note and the internal reason in the status history.
  await page.goto(`/desk/stories/${slug}/history`);
  const history = page.getByRole("region", { name: "Status history" });
  await expect(history.locator("li").first()).toContainText("Withdrawn with a note to readers");
  await expect(history.locator("li").first()).toContainText(withdrawalNote);
  await expect(history.locator("li").first()).toContainText("City attorney confirmed the forgery");

  // Republishing ends the withdrawal; the correction is still on the corrections page.
  await page.goto(`/desk/stories/${slug}`);
  await page.getByRole("button", { name: "Republish…" }).click();
  const republish = page.getByRole("dialog", { name: "Republish this story?" });
  await republish.getByLabel("Reason (kept in the story's status history)").fill("Forgery claim retracted");
  await republish.getByRole("button", { name: "Republish", exact: true }).click();
  await expect(page.getByText("Republished. Readers see the live revision again.")).toBeVisible();
  expect((await reader.goto(`/stories/${slug}`))?.status()).toBe(200);
  await reader.goto("/corrections");
  await expect(reader.locator(".reader-corrections-item").filter({ hasText: correctionNote })).toHaveCount(1);
});

test("the API withdraws with a note, lists it in the status history, refuses a publish into it, and republishes", async ({
  request,
}) => {
  const slug = uniqueSlug("api-withdraw");
  await createPublishedStory({
    request,
    publisher,
    story: { slug, headline: "Port strike ends", body: "Dockworkers returned." },
  });
  const auth = { authorization: `Bearer ${publisher.token}` };
  const blank = await request.post(`/api/v1/stories/${slug}/withdraw`, {
    headers: auth,
    data: { note: " " },
  });
  expect(blank.status()).toBe(400);
  expect(
    ((await blank.json()) as { error: { details: { fields: { path: string }[] } } }).error.details.fields[0]
      ?.path,
  ).toBe("note");

  const withdrawn = await request.post(`/api/v1/stories/${slug}/withdraw`, {
    headers: auth,
    data: { note: withdrawalNote, reason: "Desk call" },
  });
  expect(withdrawn.status()).toBe(200);
  expect(((await withdrawn.json()) as { story: { status: string } }).story.status).toBe("withdrawn");
  expect((await request.get(`/stories/${slug}`)).status()).toBe(410);

  const publish = await request.post(`/api/v1/stories/${slug}/revisions`, {
    headers: auth,
    data: { baseRevision: 1, summary: "Back", body: "Dockworkers returned Monday.", publish: true },
  });
  expect(publish.status()).toBe(422);
  expect(((await publish.json()) as { error: { message: string } }).error.message).toMatch(/withdrawn/);

  const history = (await (
    await request.get(`/api/v1/stories/${slug}/status-history`, { headers: auth })
  ).json()) as { events: { action: string; publicNote: string | null; reason: string | null }[] };
  expect(history.events.map((event) => [event.action, event.publicNote, event.reason])).toEqual([
    ["withdraw", withdrawalNote, "Desk call"],
    ["publish", null, null],
  ]);
  expect(
    (
      await request.post(`/api/v1/stories/${slug}/republish`, {
        headers: auth,
        data: { reason: "Forgery claim retracted" },
      })
    ).status(),
  ).toBe(200);
  expect((await request.get(`/stories/${slug}`)).status()).toBe(200);
});

// Before: deleting the first sentence rendered "<del>Reserve met and wages rose.</del>Voted Tuesday…", read
// "rose.Voted".
test("public and desk diffs read as both texts do when a sentence goes from the start of a paragraph", async ({
  page,
  request,
}) => {
  const slug = uniqueSlug("wage-vote");
  const before = "Reserve met and wages rose. Voted Tuesday to accept the offer.";
  const after = "Voted Tuesday to accept the offer.";
  await createPublishedStory({
    request,
    publisher,
    story: { slug, headline: "Drivers accept offer", body: `${before}\n\nService resumes Thursday.` },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "update", summary: "Trims the lead", body: `${after}\n\nService resumes Thursday.` },
  });

  const sides = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => {
        const text = (drop: string) => {
          const copy = element.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(`${drop}, .visually-hidden`).forEach((node) => node.remove());
          return copy.textContent ?? "";
        };
        return { older: text("ins"), newer: text("del") };
      });
  await page.goto(`/stories/${slug}/history?from=1&to=2`);
  expect(await sides(".reader-diff-field p:not(.reader-diff-label):not(.reader-diff-gap)")).toEqual({
    older: before,
    newer: after,
  });

  await signedInUser({ page, role: "editor" });
  await page.goto(`/desk/stories/${slug}/compare?from=1&to=2`);
  expect(await sides(".desk-diff-op-changed p")).toEqual({ older: before, newer: after });
});
