import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { saveRevision } from "@/lib/revisions/save-revision";

import { formattedBody } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

/** A made-up place name no other spec writes, so results hold only this test's stories. */
function uniqueName(): string {
  const letters = "bcdfghklmnprstvz";
  const vowels = "aeiou";
  const bytes = randomBytes(6);
  let name = "";
  for (const [index, byte] of bytes.entries()) {
    name += index % 2 === 0 ? letters[byte % letters.length] : vowels[byte % vowels.length];
  }
  return `${name[0]!.toUpperCase()}${name.slice(1)}ville`;
}

/** Presses Tab until `name`'s link has the focus (the keyboard path a person takes); fails if it never does. */
async function tabTo(page: Page, name: string): Promise<void> {
  const link = page.getByRole("link", { name, exact: true });
  await expect(link).toBeVisible();
  for (let presses = 0; presses < 80; presses += 1) {
    if (await link.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the link "${name}"`);
}

test("`/` focuses search from the desk; a phrase finds the story with the words highlighted", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const town = uniqueName();
  const slug = uniqueSlug("pilots");
  await seedStory({
    author: editor,
    slug,
    headline: `Harbour pilots strike in ${town}`,
    body: `The harbour pilots of ${town} walked out at dawn.\n\nShips waited outside the breakwater.`,
  });

  await page.goto("/desk");
  const headerBox = page.getByRole("searchbox", { name: "Search every story" });
  await expect(headerBox).toBeVisible();
  // A `/` typed into a field stays a character there.
  const listSearch = page.getByLabel("Search headline or slug");
  await listSearch.click();
  await page.keyboard.type("a/b");
  await expect(listSearch).toHaveValue("a/b");
  await expect(headerBox).not.toBeFocused();
  await listSearch.blur();

  await page.keyboard.press("/");
  await expect(headerBox).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(headerBox).not.toBeFocused();

  await page.keyboard.press("/");
  await expect(headerBox).toBeFocused();
  await page.keyboard.type(`"pilots of ${town}"`);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/desk\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  const hit = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: `Harbour pilots strike in ${town}`, exact: true }) });
  await expect(hit).toHaveCount(1);
  await expect(
    hit.locator(".desk-search-snippet", { hasText: "walked out at dawn" }).locator("mark").first(),
  ).toBeVisible();
  await expect(hit.locator("mark", { hasText: town }).first()).toBeVisible();
  // On the search page `/` goes to the page's own box.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search every story" })).toBeFocused();
  await expect(page.getByRole("searchbox", { name: "Search every story" })).toHaveValue(
    `"pilots of ${town}"`,
  );

  // A `/` typed in the formatted body editor stays there too (the last step: the edit is left unsaved).
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const body = formattedBody(page);
  await body.getByText("Ships waited outside the breakwater.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" n/a");
  await expect(body).toContainText("breakwater. n/a");
  await expect(page.getByRole("searchbox", { name: "Search every story" })).not.toBeFocused();
});

test("a corrected phrase is gone from current versions, found in all revisions, and its diff opens by keyboard", async ({
  page,
}, testInfo) => {
  const editor = await signedInUser({ page, role: "editor" });
  const town = uniqueName();
  const slug = uniqueSlug("bridge");
  await seedStory({
    author: editor,
    slug,
    headline: `${town} bridge to reopen`,
    body: `Officials said the ${town} bridge would reopen on Tuesday after repairs.`,
  });
  await saveRevision({
    actor: actorOf(editor),
    slug,
    input: {
      baseRevision: 1,
      kind: "correction",
      summary: "The bridge reopens on Thursday",
      note: "An earlier version of this story gave the wrong day for the reopening.",
      body: `Officials said the ${town} bridge would reopen on Thursday after repairs.`,
      publish: true,
    },
  });
  // A second story still says it, so the results show both kinds of hit.
  await seedStory({
    author: editor,
    slug: uniqueSlug("ferry"),
    headline: `Ferry to ${town} runs again`,
    body: `The ferry will run while the ${town} bridge is shut, and it will reopen on Tuesday too.`,
  });

  await page.goto(`/desk/search?q=${encodeURIComponent(`${town} "reopen on Tuesday"`)}`);
  const results = page.locator(".desk-search-results");
  await expect(results.getByRole("link", { name: `Ferry to ${town} runs again`, exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: `${town} bridge to reopen`, exact: true })).toHaveCount(0);

  await page.getByRole("radio", { name: "All revisions" }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/scope=all/);
  const gone = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: `${town} bridge to reopen`, exact: true }) });
  await expect(gone.locator(".desk-search-gone")).toContainText(
    "Held in revision 1 · taken out in revision 2",
  );
  await expect(gone.locator("mark", { hasText: "Tuesday" }).first()).toBeVisible();
  await expect(results.getByRole("link", { name: `Ferry to ${town} runs again`, exact: true })).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(
      serious.map((violation) => violation.id),
      `axe at ${width}px`,
    ).toEqual([]);
  }
  await captureScreens({ page, testInfo, name: "desk-search" });

  await tabTo(page, "See the change that took it out (1 → 2)");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/desk/stories/${slug}/compare\\?from=1&to=2`));
  await expect(page.getByRole("heading", { name: "Revision 1 → revision 2" })).toBeVisible();
  await expect(page.locator("section[aria-label='Body'] del")).toContainText("Tuesday");
});

test("a query search cannot read says what is wrong at the field, and a bad date at its own", async ({
  page,
}) => {
  await signedInUser({ page, role: "contributor" });
  await page.goto("/desk/search");
  const box = page.getByRole("searchbox", { name: "Search every story" });
  await box.fill('"harbour pilots');
  await box.press("Enter");
  await expect(box).toHaveAttribute("aria-invalid", "true");
  const message = page.locator("#search-q-error");
  await expect(message).toContainText(/quote/i);
  await expect(box).toHaveAttribute("aria-describedby", /search-q-error/);

  await page.goto(`/desk/search?q=${"harbour ".repeat(1_250)}`);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(message).toHaveText("The search must be at most 500 characters.");

  await page.goto("/desk/search?q=harbour&from=12/08/2026");
  const from = page.getByLabel("Saved on or after");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#search-from-error")).toHaveText("The date must be a date like 2026-12-08.");
  await expect(from).toHaveValue("12/08/2026");
  await expect(page.getByText(/stack|TypeError|at Object\./)).toHaveCount(0);
});
