import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { saveRevision } from "@/lib/revisions/save-revision";

import { seedUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";
import { createPublishedStory, publishRevision, seedPublisher, type Publisher } from "./support/public-api";

// Issue 18 (7, 8, 10, 11) and issue 19.7: where a person meets them, in the desk, the reader page and feed
// readers.

let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

type ShownEntry = { title: string; summary: string; content: string; markup: string[] };

/**
 * What a feed reader shows for each entry: the XML parsed by the browser's XML parser, then each
 * `type="html"` element's text parsed as HTML (as a reader renders it) and read back as text, with any
 * element but the paragraphs and bold labels the feed is allowed to send reported as markup.
 */
async function feedAsShown(page: Page, xml: string): Promise<ShownEntry[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0)
      throw new Error(`not well-formed XML: ${source.slice(0, 300)}`);
    const markup: string[] = [];
    const shown = (element: Element | undefined): string => {
      if (!element) return "";
      if (element.getAttribute("type") !== "html") return element.textContent ?? "";
      const html = new DOMParser().parseFromString(element.textContent ?? "", "text/html");
      for (const node of html.body.querySelectorAll("*"))
        if (!["P", "STRONG"].includes(node.tagName)) markup.push(node.outerHTML);
      return html.body.textContent ?? "";
    };
    return [...doc.getElementsByTagName("entry")].map((entry) => {
      markup.length = 0;
      const child = (name: string) => entry.getElementsByTagName(name)[0];
      return {
        title: shown(child("title")),
        summary: shown(child("summary")),
        content: shown(child("content")),
        markup: [...markup],
      };
    });
  }, xml);
}

// Regression (issue 19.7, 18.7): feeds sent headlines, deks and notes as live HTML ("<img onerror>" ran, "5 <
// 6" was garbled), and a minor fix's entry said "First published <its own time>".
test("every feed shows headlines, deks and notes as the text on the page, and labels each entry truthfully", async ({
  page,
  request,
}) => {
  const slug = uniqueSlug("feed-text");
  const headline = `"><img src=x onerror=alert(2)> Turnout: 5 < 6 & rising ]]> ]]> again`;
  const dek = "<b>Not bold</b> — polls close at 8 & results follow";
  const note = "An earlier version said 5 > 6. <script>alert(3)</script>";
  await createPublishedStory({
    request,
    publisher,
    story: { slug, headline, dek, body: "Polls opened at 7 a.m." },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "correction", summary: "Fixes <i>the</i> count", note, body: "Polls opened at 6 a.m." },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: { kind: "minor", body: "Polls opened at 6 a.m. sharp." },
  });

  await page.goto("/corrections");
  const site = (await feedAsShown(page, await (await request.get("/feed.xml")).text())).find(
    (entry) => entry.title === headline,
  );
  expect(site, "the story in /feed.xml, its headline shown exactly").toBeDefined();
  expect(site).toMatchObject({ summary: dek, markup: [] });

  const corrections = await feedAsShown(page, await (await request.get("/corrections/feed.xml")).text());
  expect(corrections.find((entry) => entry.title === `Correction: ${headline}`)).toMatchObject({
    summary: note,
    markup: [],
  });

  const story = await feedAsShown(page, await (await request.get(`/stories/${slug}/feed.xml`)).text());
  expect(
    story.map((entry) => entry.title.replace(/ [A-Z][a-z]+ \d+, \d{4} at .*? ET: /, " <time>: ")),
  ).toEqual([
    `Minor fix <time>: ${headline}`,
    `Correction <time>: ${headline}`,
    `Published <time>: ${headline}`,
  ]);
  expect(
    story.map((entry) => entry.summary.replace(/ [A-Z][a-z]+ \d+, \d{4} at .*? ET\./, " <time>.")),
  ).toEqual(["Minor fix <time>.", "Fixes <i>the</i> count", "First published <time>."]);
  expect(story[1]?.content).toBe(`Fixes <i>the</i> countCorrection: ${note}`);
  expect(story.flatMap((entry) => entry.markup)).toEqual([]);
});

// Regression (issue 18.8): "Since you last looked (revision 1), 1 revision was saved" counted your own save.
test("'Since you last looked' counts what others saved, never your own saves", async ({ page }) => {
  const me = await signedInUser({ page, role: "editor" });
  const colleague = await seedUser({ role: "editor" });
  const slug = uniqueSlug("looked");
  await seedStory({
    author: me,
    slug,
    headline: "Ferry timetable changes",
    body: "First paragraph.",
    publish: false,
  });

  const seen = (number: number) =>
    page.waitForResponse(
      (response) =>
        response.url().endsWith(`/desk/stories/${slug}/presence`) &&
        response.request().postData()?.includes(`"seenRevisionNumber":${number}`) === true,
    );
  await Promise.all([seen(1), page.goto(`/desk/stories/${slug}`)]);
  await page.goto("/desk");
  // Saved by me elsewhere (another tab, the API): not news to me.
  await saveRevision({
    actor: actorOf(me),
    slug,
    input: { baseRevision: 1, summary: "Mine", body: "First paragraph, by Rosa." },
  });
  await Promise.all([seen(2), page.goto(`/desk/stories/${slug}`)]);
  await expect(page.getByLabel("Headline")).toHaveValue("Ferry timetable changes");
  await expect(page.getByText(/Since you last looked/)).toHaveCount(0);

  await page.goto("/desk");
  await saveRevision({
    actor: actorOf(colleague),
    slug,
    input: { baseRevision: 2, summary: "Omar's", body: "First paragraph, by Omar." },
  });
  await saveRevision({
    actor: actorOf(me),
    slug,
    input: { baseRevision: 3, summary: "Mine again", body: "First paragraph, by Rosa again." },
  });
  await page.goto(`/desk/stories/${slug}`);
  await expect(
    page.getByText("Since you last looked (revision 2), 1 revision was saved by others."),
  ).toBeVisible();
});

// Regression (issue 18.11): a story never saved read "New story — not saved yet · All changes saved".
test("a new story's status line never says its changes are saved", async ({ page }) => {
  await signedInUser({ page, role: "editor" });
  await page.goto("/desk/stories/new");
  const status = page.locator(".desk-presence");
  await expect(status).toContainText("New story — not saved yet.");
  await expect(status).not.toContainText("All changes saved");
  await page.getByLabel("Headline").fill("Council backs the night bus");
  await expect(status).toContainText("Unsaved changes (kept in this browser)");
  await expect(status).not.toContainText("All changes saved");
});

// Regression (issue 18.10): automatic slugs were cut mid-word and turned apostrophes into hyphens.
test("the automatic slug keeps whole words and folds apostrophes", async ({ page }) => {
  await signedInUser({ page, role: "editor" });
  await page.goto("/desk/stories/new");
  await page
    .getByLabel("Headline")
    .fill(
      "Russia’s pipeline deal: what the new agreement means for Europe’s winter and the end of the price cap",
    );
  await expect(page.getByLabel("Slug")).toHaveValue(
    "russias-pipeline-deal-what-the-new-agreement-means-for-europes-winter-and-the",
  );
});

/** Words of these elements' text that the layout splits over two lines ("NEWE / ST"). */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((cells) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(cells)) {
      if (cell.getBoundingClientRect().width <= 1) continue; // visually hidden (the stacked phone table's header)
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, selector);
}

// Regression (issue 18.10): the story list's headers broke mid-word at 1280 px ("NEWE ST", "LIV E", "Desk
// Administrat or").
test("the story list never breaks a header or a name inside a word, at 1280 and 390 px", async ({ page }) => {
  // Names are unique per account: the reported name, made unique by a last word.
  const admin = await signedInUser({
    page,
    role: "admin",
    name: `Desk Administrator ${uniqueSlug("n").slice(2)}`,
  });
  const slug = uniqueSlug("list-words");
  await seedStory({
    author: admin,
    slug,
    headline: "Harbor Bridge reopens to traffic after a week of repairs to the damaged pier and its fenders",
    body: "Text.",
  });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/desk");
    await expect(page.getByRole("link", { name: /Harbor Bridge reopens/ }).first()).toBeVisible();
    expect(
      await brokenWords(page, ".desk-table thead th, .desk-table tbody td:not(.desk-table-headline)"),
      `at ${width} px`,
    ).toEqual([]);
  }
  await captureScreens({ page, testInfo: test.info(), name: "edges-story-list" });
});

/**
 * The focused element is visible where a person types: the topmost element at its centre (at its first line,
 * for a field taller than that) is itself or inside it.
 */
async function focusCovered(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement)) return null;
    const box = focused.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + Math.min(box.height / 2, 16));
    const visible =
      top !== null &&
      (top === focused || focused.contains(top) || top.closest("label")?.htmlFor === focused.id);
    return visible
      ? null
      : `${focused.tagName.toLowerCase()}#${focused.id || focused.getAttribute("aria-label") || focused.textContent?.trim().slice(0, 30)} under ${top?.closest("[class]")?.className ?? "nothing"}`;
  });
}

// Regression (issue 18.10): keyboard focus landed on fields hidden under the sticky Publish/Save bar (15
// stops in one pass).
test("tabbing through the editor never puts focus under the sticky Publish/Save bar, at 1280 and 390 px", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("focus-bar");
  await seedStory({
    author: editor,
    slug,
    headline: "Storm closes schools",
    body: "Schools are closed.\n\nBuses are not running.",
  });
  await mkdir("artifacts/screenshots", { recursive: true });
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`/desk/stories/${slug}`);
    await page.getByRole("button", { name: "+ Add credit" }).click();
    await page.getByLabel("Headline").focus();
    const covered: string[] = [];
    let stops = 0;
    while (stops < 120) {
      await page.keyboard.press("Tab");
      stops += 1;
      if (await page.evaluate(() => document.activeElement?.closest(".desk-editor-actions") !== null)) break;
      const problem = await focusCovered(page);
      if (problem) covered.push(problem);
      // A look at the place where focus used to vanish: the last credit row, just above the bar.
      if (
        await page.evaluate(
          () => document.activeElement?.closest(".desk-credit-row:last-child .desk-credit-actions") !== null,
        )
      ) {
        await page.screenshot({ path: `artifacts/screenshots/edges-editor-focus-bottom-${width}.png` });
      }
    }
    expect(covered, `focus stops under the bar at ${width} px`).toEqual([]);
    expect(stops, "reached the bar").toBeLessThan(120);
  }
});

// Regression (issue 18.10): the credit role select was too narrow for its choice ("Contributed r").
test("a credit's role shows its whole name, at 1280 and 390 px", async ({ page }) => {
  const editor = await signedInUser({ page, role: "editor" });
  const slug = uniqueSlug("credit-role");
  await seedStory({ author: editor, slug, headline: "Credits", body: "Text." });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/desk/stories/${slug}`);
    const role = page.getByLabel("Role").first();
    await role.selectOption({ label: "Contributed reporting" });
    const fit = await role.evaluate((select) => {
      // The width the select needs for its longest choice: a copy of it at max-content, beside it.
      const copy = select.cloneNode(true) as HTMLSelectElement;
      copy.style.width = "max-content";
      copy.style.maxWidth = "none";
      select.parentElement!.appendChild(copy);
      const needed = copy.getBoundingClientRect().width;
      copy.remove();
      return { needed: Math.ceil(needed), has: Math.ceil(select.getBoundingClientRect().width) };
    });
    expect(fit.has, `role select at ${width} px`).toBeGreaterThanOrEqual(fit.needed);
  }
});

const credit = "Ana Ruiz/Copydesk Photo";

async function publishBridgeStory(request: APIRequestContext, slug: string) {
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: "Harbor Bridge closed after barge strikes pier",
      byline: "By Maria Lopez",
      body: "A barge struck a pier early Wednesday.\n\n## What commuters should know\n\nThe tunnel stays open.",
      images: [
        {
          url: "/images/harbor-bridge.svg",
          alt: "The Harbor Bridge at dawn",
          caption: "The bridge on Wednesday.",
          credit,
        },
      ],
    },
  });
}

// Regression (issue 18.10): the body's "## Subhead" was an h3 straight after the headline's h1 (axe
// heading-order).
test("a story's subheads follow its headline in order", async ({ page, request }) => {
  const slug = uniqueSlug("subheads");
  await publishBridgeStory(request, slug);
  await page.goto(`/stories/${slug}`);
  await expect(page.getByRole("heading", { level: 2, name: "What commuters should know" })).toBeVisible();
  expect((await new AxeBuilder({ page }).withRules(["heading-order"]).analyze()).violations).toEqual([]);
});

// Regression (issue 18.10): the reader's "updated" bar could not be dismissed and, on a phone, covered the
// lead photo's credit.
test("the reader's updated notice covers nothing and is dismissed by keyboard for that version", async ({
  page,
  request,
}) => {
  const slug = uniqueSlug("updated-bar");
  await publishBridgeStory(request, slug);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/stories/${slug}`);

  const poll = async () => {
    const answered = page.waitForResponse((response) => response.url().endsWith(`/stories/${slug}/version`));
    // The reader script checks at once when the page becomes visible again; no need to wait out its 15 s
    // poll.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await answered;
  };
  const notice = page.locator(".reader-notice");
  // Until the server's cache has heard of the publication, a check may still answer the version on screen.
  const noticed = () =>
    expect(async () => {
      await poll();
      await expect(notice).toContainText("This story has been updated.", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "update",
      summary: "Adds the reopening time",
      body: "A barge struck a pier early Wednesday.\n\n## What commuters should know\n\nThe tunnel stays open. The bridge reopens Friday.",
    },
  });
  await noticed();

  // Nothing under it: the lead photo's credit, brought to the bottom of the phone's screen, is what is there.
  const creditLine = page.getByText(credit, { exact: true }).first();
  await creditLine.evaluate((element) => element.scrollIntoView({ block: "end" }));
  expect(
    await creditLine.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return top !== null && (top === element || element.contains(top));
    }),
  ).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureScreens({ page, testInfo: test.info(), name: "edges-story-updated-notice" });
  await page.setViewportSize({ width: 390, height: 844 });

  // Dismissed from the keyboard, and it stays dismissed for this version.
  await notice.getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  await expect(notice).toHaveCount(0);
  await poll();
  await expect(notice).toHaveCount(0);

  // A later version is news again.
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "update",
      summary: "Adds the detour",
      body: "A barge struck a pier early Wednesday.\n\n## What commuters should know\n\nThe tunnel stays open. The bridge reopens Friday. Buses detour.",
    },
  });
  await noticed();
  await notice.getByRole("link", { name: "Load the latest version" }).click();
  await expect(page.getByText("Buses detour.")).toBeVisible();
  await expect(notice).toHaveCount(0);
});
