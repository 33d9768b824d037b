import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

import { ingestPhoto } from "@/lib/media/ingest-photo";
import { wireJpeg } from "@/lib/media/test-photos";

import { seedUser, signInByApi, type E2eUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { actorOf, captureScreens, publishFromEditor, seedStory, uniqueSlug } from "./support/desk-seed";

let editor: E2eUser;
let photo: { id: string; credit: string; caption: string };

test.beforeAll(async () => {
  useE2eDatabase();
  editor = await seedUser({ role: "editor", name: "Wanda Writer" });
  // A photo already in the library, as one uploaded earlier in the day (photos.spec.ts covers the upload).
  const ingested = await ingestPhoto({
    actor: actorOf(editor),
    bytes: await wireJpeg({ seed: 2112, width: 1200, height: 800 }),
  });
  photo = ingested.photo;
});

async function openEditor(page: Page, options: { body: string }) {
  const slug = uniqueSlug("body-editor");
  await seedStory({ author: editor, slug, headline: "Council passes the budget", body: options.body });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  const toolbar = page.getByRole("toolbar", { name: "Body formatting" });
  return { slug, body, toolbar };
}

const pressed = (toolbar: Locator, name: string) => toolbar.getByRole("button", { name, exact: true });

async function markdownOf(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Markdown", exact: true }).click();
  const text = page.getByRole("textbox", { name: "Body", exact: true });
  const value = await text.inputValue();
  await page.getByRole("button", { name: "Formatted", exact: true }).click();
  return value;
}

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
  await expect(body.getByRole("link", { name: "budget" })).toHaveAttribute("href", "https://example.com/budget-2027");
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
  await photoDialog.getByLabel("Search the photo library").fill(photo.credit.split(" ")[0] ?? "");
  await photoDialog.getByLabel("Search the photo library").press("Enter");
  await photoDialog.locator(`img[src*="${photo.id}"]`).first().click();
  await expect(photoDialog).toBeHidden();
  const card = body.locator(`figure[data-photo-id="${photo.id}"]`);
  await expect(card.getByLabel("Alt text (required to publish)")).toBeFocused();
  await expect(card.getByText("Needed before this story can be published.")).toBeVisible();
  await expect(card.getByLabel("Caption")).toHaveValue(photo.caption);
  await page.keyboard.type("Councillors raise their hands in the chamber");
  await card.getByLabel("Caption").fill("The vote, just after midnight.");
  await card.getByLabel("Credit").fill("Ana Lens / Copydesk");
  await expect(card.getByText("Needed before this story can be published.")).toBeHidden();

  await captureScreens({ page, testInfo, name: "desk-body-editor" });

  // Stored as a careful writer would type it.
  expect(await markdownOf(page)).toBe(
    [
      "The council met on Monday. It voted **7 to 2** after a *long* night.",
      "## What changes",
      "- Bus fares rise\n- Parks stay open",
      `::photo{id="${photo.id}" alt="Councillors raise their hands in the chamber" caption="The vote, just after midnight." credit="Ana Lens / Copydesk"}`,
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
});
