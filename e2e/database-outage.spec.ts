import { expect, test } from "@playwright/test";

import { createApiToken } from "@/lib/auth/api-tokens";

import { seedUser, signInByApi } from "./support/auth";
import { openCuttableLink } from "./support/cuttable-link";
import { useE2eDatabase } from "./support/database";
import { seedStory, uniqueSlug } from "./support/desk-seed";
import { startOwnServer } from "./support/own-server";

const nothingSaved =
  "The database cannot be reached right now, so nothing was saved. Please try again in a moment.";

// Guards the bug where an unreachable database answered 500 (or a bare "Internal Server Error") on every
// route.
test("while the database is unreachable, the API, a desk page and an uncached public page answer 503 with Retry-After; then they recover", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const link = await openCuttableLink({ databaseUrl: useE2eDatabase() });
  const server = await startOwnServer({ databaseUrl: link.url });
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const editor = await seedUser({ role: "editor" });
    const { token } = await createApiToken({ userId: editor.id, name: "outage spec", actor: "system" });
    const slug = uniqueSlug("outage");
    await seedStory({
      author: editor,
      slug,
      headline: "Bridge closed for inspection",
      body: "The bridge is closed.",
    });
    await signInByApi({ request: context.request, email: editor.email, password: editor.password });
    const page = await context.newPage();
    expect((await page.goto("/desk"))?.status()).toBe(200);

    await link.cut();

    const api = await context.request.get("/api/v1/stories", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status()).toBe(503);
    expect(api.headers()["retry-after"]).toBe("5");
    expect(await api.json()).toEqual({
      error: { code: "unavailable", message: nothingSaved, details: null },
    });

    const desk = await page.goto("/desk");
    expect(desk?.status()).toBe(503);
    expect(desk?.headers()["retry-after"]).toBe("5");
    await expect(page.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();
    await expect(page.getByText(nothingSaved)).toBeVisible();
    await expect(page.locator("body")).not.toContainText(
      /Internal Server Error|Application error|\bat \S+\.(js|ts):\d+/,
    );

    // Never read before, so not in any cache: the reader's page needs the database.
    const reader = await page.goto(`/stories/${slug}`);
    expect(reader?.status()).toBe(503);
    expect(reader?.headers()["retry-after"]).toBe("5");
    await expect(page.getByText(nothingSaved)).toBeVisible();

    await link.restore();
    await expect
      .poll(async () => (await context.request.get("/desk")).status(), { timeout: 30_000 })
      .toBe(200);
    expect((await page.goto(`/stories/${slug}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Bridge closed for inspection" })).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
    await link.close();
  }
});
