import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";

import { getDb } from "@/lib/db/client";
import { createStory } from "@/lib/revisions/create-story";

import { seedUser, signInByForm } from "./support/auth";
import { openOwnE2eDatabase, useE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { shootAtBothWidths } from "./support/screenshots";

/** A code from the authenticator app, as the phone would show it `offsetSeconds` from now. */
function codeFor(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

/**
 * Sets up an authenticator app on the Account page, reading the key shown on screen as a person would type it
 * into their app. Returns the key and the recovery codes shown once.
 */
async function setUpAuthenticatorApp(page: Page, options: { shoot?: boolean } = {}) {
  await page.goto("/desk/account#second-factor");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (options.shoot) await shootAtBothWidths(page, "account-authenticator-qr");
  await page.getByLabel("Type the 6-digit code the app shows").fill(await codeFor(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("Your authenticator app is set up.")).toBeVisible();
  const list = page.getByTestId("recovery-codes");
  await expect(list.locator("code")).toHaveCount(10);
  const recoveryCodes = await list.locator("code").allTextContents();
  if (options.shoot) await shootAtBothWidths(page, "account-recovery-codes");
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("totp-status")).toContainText("On");
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1/);
}

async function passwordStep(page: Page, user: { email: string; password: string }) {
  await signInByForm({ page, email: user.email, password: user.password });
  await expect(
    page.getByRole("heading", { name: "Enter the code from your authenticator app" }),
  ).toBeVisible();
}

test.describe("second factor on the shared server (policy off)", () => {
  test.beforeAll(() => {
    useE2eDatabase();
  });

  test("an authenticator app: set up, sign in with a code, a reused code refused, a recovery code used once", async ({
    page,
  }) => {
    const editor = await seedUser({ role: "editor" });
    await signInByForm({ page, email: editor.email, password: editor.password });
    await expect(page).toHaveURL(/\/desk$/);
    const { secret, recoveryCodes } = await setUpAuthenticatorApp(page, { shoot: true });

    // Password, then the code; Enter in the code field submits.
    await signOut(page);
    await passwordStep(page, editor);
    await shootAtBothWidths(page, "sign-in-second-step");
    const code = await codeFor(secret, 30);
    const codeField = page.getByLabel("6-digit code");
    await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
    await expect(codeField).toHaveAttribute("inputmode", "numeric");
    await codeField.fill(code);
    await codeField.press("Enter");
    await expect(page).toHaveURL(/\/desk$/);
    const signIn = await getDb().authEvent.findFirstOrThrow({
      where: { userId: editor.id, kind: "sign_in" },
      orderBy: { at: "desc" },
    });
    expect(signIn.detail).toMatchObject({ methods: ["password", "totp"] });

    // The same code again, still within its window: refused as used.
    await signOut(page);
    await passwordStep(page, editor);
    await page.getByLabel("6-digit code").fill(code);
    await page.getByLabel("6-digit code").press("Enter");
    await expect(page.locator(".auth-alert")).toHaveText(
      "That code has already been used. Wait for the next one.",
    );
    await page.getByLabel("6-digit code").fill("12a");
    await page.getByLabel("6-digit code").press("Enter");
    await expect(page.locator(".auth-alert")).toHaveText("Enter the 6-digit code from your app.");

    // A recovery code instead; it works once.
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
    await page.getByLabel("Recovery code").press("Enter");
    await expect(page).toHaveURL(/\/desk$/);
    await page.goto("/desk/account");
    await expect(page.getByTestId("recovery-code-count")).toContainText("9 of 10 unused");
    await signOut(page);
    await passwordStep(page, editor);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
    await page.getByLabel("Recovery code").press("Enter");
    await expect(page.locator(".auth-alert")).toHaveText(
      "That recovery code has already been used. Each code works once; use another one.",
    );
    expect(await getDb().authEvent.count({ where: { userId: editor.id, kind: "recovery_code_used" } })).toBe(
      1,
    );

    // Never a dead end: "Start again" goes back to the password.
    await page.getByRole("button", { name: "Start again" }).click();
    await expect(page.getByLabel("Password")).toBeVisible();
  });

  test("an expired second step says so and returns to the password", async ({ page }) => {
    const contributor = await seedUser({ role: "contributor" });
    await signInByForm({ page, email: contributor.email, password: contributor.password });
    await expect(page).toHaveURL(/\/desk$/);
    const { secret } = await setUpAuthenticatorApp(page);
    await signOut(page);
    await passwordStep(page, contributor);
    await getDb().signInChallenge.updateMany({
      where: { userId: contributor.id, consumedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await page.getByLabel("6-digit code").fill(await codeFor(secret, 30));
    await page.getByLabel("6-digit code").press("Enter");
    await expect(page.locator(".auth-alert")).toContainText("That sign-in took too long");
    await expect(page.getByLabel("Password")).toBeVisible();
  });
});

/*
 * A server of its own, on a database of its own, whose policy is the new installation's default (admins and
 * editors must use a second factor): the shared server turns it off for every other spec.
 */
test("the policy by role: an editor without a factor can only set one up; an admin's reset ends their session", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { databaseUrl, drop } = await openOwnE2eDatabase({ prefix: "factors", keepSecondFactorPolicy: true });
  const server = await startOwnServer({ databaseUrl });
  try {
    const admin = await seedUser({ role: "admin" });
    const editor = await seedUser({ role: "editor" });
    const slug = `factor-${randomBytes(3).toString("hex")}`;
    await createStory({
      actor: { userId: editor.id, email: editor.email, name: editor.name, role: editor.role, via: "session" },
      input: {
        slug,
        headline: "Council approves the budget",
        body: "The vote was close.",
        credits: [],
        publish: false,
      },
    });

    // The admin, required too, lands on the set-up first.
    const adminContext = await browser.newContext({ baseURL: server.baseUrl });
    const adminPage = await adminContext.newPage();
    await signInByForm({ page: adminPage, email: admin.email, password: admin.password });
    await expect(adminPage).toHaveURL(/\/desk\/account/);
    await setUpAuthenticatorApp(adminPage);
    await adminPage.goto("/desk/people");
    const policy = adminPage.getByRole("group", { name: "Second factor required for" });
    await expect(policy.getByRole("checkbox", { name: "Editors" })).toBeChecked();
    await policy.getByRole("checkbox", { name: "Contributors" }).check();
    await adminPage.getByRole("button", { name: "Save", exact: true }).click();
    await expect(
      adminPage.getByText("A second factor is now required of admins, editors and contributors."),
    ).toBeVisible();
    await shootAtBothWidths(adminPage, "people-second-factor-policy");
    const change = await getDb().authEvent.findFirstOrThrow({ where: { kind: "security_policy_changed" } });
    expect(change.actorId).toBe(admin.id);

    // The editor signs in with a password alone and gets only the Account page.
    const editorContext = await browser.newContext({ baseURL: server.baseUrl });
    const editorPage = await editorContext.newPage();
    await signInByForm({ page: editorPage, email: editor.email, password: editor.password });
    await expect(editorPage).toHaveURL(/\/desk\/account#second-factor$/);
    await expect(editorPage.getByTestId("second-factor-required")).toBeVisible();
    await editorPage.goto(`/desk/stories/${slug}`);
    await expect(editorPage).toHaveURL(/\/desk\/account#second-factor$/);
    await expect(editorPage.getByRole("link", { name: "Stories" })).toHaveCount(0);

    // Once the app is set up, the same session opens the desk.
    await setUpAuthenticatorApp(editorPage);
    await expect(editorPage.getByTestId("second-factor-required")).toHaveCount(0);
    await editorPage.goto(`/desk/stories/${slug}`);
    await expect(editorPage.getByRole("textbox", { name: /headline/i })).toHaveValue(
      "Council approves the budget",
    );

    // The admin resets the editor's factors: their session ends at once.
    adminPage.once("dialog", (dialog) => void dialog.accept());
    await adminPage.goto("/desk/people");
    await adminPage.getByRole("button", { name: `Reset second factors of ${editor.name}` }).click();
    await expect(adminPage.getByText(`${editor.name}'s second factors are removed`)).toBeVisible();
    await editorPage.reload();
    await expect(editorPage).toHaveURL(/\/signin/);
    expect(await getDb().totpFactor.count({ where: { userId: editor.id } })).toBe(0);
    const reset = await getDb().authEvent.findFirstOrThrow({
      where: { kind: "factors_reset", userId: editor.id },
    });
    expect(reset.actorId).toBe(admin.id);
    await adminContext.close();
    await editorContext.close();
  } finally {
    await server.stop();
    await drop();
  }
});
