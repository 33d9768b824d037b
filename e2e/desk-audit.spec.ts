import { mkdir, readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";
import { changeUserRole } from "@/lib/auth/users";

import { seedUser, signInByApi, type E2eUser } from "./support/auth";
import { useE2eDatabase } from "./support/database";
import { actorOf, seedStory, uniqueSlug } from "./support/desk-seed";

test.beforeAll(() => {
  useE2eDatabase();
});

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir("artifacts/screenshots", { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    await page.screenshot({ path: `artifacts/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** An admin signed in on `page`, and a person they made an editor, who made a token and published a story. */
async function seedNewsroom(page: Page): Promise<{ admin: E2eUser; person: E2eUser; slug: string }> {
  const admin = await seedUser({ role: "admin", name: `Audit Admin ${Date.now()}` });
  const person = await seedUser({ role: "contributor", name: `Audit Person ${Date.now()}` });
  await changeUserRole({
    userId: person.id,
    role: "editor",
    actor: actorOf(admin),
    clientAddress: "203.0.113.9",
  });
  await createApiToken({
    userId: person.id,
    name: "=CMS sync",
    actor: actorOf({ ...person, role: "editor" }),
  });
  const slug = uniqueSlug("audit");
  await seedStory({
    author: { ...person, role: "editor" },
    slug,
    headline: "Council passes the budget",
    body: "It passed.",
  });
  await signInByApi({ request: page.request, email: admin.email, password: admin.password });
  return { admin, person, slug };
}

test("an admin filters the log by person and kind, and downloads it as CSV", async ({ page }) => {
  const { person, slug } = await seedNewsroom(page);
  await page.goto("/desk");
  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();

  await page.getByLabel("Person").fill(person.email);
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.locator("table.audit-table tbody tr");
  await expect(rows.first()).toContainText("Published");
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole("link", { name: "Council passes the budget" })).toHaveAttribute(
    "href",
    `/desk/stories/${slug}`,
  );
  await expect(page.locator("table.audit-table")).toContainText("Token “=CMS sync”");
  await shoot(page, "desk-audit");

  await page.getByLabel("Kind").selectOption({ label: "Role changed" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=role_changed/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Role changed");
  await expect(rows.first()).toContainText("contributor → editor");
  await expect(rows.first()).toContainText("203.0.113.9");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^copydesk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path())).toString("utf8");
  const lines = csv.split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",role_changed,Role changed,");
  expect(lines[1]).toContain(person.email);

  // The person's whole story, also as CSV: the token's name is written so no spreadsheet runs it.
  const all = await page.request.get(`/api/v1/audit/csv?person=${encodeURIComponent(person.email)}`);
  expect(await all.text()).toContain(",'=CMS sync,");
});

test("a bad filter is named at its field, and nothing else changes", async ({ page }) => {
  await seedNewsroom(page);
  await page.goto("/desk/audit");
  await page.getByLabel("Story slug").fill("no-such-story");
  await page.getByRole("button", { name: "Filter" }).click();
  const field = page.getByLabel("Story slug");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#audit-story-error")).toHaveText("No story has the slug “no-such-story”.");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  // Whatever is typed into the address bar, the page and the API answer with a message, never a 500.
  const atoms = [
    "%00",
    "x".repeat(10_000),
    "%E2%80%AE",
    "'%3B DROP TABLE users--",
    "2026-99-99",
    "%FF",
    "-1",
  ];
  for (const name of ["person", "story", "kind", "from", "to", "cursor", "limit", "other"])
    for (const atom of atoms)
      for (const path of ["/desk/audit", "/api/v1/audit"]) {
        const response = await page.request.get(`${path}?${name}=${atom}`, { maxRedirects: 0 });
        expect(response.status(), `${path}?${name}=${atom.slice(0, 40)}`).toBeLessThan(500);
      }

  await page.goto("/desk/audit?from=2026-02-30");
  await expect(page.locator("#audit-from-error")).toHaveText(
    "2026-02-30 is not a day on the calendar; use a date like 2026-12-08.",
  );
  // The refused date stays as typed beside its message (a date input would show it blank).
  await expect(page.locator("#audit-from")).toHaveValue("2026-02-30");
});

test("an editor has no Audit link and is refused the page and the CSV", async ({ page }) => {
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: page.request, email: editor.email, password: editor.password });
  await page.goto("/desk");
  await expect(page.getByRole("link", { name: "Stories" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit" })).toHaveCount(0);
  const response = await page.goto("/desk/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page is not open to your role" })).toBeVisible();
  const csv = await page.request.get("/api/v1/audit/csv");
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain("role_changed");
});
