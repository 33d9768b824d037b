import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";
import { getDb } from "@/lib/db/client";

import { seedUser, signInByApi } from "./support/auth";
import { useE2eDatabase } from "./support/database";

test.beforeAll(() => {
  useE2eDatabase();
});

const emailSettingOf = async (userId: string) =>
  (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).emailNotifications;

test("a person turns mail about their inbox off and on again on the Account page", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  await page.goto("/desk/account");
  const box = page.getByRole("checkbox", { name: "Email me about my inbox" });
  await expect(box).toBeChecked();
  // This test server has no SMTP_URL: the page says so, and the choice is still kept.
  await expect(
    page.getByText("This newsroom sends no email yet; your choice applies once it does."),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await box.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByText("You will no longer be emailed; your inbox on the desk still shows everything."),
  ).toBeVisible();
  expect(await emailSettingOf(editor.id)).toBe(false);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Email me about my inbox" })).not.toBeChecked();

  await page.getByRole("checkbox", { name: "Email me about my inbox" }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("You will be emailed about what lands in your inbox.")).toBeVisible();
  expect(await emailSettingOf(editor.id)).toBe(true);
});

test("the API changes the caller's own setting, and refuses to name anyone else", async ({
  playwright,
  baseURL,
}) => {
  const contributor = await seedUser({ role: "contributor" });
  const admin = await seedUser({ role: "admin" });
  const { token } = await createApiToken({ userId: contributor.id, name: "Mail settings", actor: "system" });
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  try {
    const off = await api.patch("/api/v1/me", { data: { emailNotifications: false } });
    expect(off.status()).toBe(200);
    expect(await off.json()).toMatchObject({ email: contributor.email, emailNotifications: false });
    expect(await (await api.get("/api/v1/me")).json()).toMatchObject({ emailNotifications: false });

    // Naming someone else is not a field this request takes: refused, and the admin's setting stays on.
    const other = await api.patch("/api/v1/me", { data: { emailNotifications: false, userId: admin.id } });
    expect(other.status()).toBe(400);
    expect(JSON.stringify(await other.json())).toContain("userId");
    expect(await emailSettingOf(admin.id)).toBe(true);

    const bad = await api.patch("/api/v1/me", { data: { emailNotifications: "sometimes" } });
    expect(bad.status()).toBe(400);
    expect(await emailSettingOf(contributor.id)).toBe(false);
  } finally {
    await api.dispose();
  }
});
