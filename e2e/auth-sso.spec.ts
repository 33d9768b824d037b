import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { createUser, deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import {
  startTestOpenIdProvider,
  type IdTokenTamper,
  type TestIdentity,
  type TestOpenIdProvider,
} from "@/lib/testing/test-openid-provider";

import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { shootAtBothWidths } from "./support/screenshots";

// Single sign-on against a real OpenID Provider (oidc-provider) started here, with three Copydesk servers of
// this spec's own on one database of its own: people made on first sign-in with roles from groups (auto),
// invited people only (invited), and password sign-in kept for a break-glass admin (break_glass).
type Server = Awaited<ReturnType<typeof startOwnServer>>;
let idp: TestOpenIdProvider;
let auto: Server;
let invited: Server;
let breakGlass: Server;
let dropDatabase: () => Promise<void>;
const breakGlassAdmin = {
  email: `root-${randomBytes(3).toString("hex")}@example.org`,
  password: "glass box key 4471 door",
};

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const { databaseUrl, drop } = await openOwnE2eDatabase({ prefix: "sso" });
  dropDatabase = drop;
  const ports = [await findFreePort(), await findFreePort(), await findFreePort()];
  idp = await startTestOpenIdProvider({
    redirectUris: ports.map((port) => `http://127.0.0.1:${port}/api/auth/callback/oidc`),
  });
  const oidc = {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_DISPLAY_NAME: "Okta",
    OIDC_ALLOWED_DOMAINS: "example.org",
    OIDC_SCOPES: "openid email profile groups",
  };
  [auto, invited, breakGlass] = await Promise.all([
    startOwnServer({
      databaseUrl,
      port: ports[0],
      env: {
        ...oidc,
        OIDC_PROVISIONING: "auto",
        OIDC_ROLE_MAP: "copydesk-admins:admin,copydesk-editors:editor,copydesk-writers:contributor",
      },
    }),
    startOwnServer({ databaseUrl, port: ports[1], env: { ...oidc, OIDC_PROVISIONING: "invited" } }),
    startOwnServer({
      databaseUrl,
      port: ports[2],
      env: {
        ...oidc,
        OIDC_PROVISIONING: "invited",
        PASSWORD_SIGN_IN: "break_glass",
        BREAK_GLASS_EMAILS: breakGlassAdmin.email,
      },
    }),
  ]);
  await createUser({ ...breakGlassAdmin, name: "Break-glass Admin", role: "admin", actor: "system" });
});

test.afterAll(async () => {
  await Promise.all([auto?.stop(), invited?.stop(), breakGlass?.stop()]);
  await idp?.stop();
  await dropDatabase?.();
});

/** A person at the IdP with a unique login and address (at example.org unless the test says otherwise). */
function identity(
  overrides: Partial<TestIdentity> = {},
): TestIdentity & { login: string; email: string; name: string } {
  const login = `p${randomBytes(4).toString("hex")}`;
  const person = {
    email: `${login}@example.org`,
    email_verified: true as unknown,
    name: `Reporter ${login}`,
    groups: ["copydesk-editors"],
    ...overrides,
  } as TestIdentity & { email: string; name: string };
  idp.setAccount(login, person);
  return { login, ...person };
}

/** A fresh browser (no session anywhere) that clicks "Sign in with Okta" and signs in at the IdP. */
async function signInThroughIdp(options: { browser: Browser; server: Server; login: string }): Promise<Page> {
  const context = await options.browser.newContext({ baseURL: options.server.baseUrl });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await page.locator('input[name="login"]').fill(options.login);
  await page.locator('input[name="password"]').fill("the IdP's own password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  return page;
}

async function expectRefusedOnSignInPage(page: Page, sentence: string | RegExp): Promise<void> {
  await expect(page.locator("p.auth-alert")).toHaveText(sentence);
  expect(new URL(page.url()).pathname).toBe("/signin");
}

async function ssoRefusals(email: string | undefined) {
  return getDb().authEvent.findMany({ where: { kind: "sso_refused", email }, select: { detail: true } });
}

test("first sign-in makes the person with the role their group maps to, audited, and they reach the desk", async ({
  browser,
}) => {
  const person = identity({ groups: ["copydesk-writers", "copydesk-editors"] });
  const page = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator(".desk-user")).toContainText(`${person.name} · Editor`);
  const user = await getDb().user.findUniqueOrThrow({
    where: { email: person.email },
    include: { ssoIdentities: true, sessions: true },
  });
  expect(user.role).toBe("editor");
  expect(user.ssoIdentities).toMatchObject([{ issuer: idp.issuer, subject: person.login }]);
  expect(user.sessions.filter((session) => !session.endedAt)).toHaveLength(1);
  const events = await getDb().authEvent.findMany({ where: { userId: user.id }, orderBy: { kind: "desc" } });
  expect(events.map((event) => [event.kind, event.method, event.clientAddress])).toEqual([
    ["sso_provisioned", "sso", "127.0.0.1"],
    ["sign_in", "sso", "127.0.0.1"],
  ]);
});

test("the role follows the IdP's groups at the next sign-in; no mapped group is refused", async ({
  browser,
}) => {
  const person = identity({ groups: ["copydesk-writers"] });
  const first = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expect(first.locator(".desk-user")).toContainText("Contributor");
  idp.setAccount(person.login, { ...person, groups: ["copydesk-admins", "copydesk-writers"] });
  const second = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expect(second.locator(".desk-user")).toContainText(`${person.name} · Admin`);
  idp.setAccount(person.login, { ...person, groups: ["canteen-rota"] });
  const third = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expectRefusedOnSignInPage(
    third,
    "Your Okta account is not in any group that has access to Copydesk. Ask your IT team to add you to one.",
  );
  expect((await getDb().user.findUniqueOrThrow({ where: { email: person.email } })).role).toBe("admin");
});

test("an email the IdP has not verified is refused, and nobody is made", async ({ browser }) => {
  const person = identity({ email_verified: false });
  const page = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expectRefusedOnSignInPage(
    page,
    "Your Okta account has no verified email address, so Copydesk cannot tell who you are. Ask your IT team to verify it.",
  );
  expect(await getDb().user.count({ where: { email: person.email } })).toBe(0);
  expect(await ssoRefusals(person.email)).toMatchObject([{ detail: { reason: "email_unverified" } }]);
});

test("an address outside the allowed domains is refused, and nobody is made", async ({ browser }) => {
  const person = identity({ email: `mallory-${randomBytes(3).toString("hex")}@example.com` });
  const page = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expectRefusedOnSignInPage(page, "Sign-in is open to addresses at example.org only.");
  await shootAtBothWidths(page, "sso-refused-domain");
  expect(await getDb().user.count({ where: { email: person.email } })).toBe(0);
  expect(await ssoRefusals(person.email)).toMatchObject([{ detail: { reason: "domain_not_allowed" } }]);
});

test("a person deactivated in Copydesk stays out, whatever the IdP says", async ({ browser }) => {
  const person = identity();
  await createUser({
    email: person.email,
    name: person.name,
    role: "editor",
    password: "a long enough password",
    actor: "system",
  });
  await deactivateUser({ email: person.email, actor: "system" });
  const page = await signInThroughIdp({ browser, server: auto, login: person.login });
  await expectRefusedOnSignInPage(
    page,
    "Your Copydesk account is deactivated. Ask a newsroom admin if you need access again.",
  );
  const user = await getDb().user.findUniqueOrThrow({
    where: { email: person.email },
    include: { sessions: true },
  });
  expect(user.sessions).toHaveLength(0);
});

const badTokens: [IdTokenTamper, string][] = [
  [
    "audience",
    "Okta’s answer was meant for another application, so Copydesk refused it. Ask your IT team to check Copydesk’s client ID.",
  ],
  ["issuer", "The answer did not come from the Okta Copydesk is set up for, so Copydesk refused it."],
  [
    "expired",
    "Okta’s answer had expired when it reached Copydesk. Please try again; if it keeps happening, check this computer’s clock.",
  ],
  ["unsigned", "Okta’s answer was not signed as Copydesk expects, so Copydesk refused it."],
  [
    "unverified-email",
    "Your Okta account has no verified email address, so Copydesk cannot tell who you are. Ask your IT team to verify it.",
  ],
];
for (const [mode, sentence] of badTokens) {
  test(`an ID token tampered on its way (${mode}) is refused with a clear sentence; no person, no session`, async ({
    browser,
  }) => {
    const person = identity();
    const reason = mode === "unverified-email" ? "email_unverified" : "token_invalid";
    const refusals = () =>
      getDb().authEvent.count({
        where: {
          kind: "sso_refused",
          clientAddress: "127.0.0.1",
          detail: { path: ["reason"], equals: reason },
        },
      });
    const [sessionsBefore, refusalsBefore] = [await getDb().userSession.count(), await refusals()];
    idp.tamper(mode);
    try {
      const page = await signInThroughIdp({ browser, server: auto, login: person.login });
      await expectRefusedOnSignInPage(page, sentence);
    } finally {
      idp.tamper(null);
    }
    expect(await getDb().user.count({ where: { email: person.email } })).toBe(0);
    expect(await getDb().userSession.count()).toBe(sessionsBefore);
    expect(await refusals()).toBe(refusalsBefore + 1);
  });
}

test("invited only: an unknown person is refused; one an admin added is let in as the role the admin set", async ({
  browser,
}) => {
  const stranger = identity();
  const refused = await signInThroughIdp({ browser, server: invited, login: stranger.login });
  await expectRefusedOnSignInPage(
    refused,
    "Ask a newsroom admin to invite you first: Copydesk lets in only people the newsroom has added.",
  );
  expect(await getDb().user.count({ where: { email: stranger.email } })).toBe(0);

  const guest = identity({ groups: ["copydesk-admins"] });
  await createUser({
    email: guest.email,
    name: guest.name,
    role: "contributor",
    password: "a long enough password",
    actor: "system",
  });
  const admitted = await signInThroughIdp({ browser, server: invited, login: guest.login });
  await expect(admitted).toHaveURL(/\/desk$/);
  await expect(admitted.locator(".desk-user")).toContainText(`${guest.name} · Contributor`);
});

test("cancelling at the IdP comes back to the sign-in page with a sentence, not the password one", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: auto.baseUrl });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expectRefusedOnSignInPage(page, "Signing in with Okta did not complete. Please try again.");
});

test("the sign-in page leads with single sign-on, the password form beside it", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: auto.baseUrl });
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Okta" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await shootAtBothWidths(page, "sso-sign-in");
});

test("break-glass: password sign-in refuses everyone but the break-glass admin, who still gets in", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: breakGlass.baseUrl });
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Okta" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeHidden();
  await shootAtBothWidths(page, "sso-sign-in-break-glass");

  const editor = {
    email: `editor-${randomBytes(3).toString("hex")}@example.org`,
    password: "a long enough password",
  };
  await createUser({ ...editor, name: `Editor ${editor.email}`, role: "editor", actor: "system" });
  await page.getByText("Newsroom admin? Sign in with a password").click();
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("p.auth-alert")).toHaveText(
    "Password sign-in is turned off for your account. Use “Sign in with Okta” instead.",
  );
  await shootAtBothWidths(page, "sso-break-glass-refused");
  expect(await getDb().userSession.count({ where: { user: { email: editor.email } } })).toBe(0);

  await page.getByLabel("Email").fill(breakGlassAdmin.email);
  await page.getByLabel("Password").fill(breakGlassAdmin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator(".desk-user")).toContainText("Break-glass Admin · Admin");
});
