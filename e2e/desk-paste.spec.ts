import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { getRevision } from "@/lib/revisions/get-revision";

import type { E2eUser } from "./support/auth";
import { bodyMarkdown, formattedBody } from "./support/body-field";
import { useE2eDatabase } from "./support/database";
import { actorOf, publishFromEditor, seedStory, signedInUser, uniqueSlug } from "./support/desk-seed";

/*
 * Reporters paste from Google Docs, Word and web pages into the formatted body. Each test pastes a saved
 * clipboard (lib/body-markdown/paste-fixtures) the way the browser delivers it, a `paste` event carrying
 * text/html and text/plain, saves, and reads what was stored and what the preview shows.
 */

test.beforeAll(() => {
  useE2eDatabase();
});

const fixtureFolder = path.join(import.meta.dirname, "..", "lib", "body-markdown", "paste-fixtures");
const fixture = (name: string) => readFileSync(path.join(fixtureFolder, name), "utf8");

/** Replaces the whole body with a paste of `clipboard`, dispatched as the browser dispatches one. */
async function pasteIntoBody(page: Page, clipboard: { html?: string; text: string }): Promise<void> {
  const body = formattedBody(page);
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await body.evaluate((element, data) => {
    const transfer = new DataTransfer();
    if (data.html !== undefined) transfer.setData("text/html", data.html);
    transfer.setData("text/plain", data.text);
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, clipboard);
}

/** Opens a fresh story, pastes, saves a draft; returns the stored body. */
async function pasteAndSave(options: {
  page: Page;
  editor: E2eUser;
  clipboard: { html?: string; text: string };
}): Promise<{ slug: string; stored: string }> {
  const { page, editor } = options;
  const slug = uniqueSlug("paste");
  await seedStory({ author: editor, slug, headline: "Pasted story", body: "Placeholder words." });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  await pasteIntoBody(page, options.clipboard);
  await expect(formattedBody(page)).not.toContainText("Placeholder words.");
  await page.getByLabel("Summary").fill("Pasted copy");
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Draft saved as revision 2.")).toBeVisible();
  const revision = await getRevision({ actor: actorOf(editor), slug, number: 2 });
  // The Markdown view shows the editor exactly what was stored.
  await expect(await bodyMarkdown(page)).toHaveValue(revision.content.body);
  return { slug, stored: revision.content.body };
}

function preview(page: Page): Locator {
  return page.locator(".desk-preview");
}

test("a Google Docs paste is stored as the Markdown a writer would type, and readers see its formatting", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const { slug, stored } = await pasteAndSave({
    page,
    editor,
    clipboard: { html: fixture("google-docs.html"), text: "Council approves the budget" },
  });
  expect(stored).toBe(
    [
      "## Council approves the budget",
      "The city council voted **7 to 2** on Tuesday to approve a *revised* budget, according to " +
        "[the meeting minutes](https://example.gov/minutes/2026-12-01).",
      "> “We heard the residents,” said Councillor Ana Ruiz.",
      "### What changes",
      "- Libraries open on Sundays\n  - Starting in March\n- Bus fares stay at $2.50",
      "The vote in numbers:",
      "1. Seven in favour\n2. Two against",
    ].join("\n\n"),
  );

  await page.getByLabel("Summary").fill("Adds the budget story");
  await publishFromEditor({ page });
  await expect(page.getByText(/^Published revision \d+\./)).toBeVisible();
  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  const article = reader.locator("article");
  await expect(article.getByRole("heading", { name: "Council approves the budget" })).toBeVisible();
  await expect(article.locator("strong")).toHaveText(["7 to 2"]);
  await expect(article.locator("em")).toHaveText(["revised"]);
  await expect(article.getByRole("link", { name: "the meeting minutes" })).toHaveAttribute(
    "href",
    "https://example.gov/minutes/2026-12-01",
  );
  await expect(article.locator("blockquote")).toHaveText(/We heard the residents/);
  await expect(article.locator("ul ul li")).toHaveText(["Starting in March"]);
  await expect(article.locator("ol > li")).toHaveText(["Seven in favour", "Two against"]);
});

test("a Word paste keeps its lists, takes tracked changes as accepted, drops comments, and saves despite U+000B", async ({
  page,
}) => {
  const editor = await signedInUser({ page, role: "editor" });
  const { stored } = await pasteAndSave({
    page,
    editor,
    clipboard: { html: fixture("word-desktop-windows.html"), text: "Flood warning extended" },
  });
  expect(stored).toContain("## Flood warning extended");
  expect(stored).toContain("The river crested at 4 a.m. 10\u00A0km north of the city.");
  expect(stored).toContain("Shelter: Lincoln High School\\\n1200 Oak Street");
  expect(stored).toContain("- Sandbags at the **fire station**\n  - Bring a shovel\n- Water at the library");
  expect(stored).toContain("1. Move valuables upstairs\n   1. Photos and papers first\n2. Turn off the gas");
  expect(stored).not.toMatch(/on Monday|\[JD1\]|Check the crest|mso-|<o:p>|\u000B/);

  await expect(preview(page).locator("ul ul li")).toHaveText(["Bring a shovel"]);
  await expect(preview(page).locator("ol ol li")).toHaveText(["Photos and papers first"]);
  await expect(preview(page).getByRole("link", { name: "National Weather Service" })).toBeVisible();
});

test("a Word for the web paste arrives as one list per kind, not one list per item", async ({ page }) => {
  const editor = await signedInUser({ page, role: "editor" });
  const { stored } = await pasteAndSave({
    page,
    editor,
    clipboard: { html: fixture("word-web.html"), text: "School board names new superintendent" },
  });
  expect(stored).toBe(
    [
      "## School board names new superintendent",
      "The board voted **unanimously** on Monday to hire *Dr. Maya Chen*, according to the " +
        "[board’s statement](https://schools.example.org/news/superintendent).\\\nHer first day is Jan. 5.",
      "- Three-year contract\n  - Renewable once\n- Salary: $245,000",
      "Next steps:",
      "1. Public forum on Dec. 10\n2. Swearing-in on Jan. 5",
    ].join("\n\n"),
  );
  await expect(preview(page).locator("ul")).toHaveCount(2); // the list and its nested list
  await expect(preview(page).locator("ol")).toHaveCount(1);
});

test("a web page paste keeps the article and none of the page's scripts, handlers or unsafe links", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const editor = await signedInUser({ page, role: "editor" });
  const { stored } = await pasteAndSave({
    page,
    editor,
    clipboard: { html: fixture("news-web-page.html"), text: "The state transit agency said Thursday" },
  });
  expect(stored).toContain("The **state transit agency** said Thursday that it will *delay* the opening");
  expect(stored).toContain("[send us a tip](mailto:tips@news.example.com)");
  expect(stored).toContain("Read the full timeline, download the agency's letter, see our FAQ or");
  expect(stored).toContain("| Airport  | **Not set** |");
  expect(stored).not.toMatch(/javascript:|data:|<script|onclick|onerror|\/news\/local|Related|Share|©/i);
  await expect(preview(page).locator("table td")).toHaveText(["Downtown", "June 2027", "Airport", "Not set"]);
  await expect(preview(page).locator("img, script, iframe")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("plain text pastes one paragraph per line, and Markdown or HTML in it stays text", async ({ page }) => {
  const editor = await signedInUser({ page, role: "editor" });
  const { stored } = await pasteAndSave({ page, editor, clipboard: { text: fixture("plain-text.txt") } });
  expect(stored).toBe(
    [
      "Plain text fixture: what a text editor, an email client or a chat app puts on the clipboard.",
      "The mayor said the plan would be announced Friday.",
      "Critics called it \\*\\*rushed\\*\\* and posted \\<script>alert(1)\\</script> as a joke.",
      "A line after two blank ones.",
      "Shelter: City Hall\\\n100 Main Street",
    ].join("\n\n"),
  );
  await expect(preview(page).locator(".story-body > p")).toHaveCount(5);
  await expect(preview(page).getByText("Critics called it **rushed** and posted <script>")).toBeVisible();
  await expect(preview(page).locator(".story-body strong")).toHaveCount(0);
});
