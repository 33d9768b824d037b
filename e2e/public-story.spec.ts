import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { useE2eDatabase } from "./support/database";
import {
  createPublishedStory,
  publishRevision,
  seedPublisher,
  unpublish,
  type Publisher,
} from "./support/public-api";

const paragraphs = [
  "A barge struck a pier of the Harbor Bridge early Wednesday, and the city closed the span in both directions while engineers inspect it.",
  "No injuries were reported. The Coast Guard said the barge lost power about 4:30 a.m.",
  "## What commuters should know",
  "The tunnel will stay open around the clock. Buses on Route 12 are being diverted.",
];
const body = (...extra: string[]) => [...paragraphs, ...extra].join("\n\n");
const correctionNote =
  "An earlier version of this story misstated when the barge lost power. It was about 3:30 a.m., not 4:30 a.m.";

let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

function storyDetails(slug: string) {
  return {
    slug,
    headline: "Harbor Bridge closed after barge strikes pier",
    dek: "Engineers are inspecting the span; commuters are urged to use the tunnel.",
    byline: "By Maria Lopez and Sam Chen",
    developing: true,
    body: body(),
    images: [
      {
        url: "/images/harbor-bridge.svg",
        alt: "The Harbor Bridge at dawn with a barge beside a pier",
        caption: "A barge rests against a pier of the Harbor Bridge on Wednesday.",
        credit: "Ana Ruiz/Copydesk Photo",
      },
    ],
    credits: [
      { name: "Maria Lopez", role: "byline" },
      { name: "Sam Chen", role: "byline" },
      { name: "Priya Nair", role: "contributed_reporting", location: "Albany" },
      { name: "Tom Becker", role: "contributed_reporting", location: "Washington" },
      { name: "Lee Park", role: "contributed_reporting" },
      { name: "Dana Fox", role: "editing" },
    ],
  };
}

/** The visible time line's instant, and the same instant in the metadata. */
async function timeLineOf(page: Page) {
  const time = page.locator(".story-timeline time");
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  ) as Record<string, unknown>;
  return {
    label: ((await page.locator(".story-timeline").textContent()) ?? "").split(" ")[0],
    datetime: await time.getAttribute("datetime"),
    title: await time.getAttribute("title"),
    modifiedMeta: await page.locator('meta[property="article:modified_time"]').getAttribute("content"),
    jsonLd,
  };
}

function trackCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(String(error)));
  return violations;
}

test("a developing story through an update, a correction, a minor fix and a later update", async ({
  page,
  request,
}) => {
  const slug = `harbor-bridge-${Date.now()}`;
  const violations = trackCspViolations(page);
  const created = await createPublishedStory({ request, publisher, story: storyDetails(slug) });

  const response = await page.goto(`/stories/${slug}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Harbor Bridge closed after barge strikes pier",
  );
  await expect(page.locator(".story-byline")).toHaveText("By Maria Lopez and Sam Chen");
  await expect(page.getByText("This is a developing story. It may be updated.")).toBeVisible();
  await expect(page.locator("figure figcaption")).toContainText("A barge rests against a pier");
  await expect(page.locator("figure figcaption")).toContainText("Ana Ruiz/Copydesk Photo");
  await expect(page.locator(".story-credit-line").first()).toHaveText(
    "Priya Nair contributed reporting from Albany and Tom Becker from Washington. Lee Park also contributed reporting.",
  );
  await expect(page.locator(".story-credit-line").nth(1)).toHaveText("Editing by Dana Fox.");
  await expect(page.locator(".story-copyright")).toContainText("©");
  let line = await timeLineOf(page);
  expect(line.label).toBe("Published");
  expect(line.datetime).toBe(created.story.firstPublishedAt);
  expect(line.jsonLd.dateModified).toBe(created.story.firstPublishedAt);

  // 1. A material update moves "Updated".
  const update = await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "update",
      summary: "Adds the reopening estimate",
      body: body("The bridge could reopen by Friday, the commissioner said."),
    },
  });
  await page.goto(`/stories/${slug}`);
  await expect(page.getByText("The bridge could reopen by Friday")).toBeVisible();
  line = await timeLineOf(page);
  expect(line.label).toBe("Updated");
  expect(line.datetime).toBe(update.story.lastMaterialUpdateAt);
  expect(line.modifiedMeta).toBe(update.story.lastMaterialUpdateAt);
  expect(line.jsonLd.dateModified).toBe(update.story.lastMaterialUpdateAt);
  expect(line.title).toMatch(/^Published /);

  // 2. A correction: its note shows, "Updated" moves again.
  const correctedBody = body("The bridge could reopen by Friday, the commissioner said.").replace(
    "4:30 a.m.",
    "3:30 a.m.",
  );
  const correction = await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "correction", summary: "Fixes the time", note: correctionNote, body: correctedBody },
  });
  await page.goto(`/stories/${slug}`);
  await expect(page.locator(".story-notes")).toContainText(`Correction: ${correctionNote}`);
  line = await timeLineOf(page);
  expect(line.datetime).toBe(correction.story.lastMaterialUpdateAt);

  // 3. A minor fix changes the text but not the reader's "Updated" time.
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "minor", headline: "Harbor Bridge closed after a barge strikes a pier" },
  });
  await page.goto(`/stories/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Harbor Bridge closed after a barge strikes a pier",
  );
  line = await timeLineOf(page);
  expect(line.datetime).toBe(correction.story.lastMaterialUpdateAt);
  expect(line.jsonLd.dateModified).toBe(correction.story.lastMaterialUpdateAt);

  // 4. A later update never drops the earlier correction.
  const later = await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "update",
      summary: "Adds the mayor's comment",
      body: `${correctedBody}\n\nThe mayor said the city would pay for ferry service.`,
      developing: false,
    },
  });
  await page.goto(`/stories/${slug}`);
  await expect(page.locator(".story-notes")).toContainText(`Correction: ${correctionNote}`);
  await expect(page.getByText("This is a developing story.")).toHaveCount(0);
  line = await timeLineOf(page);
  expect(line.datetime).toBe(later.story.lastMaterialUpdateAt);
  expect(line.jsonLd).toMatchObject({
    "@type": "NewsArticle",
    headline: "Harbor Bridge closed after a barge strikes a pier",
    datePublished: created.story.firstPublishedAt,
    dateModified: later.story.lastMaterialUpdateAt,
    author: [
      { "@type": "Person", name: "Maria Lopez" },
      { "@type": "Person", name: "Sam Chen" },
    ],
    correction: [
      {
        "@type": "CorrectionComment",
        text: correctionNote,
        datePublished: correction.story.lastMaterialUpdateAt,
      },
    ],
  });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    new RegExp(`/stories/${slug}$`),
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "Harbor Bridge closed after a barge strikes a pier",
  );

  // The change log: every published version newest first; the minor fix is listed (it just moves no
  // "Updated").
  await page.goto(`/stories/${slug}/history`);
  const entries = page.locator(".reader-log-item");
  await expect(entries).toHaveCount(5);
  await expect(entries.nth(0)).toContainText("Adds the mayor's comment");
  await expect(entries.nth(1)).toContainText("Minor fix");
  await expect(entries.nth(2)).toContainText(`Correction: ${correctionNote}`);
  await expect(entries.nth(3)).toContainText("Adds the reopening estimate");
  await expect(entries.nth(4)).toContainText("First published");
  await expect(page.locator(".reader-diff ins")).toContainText([
    "The mayor said the city would pay for ferry service.",
  ]);
  // Compare the correction with the update before it: the fixed time shows as deleted and inserted words.
  await page.getByLabel("Earlier version").selectOption(String(update.revision!.number));
  await page.getByLabel("Later version").selectOption(String(correction.revision!.number));
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.locator(".reader-diff del").first()).toHaveText("4");
  await expect(page.locator(".reader-diff ins").first()).toHaveText("3");
  expect((await request.get(`/stories/${slug}/history?from=abc`)).status()).toBe(400);

  // The story feed: one entry per published version.
  const feed = await request.get(`/stories/${slug}/feed.xml`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const feedXml = await feed.text();
  expect(feedXml.match(/<entry>/g)).toHaveLength(5);
  expect(feedXml).toContain(`<updated>${later.story.lastMaterialUpdateAt}</updated>`);
  expect(feedXml).toContain("Adds the mayor's comment");
  const siteFeed = await (await request.get("/feed.xml")).text();
  expect(siteFeed).toContain(`/stories/${slug}</id>`);

  // The front page lists it with its "Updated" time.
  await page.goto("/");
  const item = page.locator(".reader-index-item", {
    hasText: "Harbor Bridge closed after a barge strikes a pier",
  });
  await expect(item).toContainText("Updated");
  await expect(item.locator("time")).toHaveAttribute("datetime", later.story.lastMaterialUpdateAt!);
  expect(violations).toEqual([]);
});

test("unknown, draft-only and unpublished stories get a real 404 page", async ({ page, request }) => {
  const missing = await page.goto("/stories/no-such-story-here");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that story");
  expect((await request.get("/stories/no-such-story-here/history")).status()).toBe(404);
  expect((await request.get("/stories/no-such-story-here/feed.xml")).status()).toBe(404);
  expect((await request.get("/stories/Not%20A%20Slug")).status()).toBe(404);

  const slug = `taken-down-${Date.now()}`;
  await createPublishedStory({ request, publisher, story: { ...storyDetails(slug), publish: true } });
  expect((await request.get(`/stories/${slug}`)).status()).toBe(200);
  await unpublish({ request, publisher, slug });
  const gone = await page.goto(`/stories/${slug}`);
  expect(gone?.status()).toBe(404);
  expect(await (await request.get("/")).text()).not.toContain(slug);

  const draft = `draft-only-${Date.now()}`;
  await createPublishedStory({ request, publisher, story: { ...storyDetails(draft), publish: false } });
  expect((await request.get(`/stories/${draft}`)).status()).toBe(404);
});

test("an open page learns within 30 seconds that the story was updated, and loads it in one click", async ({
  page,
  request,
}) => {
  const slug = `open-page-${Date.now()}`;
  await createPublishedStory({ request, publisher, story: storyDetails(slug) });
  await page.goto(`/stories/${slug}`);
  await expect(page.getByRole("status")).toBeEmpty();
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "update",
      summary: "New detail",
      body: body("Divers found no damage below the waterline."),
    },
  });
  const notice = page.getByRole("status");
  await expect(notice).toContainText("This story has been updated", { timeout: 30_000 });
  await notice.getByRole("link", { name: "Load the latest version" }).click();
  await expect(page.getByText("Divers found no damage below the waterline.")).toBeVisible();
  await expect(page.getByRole("status")).toBeEmpty();
});

test("script, event handlers and javascript: links in a story stay inert text", async ({ page, request }) => {
  const slug = `xss-${Date.now()}`;
  const evil = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations = trackCspViolations(page);
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: `Headline ${evil}`,
      dek: evil,
      byline: `By ${evil}`,
      body: `${evil}\n\n[click me](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) <iframe src="https://example.com"></iframe> <b style="color:red" onclick="alert(1)">bold</b>`,
      images: [{ url: "/images/harbor-bridge.svg", alt: evil, caption: evil, credit: evil }],
      credits: [{ name: `Reporter ${evil}`, role: "contributed_reporting", location: evil }],
    },
  });
  await page.goto(`/stories/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__pwned = 1</script>");
  await expect(page.locator(".story-credit-line")).toContainText(
    `Reporter ${evil} contributed reporting from ${evil}.`,
  );
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(
    await page
      .locator("script")
      .evaluateAll((scripts) =>
        scripts.map((script) => script.getAttribute("src") ?? script.getAttribute("type")),
      ),
  ).toEqual(["application/ld+json", "/reader.js"]);
  expect(await page.locator("iframe, [style], [onclick], [onerror]").count()).toBe(0);
  const hrefs = await page
    .locator(".story-body a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs.filter((href) => href !== null && /^\s*(javascript|data):/i.test(href))).toEqual([]);
  // Without a safe href the link is plain text: clicking it goes nowhere and runs nothing.
  await page.locator(".story-body a", { hasText: "click me" }).click();
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});

test("public pages have no serious or critical accessibility violations, on desktop and phone", async ({
  page,
  request,
}) => {
  const slug = `axe-${Date.now()}`;
  await createPublishedStory({ request, publisher, story: storyDetails(slug) });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "correction",
      summary: "Fixes the time",
      note: correctionNote,
      body: body().replace("4:30", "3:30"),
    },
  });
  const paths = {
    index: "/",
    story: `/stories/${slug}`,
    history: `/stories/${slug}/history`,
    notfound: "/stories/no-such-story-here",
  };
  for (const viewport of [
    { name: "desktop", width: 1280, height: 900 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const [name, path] of Object.entries(paths)) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter(
        (violation) => violation.impact === "serious" || violation.impact === "critical",
      );
      expect(serious.map((violation) => `${path}: ${violation.id} ${violation.help}`)).toEqual([]);
      // Regression: the change log's version pickers once made phone pages scroll sideways.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        `${path} fits ${viewport.name}`,
      ).toBe(true);
      await page.screenshot({
        path: `artifacts/screenshots/public-${name}-${viewport.name}.png`,
        fullPage: true,
      });
    }
  }
});
