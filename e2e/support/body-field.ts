import type { Locator, Page } from "@playwright/test";

/*
 * The story body has two views: formatted (a rich-text editor) and Markdown (a textarea over the stored
 * text). Specs that set or read exact Markdown use the Markdown view; the choice sticks for the browser
 * context, as it does for an editor.
 */

/** The body's Markdown textarea, switching to the Markdown view first when the formatted one shows. */
export async function bodyMarkdown(page: Page): Promise<Locator> {
  const view = page.getByRole("group", { name: "Editing view" }).getByRole("button", { name: "Markdown" });
  if ((await view.getAttribute("aria-pressed")) !== "true") await view.click();
  return page.getByRole("textbox", { name: "Body", exact: true });
}

/** Replaces the whole body with `markdown`, typed into the Markdown view. */
export async function fillBodyMarkdown(page: Page, markdown: string): Promise<void> {
  await (await bodyMarkdown(page)).fill(markdown);
}

/** The body's formatted view (the contenteditable named "Body"). */
export function formattedBody(page: Page): Locator {
  return page.locator(".desk-body-editor[role='textbox']");
}
