import { expect, test, type Page } from "@playwright/test";

import { seedUser, signInByApi } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { captureScreens, uniqueSlug } from "./support/desk-seed";
import { createPublishedStory, publishRevision, seedPublisher, type Publisher } from "./support/public-api";

// Content a newsroom really gets: pasted URLs, a 60-letter compound, a 120-character name, a long email.
const longUrl = `https://records.example.gov/council/2026/minutes/${"transit-strike-reserve-fund-".repeat(6)}final.pdf`;
const longWord = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung";
const longName = `Maximiliana ${"Wolfeschlegelsteinhausenberger".repeat(3)} Ortega`.slice(0, 120);

let publisher: Publisher;

test.beforeAll(async () => {
  useE2eDatabase();
  publisher = await seedPublisher();
});

/** How far the page scrolls sideways at the current width: 0 when nothing sticks out. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectNoSidewaysScroll(page: Page, path: string, width: number) {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(path);
  expect(await sidewaysOverflow(page), `${path} at ${width} px`).toBe(0);
}

// Before: a long URL made the story 533 px wide at 375 px, and a long headline 2,824 px.
test("no reader page scrolls sideways at 320 px with long URLs, unbroken words and long names", async ({
  page,
  request,
}) => {
  const slug = uniqueSlug("long-words");
  await createPublishedStory({
    request,
    publisher,
    story: {
      slug,
      headline: `${longWord}${longWord} strike talks resume`,
      dek: `Read the minutes at ${longUrl}`,
      byline: `By ${longName}`,
      body: [
        `The minutes are at ${longUrl} and [here](${longUrl}).`,
        `${longWord.repeat(3)} said the union.`,
        "| Route | Riders |\n| --- | --- |\n| " + longWord + " | 1,800 |",
      ].join("\n\n"),
      images: [
        {
          url: "/images/harbor-bridge.svg",
          alt: "Bridge",
          caption: `Source: ${longUrl}`,
          credit: `${longName}/Ledger`,
        },
      ],
      credits: [
        { name: longName, role: "byline" },
        { name: `${longName.slice(0, 100)} B`, role: "contributed_reporting", location: longWord },
      ],
    },
  });
  await publishRevision({
    request,
    publisher,
    slug,
    revision: {
      kind: "correction",
      summary: "Fixes the URL",
      note: `An earlier version linked ${longUrl}x.`,
      body: `${longWord.repeat(4)} and ${longUrl}.`,
    },
  });

  for (const path of [
    "/",
    `/stories/${slug}`,
    `/stories/${slug}/history`,
    `/stories/${slug}/history?from=1&to=2`,
    "/corrections",
    "/stories/no-such-story",
  ]) {
    await expectNoSidewaysScroll(page, path, 320);
  }
  // And the text still reads whole: the headline wraps, it is not cut off.
  await page.goto(`/stories/${slug}`);
  const headline = page.getByRole("heading", { level: 1 });
  await expect(headline).toContainText(longWord);
  expect(await headline.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await captureScreens({ page, testInfo: test.info(), name: "long-words-story" });
});

// Before: a 120-character name stretched the People table to 1,680 px at 1,440 px, emails wrapped after 4–5
// letters.
test("desk pages stay within 1280 px and keep emails and actions readable whatever the names", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const admin = await seedUser({ role: "admin", name: longName });
  await seedUser({ role: "editor", name: `${longWord}${longWord}`.slice(0, 120) });
  await signInByApi({ request: page.request, email: admin.email, password: admin.password });
  const slug = uniqueSlug("desk-long");
  await page.request.post("/api/v1/stories", {
    data: {
      slug,
      headline: `${longWord}${longWord}${longWord}`,
      body: `${longUrl}\n\n${longWord.repeat(3)}`,
      credits: [{ name: longName, role: "byline" }],
      publish: true,
    },
  });
  await page.request.post(`/api/v1/stories/${slug}/revisions`, {
    data: { baseRevision: 1, summary: `Adds ${longUrl}`, body: `${longUrl} ${longWord.repeat(4)}` },
  });

  for (const path of [
    "/desk",
    "/desk/people",
    "/desk/tokens",
    "/desk/audit",
    `/desk/stories/${slug}`,
    `/desk/stories/${slug}/history`,
    `/desk/stories/${slug}/compare?from=1&to=2`,
    `/desk/stories/${slug}/revisions/2`,
  ]) {
    await expectNoSidewaysScroll(page, path, 1280);
  }

  await page.goto("/desk/people");
  const table = page.locator(".desk-table");
  const fits = await table.evaluate((element) => ({
    table: element.scrollWidth,
    wrap: element.parentElement?.clientWidth ?? 0,
  }));
  expect(fits.table, "People table inside its frame").toBeLessThanOrEqual(fits.wrap);
  // Every email sits on at most two lines, and every row's actions are on screen.
  for (const row of await page.locator("tbody tr").all()) {
    const email = row.locator(".people-email");
    const lines = await email.evaluate((element) => {
      const style = getComputedStyle(element);
      const range = document.createRange();
      range.selectNodeContents(element);
      return Math.round(range.getBoundingClientRect().height / parseFloat(style.lineHeight || "20"));
    });
    expect(lines, `lines of ${await email.textContent()}`).toBeLessThanOrEqual(2);
    const box = await row.locator(".people-access").boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
  }
  await captureScreens({ page, testInfo: test.info(), name: "desk-people-long-names" });
});
