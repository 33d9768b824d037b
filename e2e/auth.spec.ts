import { expect, test } from "@playwright/test";

import { signInLimitPolicy } from "@/lib/auth/sign-in-limits";
import { deactivateUser } from "@/lib/auth/users";

import { seedUser, signInByApi, signInByForm } from "./support/auth";
import { useE2eDatabase } from "./support/database";

test.beforeAll(() => {
  useE2eDatabase();
});

test("the right password signs in and lands on the desk, with the user id in the session", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  await signInByForm({ page, email: editor.email.toUpperCase(), password: editor.password });
  await expect(page).toHaveURL(/\/desk$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    user?: Record<string, unknown>;
  };
  expect(session.user).toEqual({ id: editor.id });
});

test("a wrong password and an unknown email get the same clear sentence, and no stack trace", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  await signInByForm({ page, email: editor.email, password: "not the password at all" });
  const alert = page.locator("#sign-in-error");
  await expect(alert).toHaveText(
    "That email and password do not match an account. Check them and try again.",
  );
  await expect(page).toHaveURL(/\/signin/);

  await signInByForm({ page, email: "nobody-here@e2e.test", password: "not the password at all" });
  await expect(page.locator("#sign-in-error")).toHaveText(
    "That email and password do not match an account. Check them and try again.",
  );
  await expect(page.locator("body")).not.toContainText(/at .*\.js|Error:/);
});

test("repeated failures slow the account down at this address, with a sentence saying how long", async ({
  page,
}) => {
  const editor = await seedUser({ role: "editor" });
  for (let attempt = 1; attempt <= signInLimitPolicy.accountAddress.freeFailures; attempt += 1) {
    await signInByForm({ page, email: editor.email, password: `wrong guess ${attempt}` });
    await expect(page.locator("#sign-in-error")).toContainText("do not match");
  }
  // Slowed means slowed: even the right password waits.
  await signInByForm({ page, email: editor.email, password: editor.password });
  await expect(page.locator("#sign-in-error")).toHaveText(
    /^Too many attempts\. Wait \d+ seconds and try again\.$/,
  );
  await expect(page).toHaveURL(/\/signin/);
});

// Regression (issue 9.2): with TRUST_PROXY=0 a client could rotate X-Forwarded-For to dodge the per-address
// limits.
test("a forged X-Forwarded-For does not give a slowed-down client a fresh address", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  for (let attempt = 1; attempt <= signInLimitPolicy.accountAddress.freeFailures; attempt += 1) {
    await signInByForm({ page, email: editor.email, password: `wrong guess ${attempt}` });
    await expect(page.locator("#sign-in-error")).toContainText("do not match");
  }
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    headers: { "X-Forwarded-For": "203.0.113.200", "X-Copydesk-Client-Address": "203.0.113.201" },
    form: {
      email: editor.email,
      password: editor.password,
      csrfToken: csrf.csrfToken,
      json: "true",
      callbackUrl: "/desk",
    },
  });
  const body = (await response.json()) as { url: string };
  expect(new URL(body.url).searchParams.get("error")).toMatch(/^wait-\d+$/);
});

test("a deactivated user with a live session is refused at their next request", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/desk$/);

  await deactivateUser({ userId: editor.id, actor: "system" });

  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdesk/);
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
  expect(((await me.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

  await signInByForm({ page, email: editor.email, password: editor.password });
  await expect(page.locator("#sign-in-error")).toHaveText(
    "This account has been deactivated. Ask a newsroom admin if you need access again.",
  );
});

// Regression: signed-out deep links into the desk used to come back to /desk instead of the page asked for.
test("a signed-out visitor is sent to sign in and comes back to the deep link afterwards", async ({
  page,
}) => {
  const admin = await seedUser({ role: "admin" });
  await page.goto("/desk/people");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdesk%2Fpeople$/);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk\/people$/);
});

// Regression (issue 9.1): a string-prefix check let "/\t/evil.example" through, which browsers follow
// off-site.
for (const [name, callbackPath] of <[string, string][]>[
  ["protocol-relative", "//evil.example/steal"],
  ["tab", "/\t/evil.example/steal"],
  ["newline", "/\n/evil.example/steal"],
  ["backslash", "/\\evil.example/steal"],
  ["dot segment", "/.//evil.example/steal"],
  ["absolute", "https://evil.example/steal"],
]) {
  test(`the sign-in page refuses to send people off-site after signing in (${name})`, async ({ page }) => {
    const editor = await seedUser({ role: "editor" });
    await signInByForm({ page, email: editor.email, password: editor.password, callbackPath });
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk$/);
    // Already signed in, the sign-in page's own redirect is held to the same rule.
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk$/);
  });
}

test("next-auth's own callback keeps the return address on the site", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: {
      email: editor.email,
      password: editor.password,
      csrfToken: csrf.csrfToken,
      json: "true",
      callbackUrl: "/\t/evil.example/x",
    },
  });
  const body = (await response.json()) as { url: string };
  expect(new URL(body.url).host).toMatch(/^127\.0\.0\.1:\d+$/);
  expect(new URL(body.url).pathname).toBe("/desk");
});

test("a same-site return address survives signing in", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  await signInByForm({ page, email: editor.email, password: editor.password, callbackPath: "/desk/tokens" });
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk\/tokens$/);
});

test("signing out ends the session", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  await page.goto("/desk");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
});
