import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";

import { findFreePort } from "@/lib/db/free-port";
import { wireJpeg } from "@/lib/media/test-photos";

import { seedUser, signInByApi } from "./support/auth";
import { openOwnE2eDatabase } from "./support/database";
import { seedStory, uniqueSlug } from "./support/desk-seed";
import { startOwnServer } from "./support/own-server";

/*
 * Same origin means the same origin (issue 23). The server is configured as http://localhost:<port> but the
 * desk is reached at http://127.0.0.1:<port>, another address of the same server: the browser's Origin then
 * equals the Host it asked, and an upload must work. A page on another port (same site, so the browser still
 * sends the session cookie) posting a form to the API must still be refused.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

let databaseUrl: string;
let dropDatabase: () => Promise<void>;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let port: number;

test.beforeAll(async () => {
  ({ databaseUrl, drop: dropDatabase } = await openOwnE2eDatabase({ prefix: "origin" }));
  // As an admin of this newsroom would: no second factor required of these editors.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("UPDATE security_policy SET second_factor_roles = '{}'");
  await client.end();
  port = await findFreePort();
  server = await startOwnServer({
    databaseUrl,
    port,
    env: { NEXTAUTH_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: randomBytes(32).toString("hex") },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await dropDatabase?.();
});

// Guards issue 23: at 127.0.0.1 while configured as localhost, a photo upload was refused as cross-site.
test("a photo upload works from the desk reached at 127.0.0.1 while configured as localhost", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: context.request, email: editor.email, password: editor.password });
  const slug = uniqueSlug("second-address");
  await seedStory({ author: editor, slug, headline: "Harbor vote", body: "The council met on Thursday." });

  await page.goto(`/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
  const uploaded = page.waitForResponse((response) => response.url().endsWith("/desk/photos/upload"));
  await page
    .getByLabel("Upload photos")
    .setInputFiles({ name: "harbor.jpg", mimeType: "image/jpeg", buffer: await wireJpeg({ seed: 23 }) });
  expect((await uploaded).status()).toBe(201);
  await expect(page.locator(".desk-photo-thumb img")).toBeVisible();
  await expect(page.getByText("could have come from another site")).toHaveCount(0);
  await context.close();
});

test("a form posted to the API from a page on another port is refused, and says why", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const editor = await seedUser({ role: "editor" });
  await signInByApi({ request: context.request, email: editor.email, password: editor.password });
  const headline = `Forged ${randomBytes(3).toString("hex")}`;
  // Another origin on the same host: the same site to the browser, so the session cookie goes along.
  const attacker = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><form method="post" action="http://127.0.0.1:${port}/api/v1/stories">
      <input name="slug" value="forged-story"><input name="headline" value="${headline}">
      <button>Win a prize</button></form>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const answered = page.waitForResponse((response) => response.url().endsWith("/api/v1/stories"));
    await page.getByRole("button", { name: "Win a prize" }).click();
    const response = await answered;
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("This request was refused because it was a form post, not JSON.");
  } finally {
    await new Promise((resolve) => attacker.close(resolve));
  }
  // The session was sent and refused: the same session may still read, and nothing was created.
  const stories = await context.request.get("/api/v1/stories?limit=100");
  expect(stories.ok()).toBe(true);
  expect(JSON.stringify(await stories.json())).not.toContain(headline);
  await context.close();
});
