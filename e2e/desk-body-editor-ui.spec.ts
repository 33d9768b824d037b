import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { wireFixture, wireJpeg } from "@/lib/media/test-photos";

import {
  blockOrder,
  markdownOf,
  openBodyEditor,
  toolButton as pressed,
  seedBodyEditorWriter,
  type BodyEditorWriter,
} from "./support/body-editor-page";
import { useE2eDatabase } from "./support/database";
import { captureScreens, publishFromEditor, seedStory, uniqueSlug } from "./support/desk-seed";

let writer: BodyEditorWriter;

test.beforeAll(async () => {
  useE2eDatabase();
  writer = await seedBodyEditorWriter({ seed: 2112 });
});

const openEditor = (page: Page, options: { body: string }) =>
  openBodyEditor(page, { editor: writer.editor, body: options.body });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

test("a writer formats a story with the keyboard and places a library photo mid-body; the page shows it all in place", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { slug, body, toolbar } = await openEditor(page, { body: "The council met on Monday." });
  await body.click();
  await page.keyboard.press("Control+End");

  // Bold and italic by shortcut; the toolbar says which is on at the cursor.
  await page.keyboard.type(" It voted ");
  await page.keyboard.press("Control+B");
  await expect(pressed(toolbar, "Bold")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("7 to 2");
  await page.keyboard.press("Control+B");
  await expect(pressed(toolbar, "Bold")).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.type(" after a ");
  await page.keyboard.press("Control+I");
  await page.keyboard.type("long");
  await expect(pressed(toolbar, "Italic")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Control+I");
  await page.keyboard.type(" night.");

  // "## " starts a subhead, "- " and "1. " start lists: the StarterKit input rules.
  await page.keyboard.press("Enter");
  await page.keyboard.type("## What changes");
  await expect(pressed(toolbar, "Subhead")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await expect(pressed(toolbar, "Subhead")).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.type("- Bus fares rise");
  await expect(pressed(toolbar, "Bulleted list")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Parks stay open");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(pressed(toolbar, "Bulleted list")).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.type("1. Libraries");
  await expect(pressed(toolbar, "Numbered list")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Roads");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  // A link by Ctrl+K on the selected words; a javascript: address is refused in the dialog, with why.
  await page.keyboard.type("Read the budget.");
  await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < 6; i += 1) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Control+K");
  const linkDialog = page.getByRole("dialog", { name: "Add a link" });
  await expect(linkDialog.getByLabel("Text (optional)")).toHaveValue("budget");
  await linkDialog.getByLabel("Address").fill("javascript:alert(document.cookie)");
  await linkDialog.getByLabel("Address").press("Enter");
  await expect(linkDialog.getByRole("alert")).toHaveText(
    "Links can only go to web pages (http:// or https://) or email addresses (mailto:); this address would be dropped from the story.",
  );
  await linkDialog.getByLabel("Address").fill("example.com/budget-2027");
  await linkDialog.getByLabel("Address").press("Enter");
  await expect(linkDialog).toBeHidden();
  await expect(body.getByRole("link", { name: "budget" })).toHaveAttribute(
    "href",
    "https://example.com/budget-2027",
  );
  await expect(pressed(toolbar, "Link")).toHaveAttribute("aria-pressed", "true");

  // Ctrl+K on the link edits it: the address is there, and it can be removed.
  await page.keyboard.press("Control+K");
  const editDialog = page.getByRole("dialog", { name: "Edit link" });
  await expect(editDialog.getByLabel("Address")).toHaveValue("https://example.com/budget-2027");
  await editDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(editDialog).toBeHidden();
  await expect(body).toBeFocused();

  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("> We did what we could.");
  await expect(pressed(toolbar, "Quote")).toHaveAttribute("aria-pressed", "true");

  // A library photo placed after the subhead's list: cursor at the start of "Libraries", Photo, pick it.
  await body.getByText("Libraries").click();
  await page.keyboard.press("Home");
  await pressed(toolbar, "Photo").click();
  const photoDialog = page.getByRole("dialog", { name: "Place a photo in the body" });
  await photoDialog.getByLabel("Search the photo library").fill(writer.photo.credit.split(" ")[0] ?? "");
  await photoDialog.getByLabel("Search the photo library").press("Enter");
  await photoDialog.locator(`img[src*="${writer.photo.id}"]`).first().click();
  await expect(photoDialog).toBeHidden();
  const card = body.locator(`figure[data-photo-id="${writer.photo.id}"]`);
  await expect(card.getByLabel("Alt text (required to publish)")).toBeFocused();
  await expect(card.getByText("Needed before this story can be published.")).toBeVisible();
  await expect(card.getByLabel("Caption")).toHaveValue(writer.photo.caption);
  await page.keyboard.type("Councillors raise their hands in the chamber");
  await card.getByLabel("Caption").fill("The vote, just after midnight.");
  await card.getByLabel("Credit").fill("Ana Lens / Copydesk");
  await expect(card.getByText("Needed before this story can be published.")).toBeHidden();

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await seriousViolations(page), `editor at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await captureScreens({ page, testInfo, name: "desk-body-editor" });

  // Stored as a careful writer would type it.
  expect(await markdownOf(page)).toBe(
    [
      "The council met on Monday. It voted **7 to 2** after a *long* night.",
      "## What changes",
      "- Bus fares rise\n- Parks stay open",
      `::photo{id="${writer.photo.id}" alt="Councillors raise their hands in the chamber" caption="The vote, just after midnight." credit="Ana Lens / Copydesk"}`,
      "1. Libraries\n2. Roads",
      "Read the [budget](https://example.com/budget-2027).",
      "> We did what we could.",
    ].join("\n\n"),
  );

  await page.getByLabel("Summary").fill("Vote result, what changes, photo");
  await publishFromEditor({ page });
  await expect(page.getByText("Published revision 2. Readers see it now.")).toBeVisible();

  const reader = await page.context().newPage();
  await reader.goto(`/stories/${slug}`);
  const article = reader.locator(".story-body");
  await expect(article.locator("strong")).toHaveText("7 to 2");
  await expect(article.locator("em")).toHaveText("long");
  await expect(article.getByRole("heading", { name: "What changes" })).toBeVisible();
  await expect(article.locator("ul > li")).toHaveText(["Bus fares rise", "Parks stay open"]);
  await expect(article.locator("ol > li")).toHaveText(["Libraries", "Roads"]);
  await expect(article.getByRole("link", { name: "budget" })).toHaveAttribute(
    "href",
    "https://example.com/budget-2027",
  );
  await expect(article.locator("blockquote")).toHaveText("We did what we could.");
  // The placed photo stands where it was put: after the bulleted list, before the numbered one.
  const figure = article.locator(":scope > figure.story-figure");
  await expect(figure).toHaveCount(1);
  await expect(figure.locator("xpath=preceding-sibling::*[1]")).toHaveText(/Bus fares rise/);
  await expect(figure.locator("xpath=following-sibling::*[1]")).toHaveText(/Libraries/);
  await expect(figure.locator("img")).toHaveAttribute("alt", "Councillors raise their hands in the chamber");
  await expect(figure.locator(".story-figure-caption")).toHaveText("The vote, just after midnight.");
  await expect(figure.locator(".story-figure-credit")).toHaveText("Ana Lens / Copydesk");
});

test("an image file dropped into the text is uploaded and placed where it fell, caption and credit read from the file", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { body } = await openEditor(page, { body: "One.\n\nTwo.\n\nThree." });
  // The caret is elsewhere: the drop point decides.
  await body.getByText("One.").click();
  const bytes = (await wireJpeg({ seed: 4242, width: 900, height: 600 })).toString("base64");
  const dataTransfer = await page.evaluateHandle((base64) => {
    const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], "AP_26099.jpg", { type: "image/jpeg" }));
    return transfer;
  }, bytes);
  const three = body.getByText("Three.");
  const box = await three.boundingBox();
  if (!box) throw new Error("the paragraph is not on screen");
  await three.dispatchEvent("drop", { dataTransfer, clientX: box.x + 1, clientY: box.y + box.height / 2 });
  const card = body.locator("figure[data-photo-id]");
  await expect(card.getByLabel("Caption")).toHaveValue(wireFixture.caption, { timeout: 60_000 });
  await expect(card.getByLabel("Credit")).toHaveValue("Evgeniy Maloletka / AP");
  await expect(card.getByLabel("Alt text (required to publish)")).toBeFocused();
  await expect(card.getByLabel("Alt text (required to publish)")).toHaveValue("");
  expect(await blockOrder(body)).toEqual(["One.", "Two.", "photo", "Three."]);
});

test("a refused body points at its place: Show me selects the invisible character in the text and in the Markdown", async ({
  page,
}) => {
  const { body } = await openEditor(page, {
    body: "The mayor said the plan works.\n\nA second paragraph follows.",
  });
  await body.getByText("A second paragraph").click();
  await page.keyboard.press("End");
  await page.keyboard.insertText("\u000B");
  await page.keyboard.type(" More.");
  await page.getByRole("button", { name: "Save draft" }).click();
  const problem = "contains an invisible control character (U+000B) at character 60; delete it and try again";
  await expect(page.locator("#story-body-error")).toContainText(problem);
  // Marked at once; Show me puts the caret (selection) on it.
  await expect(body.locator(".desk-body-error-mark")).toHaveCount(1);
  await page.getByRole("button", { name: "Show me" }).click();
  await expect(body).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("\u000B");

  await page.getByRole("button", { name: "Markdown", exact: true }).click();
  await page.getByRole("button", { name: "Show me" }).click();
  const text = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(text).toBeFocused();
  expect(
    await text.evaluate((element: HTMLTextAreaElement) => [element.selectionStart, element.selectionEnd]),
  ).toEqual([59, 60]);
  await page.getByRole("button", { name: "Formatted", exact: true }).click();
});

test("no one signed out reaches the body editor", async ({ page }) => {
  const slug = uniqueSlug("body-editor-anon");
  await seedStory({ author: writer.editor, slug, headline: "Closed door", body: "Private draft." });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("toolbar", { name: "Body formatting" })).toHaveCount(0);
  await expect(page.locator("[contenteditable='true']")).toHaveCount(0);
});
