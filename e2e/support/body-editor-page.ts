import { expect, type Locator, type Page } from "@playwright/test";

import { ingestPhoto } from "@/lib/media/ingest-photo";
import { wireJpeg } from "@/lib/media/test-photos";

import { seedUser, signInByApi, type E2eUser } from "./auth";
import { actorOf, seedStory, uniqueSlug } from "./desk-seed";

/*
 * The body editor's page as its specs meet it: an editor with a photo already in the library, a story opened
 * on the edit screen, the toolbar's buttons by name, and the stored Markdown read through the Markdown view.
 */

export type BodyEditorWriter = { editor: E2eUser; photo: { id: string; credit: string; caption: string } };

/** An editor, and a photo already in the library, as one uploaded earlier in the day (photos.spec.ts covers the upload). */
export async function seedBodyEditorWriter(options: { seed: number }): Promise<BodyEditorWriter> {
  const editor = await seedUser({ role: "editor" });
  const ingested = await ingestPhoto({
    actor: actorOf(editor),
    bytes: await wireJpeg({ seed: options.seed, width: 1200, height: 800 }),
  });
  return { editor, photo: ingested.photo };
}

/** A fresh story with `body`, open on the edit screen for `editor`. */
export async function openBodyEditor(page: Page, options: { editor: E2eUser; body: string }) {
  const { editor } = options;
  const slug = uniqueSlug("body-editor");
  await seedStory({ author: editor, slug, headline: "Council passes the budget", body: options.body });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  const toolbar = page.getByRole("toolbar", { name: "Body formatting" });
  return { slug, body, toolbar };
}

export const toolButton = (toolbar: Locator, name: string) =>
  toolbar.getByRole("button", { name, exact: true });

/** The body's Markdown as stored, read in the Markdown view (then back to the formatted one). */
export async function markdownOf(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Markdown", exact: true }).click();
  const text = page.getByRole("textbox", { name: "Body", exact: true });
  const value = await text.inputValue();
  await page.getByRole("button", { name: "Formatted", exact: true }).click();
  return value;
}

/** The top-level blocks of the formatted body in order: their text, or "photo" for a placed photo. */
export function blockOrder(body: Locator): Promise<(string | null)[]> {
  return body
    .locator(":scope > *")
    .evaluateAll((nodes) =>
      nodes.map((node) => (node.matches("figure, :has(figure)") ? "photo" : node.textContent)),
    );
}
