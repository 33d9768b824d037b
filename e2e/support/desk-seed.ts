import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";

import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/db/generated/enums";
import { createStory } from "@/lib/revisions/create-story";

import { seedUser, signInByApi, type E2eUser } from "./auth";

/** The actor a seeded user's session carries, for calling services directly. */
export function actorOf(user: E2eUser): Actor {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

/** A user of `role`, signed in in this page's browser context. */
export async function signedInUser(options: { page: Page; role: Role; name?: string }): Promise<E2eUser> {
  const user = await seedUser({ role: options.role, name: options.name });
  await signInByApi({ request: options.page.request, email: user.email, password: user.password });
  return user;
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A story with revision 1 made through the revision service, as another part of the newsroom would. */
export async function seedStory(options: {
  author: E2eUser;
  slug: string;
  headline: string;
  body: string;
  publish?: boolean;
}) {
  return createStory({
    actor: actorOf(options.author),
    input: {
      slug: options.slug,
      headline: options.headline,
      body: options.body,
      credits: [{ name: options.author.name, role: "byline" }],
      publish: options.publish ?? true,
    },
  });
}

/** Screenshots at desktop and phone width, attached to the test and kept in artifacts/screenshots. */
export async function captureScreens(options: {
  page: Page;
  testInfo: TestInfo;
  name: string;
}): Promise<void> {
  const { page, testInfo, name } = options;
  const original = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // Let layout settle at the new width before capturing.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const body = await page.screenshot({
      fullPage: true,
      path: `artifacts/screenshots/${name}-${width}.png`,
    });
    await testInfo.attach(`${name}-${width}`, { body, contentType: "image/png" });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Publishes from the edit screen as an editor does: the publish button, then "Publish now" in its
 * confirmation.
 */
export async function publishFromEditor(options: { page: Page; label?: RegExp }): Promise<void> {
  const { page } = options;
  await page.getByRole("button", { name: options.label ?? /^Publish (update|story)…$/ }).click();
  const dialog = page.getByRole("dialog", { name: /^Publish this (change|story)\?$/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Publish now" }).click();
}

/**
 * The edit screen in a browser context of its own, signed in as `user`, once React has taken over the form.
 */
export async function openEditorAs(options: {
  browser: Browser;
  user: E2eUser;
  slug: string;
}): Promise<Page> {
  const context = await options.browser.newContext();
  await signInByApi({ request: context.request, email: options.user.email, password: options.user.password });
  const page = await context.newPage();
  await page.goto(`/desk/stories/${options.slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  return page;
}
