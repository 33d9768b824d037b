import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";

import { seedUser, signInByApi, signInByForm, type E2eUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { shootAtBothWidths as shoot } from "./support/screenshots";

test.beforeAll(() => {
  useE2eDatabase();
});

/** A second browser signed in as the same person (another laptop), by its own sign-in. */
async function otherBrowser(browser: Browser, user: E2eUser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  await signInByApi({ request: context.request, email: user.email, password: user.password });
  expect((await context.request.get("/api/v1/me")).status()).toBe(200);
  return context;
}

test("changing your password on the Account page signs out your other browsers and keeps this one", async ({
  page,
  browser,
  baseURL,
}) => {
  const editor = await seedUser({ role: "editor" });
  const laptop = await otherBrowser(browser, editor, baseURL!);
  await signInByForm({ page, email: editor.email, password: editor.password });
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("session-current")).toContainText("This browser");
  await expect(page.getByTestId("session-other")).toHaveCount(1);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shoot(page, "account");

  // Wrong current password: refused with a sentence at the field, nothing changes, nobody is signed out.
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("gull lantern ferry pier");
  await page.getByLabel("New password again").fill("gull lantern ferry pier");
  await page.getByLabel("New password again").press("Enter");
  await expect(page.locator("#account-currentPassword-error")).toHaveText(
    "This is not your current password",
  );
  expect((await laptop.request.get("/api/v1/me")).status()).toBe(200);

  // A common password is refused too.
  await page.getByLabel("Current password").fill(editor.password);
  await page.getByLabel("New password", { exact: true }).fill("passwordpassword");
  await page.getByLabel("New password again").fill("passwordpassword");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#account-newPassword-error")).toContainText("commonly used passwords");

  // Guards issue 23: a keyboard walk passed. Now the estimator's own hint is shown beside the field.
  await page.getByLabel("Current password").fill(editor.password);
  await page.getByLabel("New password", { exact: true }).fill("asdfghjkl;'#");
  await page.getByLabel("New password again").fill("asdfghjkl;'#");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#account-newPassword-error")).toHaveText(
    /^This password is too easy to guess\. Straight rows of keys on your keyboard are easy to guess\./,
  );
  await shoot(page, "account-password-too-easy");
  // Built from the person's own name: refused for them.
  const personal = `${editor.name.replace(/\s+/g, "")}2024!`;
  await page.getByLabel("Current password").fill(editor.password);
  await page.getByLabel("New password", { exact: true }).fill(personal);
  await page.getByLabel("New password again").fill(personal);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#account-newPassword-error")).toContainText("too easy to guess");

  await page.getByLabel("Current password").fill(editor.password);
  await page.getByLabel("New password", { exact: true }).fill("gull lantern ferry pier");
  await page.getByLabel("New password again").fill("gull lantern ferry pier");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Your password is changed. You were signed out of 1 other session."),
  ).toBeVisible();
  expect((await laptop.request.get("/api/v1/me")).status()).toBe(401);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await expect(page.getByTestId("session-other")).toHaveCount(0);
  await laptop.close();

  await page.context().clearCookies();
  await signInByForm({ page, email: editor.email, password: "gull lantern ferry pier" });
  await expect(page).toHaveURL(/\/desk$/);
});

test("sign out everywhere ends every session, and a copied cookie stops working after signing out", async ({
  page,
  browser,
  baseURL,
}) => {
  const contributor = await seedUser({ role: "contributor" });
  await signInByForm({ page, email: contributor.email, password: contributor.password });
  await expect(page).toHaveURL(/\/desk$/);

  // Regression (issue 9.5): sign-out only cleared the cookie, so a copy of it kept working.
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1/);
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
  await thief.close();

  const phone = await otherBrowser(browser, contributor, baseURL!);
  await signInByForm({ page, email: contributor.email, password: contributor.password });
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto("/desk/account");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=everywhere/);
  await expect(page.getByRole("status")).toHaveText("You have signed out everywhere.");
  expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
  await phone.close();
});

test("an admin signs someone out everywhere from People; the person's tokens keep working", async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = await seedUser({ role: "admin" });
  const editor = await seedUser({ role: "editor" });
  const token = await createApiToken({ userId: editor.id, name: "Wire importer", actor: "system" });
  const laptop = await otherBrowser(browser, editor, baseURL!);
  await signInByApi({ request: page.request, email: admin.email, password: admin.password });
  await page.goto("/desk/people");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Sign ${editor.name} out everywhere` }).click();
  await expect(page.getByText("Signed out of 1 session.")).toBeVisible();
  expect((await laptop.request.get("/api/v1/me")).status()).toBe(401);
  expect(
    (await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${token.token}` } })).status(),
  ).toBe(200);
  await laptop.close();
});

test("deactivation revokes tokens and sessions for good: after reactivation both stay dead", async ({
  page,
  browser,
  baseURL,
}) => {
  // Regression (issue 9.7): reactivating a user brought their old token and browser session back.
  const admin = await seedUser({ role: "admin" });
  const editor = await seedUser({ role: "editor" });
  const token = await createApiToken({ userId: editor.id, name: "Old script", actor: "system" });
  const laptop = await otherBrowser(browser, editor, baseURL!);
  await signInByApi({ request: page.request, email: admin.email, password: admin.password });
  await page.goto("/desk/people");
  const row = page.getByTestId(`person-${editor.email}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Deactivate ${editor.name}` }).click();
  await expect(row.getByRole("button", { name: `Reactivate ${editor.name}` })).toBeVisible();
  await row.getByRole("button", { name: `Reactivate ${editor.name}` }).click();
  await expect(row.getByRole("button", { name: `Deactivate ${editor.name}` })).toBeVisible();

  const bearer = { authorization: `Bearer ${token.token}` };
  expect((await page.request.get("/api/v1/me", { headers: bearer })).status()).toBe(401);
  expect((await laptop.request.get("/api/v1/me")).status()).toBe(401);
  await laptop.close();
  const fresh = await otherBrowser(browser, editor, baseURL!);
  await fresh.close();
});

test("admins see and revoke everyone's tokens on the Tokens page; editors see only their own", async ({
  page,
}) => {
  const admin = await seedUser({ role: "admin" });
  const editor = await seedUser({ role: "editor" });
  const made = await createApiToken({
    userId: editor.id,
    name: `CMS sync ${editor.id.slice(0, 4)}`,
    actor: "system",
  });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  await page.goto("/desk/tokens");
  await expect(page.getByRole("heading", { name: "Everyone else’s tokens" })).toHaveCount(0);

  await page.context().clearCookies();
  await signInByApi({ request: page.request, email: admin.email, password: admin.password });
  await page.goto("/desk/tokens");
  const row = page.getByTestId(`everyone-token-CMS sync ${editor.id.slice(0, 4)}`);
  await expect(row).toContainText(editor.name);
  await expect(row).toContainText(editor.email);
  await expect(row).toContainText(`${made.prefix}…`);
  await expect(row).toContainText("Never");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shoot(page, "tokens-everyone");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /^Revoke / }).click();
  await expect(row).toContainText("Revoked");
  expect(
    (await page.request.get("/api/v1/me", { headers: { authorization: `Bearer ${made.token}` } })).status(),
  ).toBe(401);
});

test("a cookie-signed-in browser cannot be made to change things from another site", async ({
  page,
  baseURL,
}) => {
  // Regression (issue 9.9): the JSON API accepted the session cookie with any content type and origin.
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  const slug = `csrf-${editor.id.slice(0, 8)}`;
  const story = { slug, headline: "Forged", body: "Forged body" };
  const form = await page.request.post("/api/v1/stories", {
    headers: { origin: "https://evil.example" },
    form: story,
  });
  expect(form.status()).toBe(403);
  expect(((await form.json()) as { error: { message: string } }).error.message).toContain(
    "This request was refused because it was a form post, not JSON.",
  );
  const crossOrigin = await page.request.post("/api/v1/stories", {
    headers: { origin: "https://evil.example" },
    data: story,
  });
  expect(crossOrigin.status()).toBe(403);
  expect(((await crossOrigin.json()) as { error: { message: string } }).error.message).toContain(
    "it came from https://evil.example, not from this site.",
  );
  const noOrigin = await page.request.post("/api/v1/stories", { data: story });
  expect(noOrigin.status()).toBe(403);
  expect(((await noOrigin.json()) as { error: { message: string } }).error.message).toContain(
    "it had no Origin header",
  );
  expect((await page.request.get(`/api/v1/stories/${slug}`)).status()).toBe(404);

  const sameSite = await page.request.post("/api/v1/stories", { headers: { origin: baseURL! }, data: story });
  expect(sameSite.status()).toBe(201);
});
