import { expect, request as playwrightRequest, test } from "@playwright/test";
import pg from "pg";

import { getDb } from "@/lib/db/client";

import { seedUser, signInByForm } from "./support/auth";
import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { shootAtBothWidths } from "./support/screenshots";

/*
 * Lockout by neighbours (issue 23), end to end on a server of its own (its address limits must not touch the
 * shared server's): a script fails 60 sign-ins from the office address; a browser that has signed in before
 * (it holds a remembered-device cookie) still signs in there with the right password, while an unknown
 * browser at the same address is told to wait.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

let databaseUrl: string;
let dropDatabase: () => Promise<void>;
let server: Awaited<ReturnType<typeof startOwnServer>>;

test.beforeAll(async () => {
  ({ databaseUrl, drop: dropDatabase } = await openOwnE2eDatabase({ prefix: "devices" }));
  // As an admin of this newsroom would: no second factor required, so the password is the whole way in.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("UPDATE security_policy SET second_factor_roles = '{}'");
  await client.end();
  server = await startOwnServer({ databaseUrl });
});

test.afterAll(async () => {
  await server?.stop();
  await dropDatabase?.();
});

/** What a script does: next-auth's credentials endpoint, wrong passwords, no cookies kept between tries. */
async function failSignIns(times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    const script = await playwrightRequest.newContext({ baseURL: server.baseUrl });
    const { csrfToken } = (await (await script.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await script.post("/api/auth/callback/credentials", {
      form: { email: `guess-${attempt}@e2e.test`, password: "guessing wrong", csrfToken, json: "true" },
    });
    await script.dispose();
  }
}

// Guards issue 23: 50 failures an hour from one address locked that address out for everyone.
test("a remembered browser signs in at an address locked by 60 failures; an unknown browser waits", async ({
  browser,
}) => {
  const editor = await seedUser({ role: "editor" });
  const remembered = await browser.newContext({ baseURL: server.baseUrl });
  const rememberedPage = await remembered.newPage();
  await signInByForm({ page: rememberedPage, email: editor.email, password: editor.password });
  await expect(rememberedPage).toHaveURL(/\/desk(\/|\?|$)/);
  const deviceCookie = (await remembered.cookies()).find((cookie) => cookie.name === "copydesk-device");
  expect(deviceCookie?.httpOnly).toBe(true);
  // A year, give or take the seconds this test has run.
  expect(deviceCookie!.expires * 1000 - Date.now()).toBeGreaterThan(364 * 24 * 60 * 60 * 1000);
  // Signed out (the session cookie gone), the browser keeps its device cookie, as a browser would.
  await remembered.clearCookies({ name: /next-auth/ });

  await failSignIns(60);
  const failures = await getDb().authEvent.count({ where: { kind: "sign_in_failed" } });
  expect(failures).toBe(60);

  const unknown = await browser.newContext({ baseURL: server.baseUrl });
  const unknownPage = await unknown.newPage();
  await signInByForm({ page: unknownPage, email: editor.email, password: editor.password });
  await expect(unknownPage.locator("#sign-in-error")).toHaveText(
    /Too many attempts\. Try again in \d+ minutes?\./,
  );
  await shootAtBothWidths(unknownPage, "sign-in-address-locked");

  // A tampered device cookie counts as none: that browser waits like any unknown one, and it is recorded once.
  const tampered = await browser.newContext({ baseURL: server.baseUrl });
  await tampered.addCookies([
    { ...deviceCookie!, value: deviceCookie!.value.replace(/\.[A-Za-z0-9_-]{22}$/, `.${"A".repeat(22)}`) },
  ]);
  const tamperedPage = await tampered.newPage();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await signInByForm({ page: tamperedPage, email: editor.email, password: editor.password });
    await expect(tamperedPage.locator("#sign-in-error")).toHaveText(/Too many attempts/);
  }
  const refused = await getDb().authEvent.findMany({ where: { kind: "device_refused", userId: editor.id } });
  expect(refused.map((event) => (event.detail as { reason: string }).reason)).toEqual(["tampered"]);

  await signInByForm({ page: rememberedPage, email: editor.email, password: editor.password });
  await expect(rememberedPage).toHaveURL(/\/desk(\/|\?|$)/);
  expect(
    await getDb().authEvent.count({ where: { kind: "sign_in", userId: editor.id } }),
    "the first sign-in and the one at the locked address",
  ).toBe(2);
  await Promise.all([remembered.close(), unknown.close(), tampered.close()]);
});
