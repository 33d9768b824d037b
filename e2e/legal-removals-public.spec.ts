import http from "node:http";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import { startVarnish, type RunningVarnish } from "@/lib/delivery/testing/start-varnish";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { plainJpeg } from "@/lib/media/test-photos";
import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";

import { seedUser, signInByApi, type E2eUser } from "./support/auth";
import { openOwnE2eDatabase } from "./support/database";
import { actorOf, captureScreens } from "./support/desk-seed";
import { startOwnServer } from "./support/own-server";
import { createPublishedStory, publishRevision, seedPublisher, type Publisher } from "./support/public-api";

/*
 * Readers after a legal removal, through a real Varnish with the shipped deploy/varnish/default.vcl in front of
 * a Copydesk of the spec's own (its database, its job runner purging that Varnish). Every public address of the
 * story is read through the cache first, so each holds the text; after the approval none of them may, and the
 * notice shows where the request asked. Nothing waits a fixed time: checks poll until the purge lands.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const secret = "Dana Whitlock, the informant,";
const hiddenName = "Kim Hiddenfield";
const photoCaption = "Whitlock leaves the courthouse on Tuesday";
const notice = "This story was edited on legal advice on December 7, 2026.";

let dropDatabase: () => Promise<void>;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let varnish: RunningVarnish;
let onServer: APIRequestContext;
let publisher: Publisher;
let asker: E2eUser;
let approver: E2eUser;

test.beforeAll(async () => {
  let databaseUrl: string;
  ({ databaseUrl, drop: dropDatabase } = await openOwnE2eDatabase({ prefix: "removals_public" }));
  const varnishPort = await findFreePort();
  server = await startOwnServer({
    databaseUrl,
    env: { PURGE_VARNISH_URLS: `http://127.0.0.1:${varnishPort}`, TRUST_PROXY: "1" },
  });
  const appPort = Number(new URL(server.baseUrl).port);
  varnish = await startVarnish({ port: varnishPort, backends: [{ host: "127.0.0.1", port: appPort }] });
  publisher = await seedPublisher();
  asker = await seedUser({ role: "admin", name: "Asha Asker" });
  approver = await seedUser({ role: "admin", name: "Ben Approver" });
});

// A context per test: a connection left idle through a test's screenshots was closed by the server as the next
// test reused it (ECONNRESET).
test.beforeEach(async () => {
  onServer = await playwrightRequest.newContext({ baseURL: server.baseUrl });
});

test.afterEach(async () => {
  await onServer?.dispose();
});

test.afterAll(async () => {
  await varnish?.stop();
  await server?.stop();
  await dropDatabase?.();
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET through Varnish, its body as sent. */
function get(path: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${varnish.url}${path}`, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const text = async (path: string) => (await get(path)).body.toString();

async function uploadPhoto(): Promise<string> {
  const upload = await onServer.post("/api/v1/photos", {
    headers: { authorization: `Bearer ${publisher.token}` },
    multipart: {
      file: {
        name: "courthouse.jpg",
        mimeType: "image/jpeg",
        buffer: await plainJpeg({ seed: 24, width: 1200, height: 800 }),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  return ((await upload.json()) as { photo: { id: string } }).photo.id;
}

/** A published story with two versions, the secret in its headline, dek, body and a credit; a photo in its body. */
async function publishedStory(slug: string, photoId: string) {
  const line = formatBodyPhotoLine({
    photoId,
    alt: "A woman on courthouse steps",
    caption: photoCaption,
    credit: "Jo Lens",
  });
  await createPublishedStory({
    request: onServer,
    publisher,
    story: {
      slug,
      headline: `Council leak traced to ${secret} police say`,
      dek: `Investigators say ${secret} met the mayor twice.`,
      byline: "By Ana Ruiz",
      body: [
        "The city council's closed session was leaked last month.",
        `According to two officials, ${secret} passed the minutes to a reporter.`,
        line,
        "The council meets again on Thursday.",
      ].join("\n\n"),
      credits: [
        { name: "Ana Ruiz", role: "byline" },
        { name: hiddenName, role: "contributed_reporting" },
      ],
    },
  });
  await publishRevision({
    request: onServer,
    publisher,
    slug,
    revision: {
      kind: "update",
      summary: "Adds the council's response",
      body: [
        "The city council's closed session was leaked last month.",
        `According to two officials, ${secret} passed the minutes to a reporter.`,
        line,
        "The council meets again on Thursday; the chair said she would ask for an inquiry.",
      ].join("\n\n"),
    },
  });
}

/** Every public address that shows the story, and the /media/ files of its photo as the page names them. */
async function publicAddresses(slug: string): Promise<string[]> {
  const page = await text(`/stories/${slug}`);
  const media = [...new Set([...page.matchAll(/\/media\/[0-9a-f]{64}\.[a-z]+/g)].map((match) => match[0]))];
  expect(media.length).toBeGreaterThan(0);
  return [
    `/stories/${slug}`,
    `/stories/${slug}/history`,
    `/stories/${slug}/history?from=1&to=2`,
    `/stories/${slug}/feed.xml`,
    "/",
    "/feed.xml",
    ...media,
  ];
}

async function approveRemoval(options: { slug: string; photoId: string; placement: "in_place" | "foot" }) {
  const contributor = await getDb().contributor.findFirstOrThrow({ where: { name: hiddenName } });
  const requested = await requestLegalRemoval({
    actor: actorOf(asker),
    slug: options.slug,
    input: {
      items: [
        { kind: "passage", field: "body", text: secret },
        { kind: "photo", photoId: options.photoId },
        { kind: "contributor", contributorId: contributor.id },
      ],
      internalReason: "Court order 26-CV-1181: identifies a confidential source.",
      publicNotice: notice,
      noticePlacement: options.placement,
      removeFromDirectory: false,
    },
  });
  return approveLegalRemoval({ actor: actorOf(approver), number: requested.number });
}

test("after an approved removal no public response through Varnish carries the text, and the notice shows in place", async ({
  page,
}, testInfo) => {
  const slug = `removal-public-${Date.now().toString(36)}`;
  const photoId = await uploadPhoto();
  await publishedStory(slug, photoId);

  const addresses = await publicAddresses(slug);
  // Each address read twice: the second answer is the shared cache's, holding the text until the purge.
  const before = new Map<string, Buffer>();
  for (const address of addresses) {
    await get(address);
    const cached = await get(address);
    expect(cached.status, address).toBe(200);
    before.set(address, cached.body);
  }
  expect((await get(`/stories/${slug}`)).headers["x-cache"]).toBe("HIT");
  expect(before.get(`/stories/${slug}`)?.toString()).toContain(secret);
  expect(before.get(`/stories/${slug}/history?from=1&to=2`)?.toString()).toContain(secret);
  expect(before.get(`/stories/${slug}/feed.xml`)?.toString()).toContain(secret);

  const approved = await approveRemoval({ slug, photoId, placement: "in_place" });
  expect(approved.state).toBe("approved");

  for (const address of addresses.filter((each) => !each.startsWith("/media/"))) {
    await expect
      .poll(
        async () => {
          const answer = await text(address);
          return answer.includes(secret) || answer.includes(hiddenName) || answer.includes(photoCaption);
        },
        { message: address, timeout: 30_000 },
      )
      .toBe(false);
    expect(await text(address), address).not.toContain("⟦");
  }
  // The removed photo's files: gone from the cache and the origin, not just unlinked.
  for (const address of addresses.filter((each) => each.startsWith("/media/"))) {
    await expect
      .poll(async () => (await get(address)).status, { message: address, timeout: 30_000 })
      .toBe(404);
  }

  const story = await text(`/stories/${slug}`);
  expect(story).toContain("<title>Council leak traced to [removed] police say");
  expect(story).toMatch(
    /passed the minutes to a reporter\.<\/p><p class="story-removal-notice" id="removal-\d+" role="note">This story was edited on legal advice/,
  );
  // The photo's line is a placeholder block where the picture was.
  expect(story).toMatch(/<p class="story-removed-block"><span class="removal-mark" data-removal="\d+"/);
  // "Updated" moved to the approval (the same transaction: within a second of the record), and the change log
  // says why.
  const updated = /<p class="story-timeline">Updated <time datetime="([^"]+)"/.exec(story)?.[1] ?? "";
  const history = await text(`/stories/${slug}/history`);
  const logged =
    new RegExp(
      `<li class="reader-log-item reader-log-removal" id="removal-${approved.number}"><time class="reader-log-time" datetime="([^"]+)"`,
    ).exec(history)?.[1] ?? "";
  expect(Math.abs(Date.parse(updated) - Date.parse(logged))).toBeLessThan(1_000);
  expect(history).toContain(notice);
  expect(await text(`/stories/${slug}/feed.xml`)).toContain(`#removal-${approved.number}</id>`);

  await page.goto(`${varnish.url}/stories/${slug}`);
  await expect(page.locator(".story-removal-notice")).toHaveText(new RegExp(notice.replace(/\./g, "\\.")));
  await expect(page.locator(".story-body .removal-mark").first()).toHaveText("[removed]");
  await captureScreens({ page, testInfo, name: "legal-removal-story" });
  await page.goto(`${varnish.url}/stories/${slug}/history?from=1&to=2#what-changed`);
  await captureScreens({ page, testInfo, name: "legal-removal-history" });
});

test("a foot notice goes to the end of the story", async () => {
  const slug = `removal-foot-${Date.now().toString(36)}`;
  const photoId = await uploadPhoto();
  await publishedStory(slug, photoId);
  await text(`/stories/${slug}`);
  await approveRemoval({ slug, photoId, placement: "foot" });
  await expect.poll(() => text(`/stories/${slug}`), { timeout: 30_000 }).toContain("story-removal-notices");
  const story = await text(`/stories/${slug}`);
  expect(story).toMatch(
    /<section class="story-removal-notices" aria-label="Legal notices"><p class="story-removal-notice"/,
  );
  expect(story).not.toMatch(/<\/p><p class="story-removal-notice"[^]*<section class="story-removal-notices"/);
});

async function openEditor(page: Page, user: E2eUser, slug: string) {
  await signInByApi({ request: page.context().request, email: user.email, password: user.password });
  await page.goto(`${server.baseUrl}/desk/stories/${slug}`);
  await expect(page.locator(".desk-editor[data-ready]")).toBeVisible();
}

test("desk: comparisons show the marker, a tab opened before the removal cannot save, and a local copy from before it is discarded", async ({
  browser,
}, testInfo) => {
  const slug = `removal-desk-${Date.now().toString(36)}`;
  const photoId = await uploadPhoto();
  await publishedStory(slug, photoId);
  const editor = await seedUser({ role: "editor" });
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  await openEditor(page, editor, slug);
  // An edit kept in this browser (use-local-draft.ts) and on screen, both made before the removal.
  await page.getByLabel("Headline").fill(`Council leak traced to ${secret} police say, again`);
  await page.getByLabel("Summary").fill("Sharper headline");
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith("copydesk:draft"))),
    )
    .toBe(true);

  await approveRemoval({ slug, photoId, placement: "in_place" });

  // Regression guard: the open tab still holds the text; its save must be refused, not bring it back.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved." })).toContainText(
    "Text was removed from this story on legal advice after your copy was made",
  );

  // The browser asks before leaving unsaved edits; leaving is the point here.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reload the story" }).click();
  await expect(page.getByRole("status").filter({ hasText: "were discarded" })).toContainText(
    "Text was removed from this story on legal advice after they were made",
  );
  await expect(page.getByRole("button", { name: "Restore edits" })).toHaveCount(0);
  expect(await page.getByLabel("Headline").inputValue()).not.toContain(secret);
  await expect(page.locator(".desk-preview .removal-mark").first()).toHaveText("[removed]");
  await expect(page.locator(".ProseMirror .removal-mark").first()).toHaveText(/^⟦removed \d+⟧$/);
  await captureScreens({ page, testInfo, name: "legal-removal-desk-editor" });

  for (const path of [
    `/desk/stories/${slug}/compare?from=1&to=2`,
    `/desk/stories/${slug}/history`,
    `/desk/stories/${slug}/revisions/1`,
  ]) {
    await page.goto(`${server.baseUrl}${path}`);
    expect(await page.content(), path).not.toContain(secret);
  }
  await page.goto(`${server.baseUrl}/desk/stories/${slug}/compare?from=1&to=2`);
  await page.getByRole("button", { name: /^Show 3 unchanged paragraphs/ }).click();
  // In a comparison the marker keeps its stored text (for comment offsets) and is drawn as "[removed]".
  const marker = page.locator(".desk-diff-unchanged-text .removal-mark-source").first();
  await expect(marker).toHaveText(/^⟦removed \d+⟧$/);
  expect(await marker.evaluate((element) => getComputedStyle(element, "::after").content)).toBe(
    '"[removed]"',
  );
  await captureScreens({ page, testInfo, name: "legal-removal-desk-compare" });
  await context.close();
});

test("an editor's save without the removal count is refused once the story has had a removal", async () => {
  const slug = `removal-api-${Date.now().toString(36)}`;
  const photoId = await uploadPhoto();
  await publishedStory(slug, photoId);
  await approveRemoval({ slug, photoId, placement: "foot" });
  const refused = await onServer.post(`/api/v1/stories/${slug}/revisions`, {
    headers: { authorization: `Bearer ${publisher.token}` },
    data: { baseRevision: 2, body: `Back again: ${secret}`, kind: "update", summary: "Restores it" },
  });
  expect(refused.status()).toBe(409);
  expect(await text(`/stories/${slug}`)).not.toContain(secret);
  const allowed = await onServer.post(`/api/v1/stories/${slug}/revisions`, {
    headers: { authorization: `Bearer ${publisher.token}` },
    data: {
      baseRevision: 2,
      legalRemovalsSeen: 1,
      body: "A new body.",
      kind: "update",
      summary: "Rewrites it",
    },
  });
  expect(allowed.status(), await allowed.text()).toBe(201);
});
