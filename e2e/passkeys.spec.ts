import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";

import { seedUser, signInByForm, type E2eUser } from "./support/auth";
import { openOwnE2eDatabase, useE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { shootAtBothWidths as shoot } from "./support/screenshots";
import { addVirtualAuthenticator } from "./support/virtual-authenticator";

/*
 * Passkeys in a real Chromium with its virtual authenticator. Browsers refuse WebAuthn on an IP address, so
 * these tests run a server of their own whose configured address is http://localhost:<port> (the shared e2e
 * server is configured as 127.0.0.1), on a database of their own.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

let desk: string;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let dropDatabase: () => Promise<void>;

test.beforeAll(async () => {
  useE2eDatabase();
  const own = await openOwnE2eDatabase({ prefix: "passkeys" });
  dropDatabase = own.drop;
  // As an admin would on an existing newsroom: no role must use a second factor (the policy has its own tests).
  await getDb().securityPolicy.update({ where: { id: 1 }, data: { secondFactorRoles: [] } });
  const port = await findFreePort();
  desk = `http://localhost:${port}`;
  server = await startOwnServer({ databaseUrl: own.databaseUrl, port, env: { NEXTAUTH_URL: desk } });
});

test.afterAll(async () => {
  await server?.stop();
  await dropDatabase?.();
});

async function deskPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: desk });
  return context.newPage();
}

async function addPasskeyOnAccountPage(page: Page, user: E2eUser): Promise<void> {
  await signInByForm({ page, email: user.email, password: user.password });
  await expect(page).toHaveURL(/\/desk/);
  await page.goto("/desk/account");
  const section = page.getByRole("region", { name: "Passkeys" });
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
  await expect(section.getByLabel("Name of the new passkey")).toHaveValue(/^Passkey on Chrome/);
  await section.getByRole("button", { name: "Add a passkey" }).click();
  // The first factor brings ten recovery codes, shown once before the list comes back.
  await expect(section.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await section.getByRole("button", { name: "I have saved them" }).click();
  await expect(section.getByTestId("passkey")).toHaveCount(1);
}

test("a passkey added on the Account page signs in alone, and its use is shown", async ({ browser }) => {
  const editor = await seedUser({ role: "editor" });
  const page = await deskPage(browser);
  const authenticator = await addVirtualAuthenticator(page);
  await addPasskeyOnAccountPage(page, editor);
  const section = page.getByRole("region", { name: "Passkeys" });
  await expect(section.getByTestId("passkey")).toContainText("not used yet");
  const [credential] = await authenticator.credentials();
  expect(credential?.isResidentCredential).toBe(true);

  await section.getByRole("button", { name: /^Rename / }).click();
  await section.getByLabel(/^New name for/).fill("Newsroom laptop");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByTestId("passkey")).toContainText("Newsroom laptop");
  expect((await new AxeBuilder({ page }).include("#passkeys").analyze()).violations).toEqual([]);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/desk/);
  await page.goto("/desk/account");
  await expect(page.getByText(`Signed in as ${editor.name}`)).toBeVisible();
  await expect(section.getByTestId("passkey")).toContainText("last used");
  await shoot(page, "account-passkeys");

  const events = await getDb().authEvent.findMany({
    where: { userId: editor.id, method: "passkey" },
    orderBy: { id: "asc" },
    select: { kind: true },
  });
  expect(events.map((event) => event.kind)).toEqual(["factor_added", "sign_in"]);
});

test("a password and then a passkey sign in as the second step", async ({ browser }) => {
  const editor = await seedUser({ role: "editor" });
  const page = await deskPage(browser);
  await addVirtualAuthenticator(page);
  await addPasskeyOnAccountPage(page, editor);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signInByForm({ page, email: editor.email, password: editor.password });
  // The password alone no longer opens a session: the second step asks for the passkey, first, since the
  // person has no authenticator app (regression: it led with a recovery-code field).
  const usePasskey = page.getByRole("button", { name: "Use your passkey" });
  await expect(page.getByRole("heading", { name: "Confirm it’s you with your passkey" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Recovery code" })).toHaveCount(0);
  // The first step's words no longer show (regression: "Use the email and password…" stayed above the step).
  await expect(page.getByText("Use the email and password your newsroom admin gave you.")).toBeHidden();
  await expect(usePasskey).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
  await shoot(page, "signin-second-step-passkey");
  await usePasskey.click();
  await expect(page).toHaveURL(/\/desk/);
  await expect(page.getByRole("link", { name: "Account" })).toBeVisible();

  const signIns = await getDb().authEvent.findMany({
    where: { userId: editor.id, kind: "sign_in" },
    orderBy: { id: "asc" },
    select: { method: true, detail: true },
  });
  expect(signIns.at(-1)).toMatchObject({ method: "passkey", detail: { methods: ["password", "passkey"] } });
});

test("a removed passkey no longer signs in, and says so", async ({ browser }) => {
  const contributor = await seedUser({ role: "contributor" });
  const page = await deskPage(browser);
  await addVirtualAuthenticator(page);
  await addPasskeyOnAccountPage(page, contributor);
  const section = page.getByRole("region", { name: "Passkeys" });
  page.once("dialog", (dialog) => void dialog.accept());
  await section.getByRole("button", { name: /^Remove / }).click();
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();

  // The browser still holds the passkey; the desk no longer knows it.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.locator(".auth-alert")).toHaveText(/This passkey is not registered on this desk/);
  await expect(page).toHaveURL(/\/signin/);
});

test("a closed passkey prompt is explained, and the password form still works", async ({ browser }) => {
  const page = await deskPage(browser);
  // An authenticator holding no passkey for this desk: the browser ends the prompt with NotAllowedError,
  // exactly as when a person closes it.
  await addVirtualAuthenticator(page);
  await page.goto("/signin");
  await shoot(page, "signin-passkey");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.locator(".auth-alert")).toHaveText(/The passkey prompt was closed or timed out/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("adding a passkey needs a session, and the sign-in prompt only this site", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: desk });
  const options = await anonymous.post("/desk/account/passkeys/options", {
    headers: { Origin: desk, "Content-Type": "application/json" },
    data: {},
  });
  expect(options.status()).toBe(401);
  const add = await anonymous.post("/desk/account/passkeys", {
    headers: { Origin: desk },
    data: { name: "Mine", response: {} },
  });
  expect(add.status()).toBe(401);
  const crossSite = await anonymous.post("/api/sign-in/passkey-options", {
    headers: { Origin: "https://elsewhere.example" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
  const sameSite = await anonymous.post("/api/sign-in/passkey-options", {
    headers: { Origin: desk },
    data: {},
  });
  expect(sameSite.status()).toBe(200);
  expect(sameSite.headers()["set-cookie"]).toContain("copydesk-sign-in=");
  await anonymous.dispose();
});
