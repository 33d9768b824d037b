import { createHash, randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { ingestPhoto } from "@/lib/media/ingest-photo";
import { postgresPhotoStore } from "@/lib/media/photo-store";
import { wireJpeg } from "@/lib/media/test-photos";
import { startS3Server, type RunningS3 } from "@/lib/media/testing/start-s3-server";

import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";
import { createPublishedStory, seedPublisher, type Publisher } from "./support/public-api";

/*
 * A Copydesk server process with PHOTO_STORE=s3 pointing at an S3 server on this machine (s3rver, or the one
 * S3_TEST_ENDPOINT names: see lib/media/testing/start-s3-server.ts): uploads land in the bucket, PostgreSQL
 * keeps only the rows, and readers get the renditions from /media on Copydesk's origin. The outage test runs
 * a second Copydesk server on the same database against an S3 server that has been stopped.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

let s3: RunningS3;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let dropDatabase: () => Promise<void>;
let publisher: Publisher;
let api: APIRequestContext;
let storedBeforeSwitch: { url: string; sha256: string };
let databaseUrl: string;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const shaOfUrl = (url: string) => url.slice("/media/".length).split(".")[0]!;
type UploadedPhoto = { id: string; renditions: { url: string; format: string; width: number }[] };

const photoStoreEnv = (settings: RunningS3["settings"]) => ({
  COPYDESK_JOBS: "false",
  PHOTO_STORE: "s3",
  PHOTO_S3_BUCKET: settings.bucket,
  PHOTO_S3_ENDPOINT: settings.endpoint,
  PHOTO_S3_REGION: settings.region!,
  PHOTO_S3_FORCE_PATH_STYLE: "true",
  PHOTO_S3_ACCESS_KEY_ID: settings.accessKeyId,
  PHOTO_S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
});

function upload(bytes: Buffer, on: APIRequestContext = api) {
  return on.post("/api/v1/photos", {
    headers: { authorization: `Bearer ${publisher.token}` },
    multipart: { file: { name: "AP_26055.jpg", mimeType: "image/jpeg", buffer: bytes } },
  });
}

test.beforeAll(async () => {
  // A database of its own: the photo rows this server writes name objects only its bucket holds.
  ({ databaseUrl, drop: dropDatabase } = await openOwnE2eDatabase({ prefix: "photos_s3" }));
  publisher = await seedPublisher();
  // A photo stored while the newsroom still kept photos in PostgreSQL, before it switched to S3.
  const earlier = await ingestPhoto({
    actor: await createTestActor({ role: "editor" }),
    bytes: await wireJpeg({ seed: 80, width: 640, height: 480 }),
    store: postgresPhotoStore,
  });
  const url = earlier.photo.renditions[0]!.url;
  storedBeforeSwitch = { url, sha256: shaOfUrl(url) };
  s3 = await startS3Server({ bucket: `copydesk-e2e-${randomBytes(3).toString("hex")}`, external: true });
  server = await startOwnServer({ databaseUrl, env: photoStoreEnv(s3.settings) });
  api = await playwrightRequest.newContext({ baseURL: server.baseUrl });
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  await s3?.stop();
  await dropDatabase?.();
});

test("an upload goes to the bucket, not the database, and readers get its renditions from this site", async ({
  page,
}) => {
  const original = await wireJpeg({ seed: 81, width: 1400, height: 933 });
  const response = await upload(original);
  expect(response.status(), await response.text()).toBe(201);
  const { photo } = (await response.json()) as { photo: UploadedPhoto };
  const shas = [sha256(original), ...photo.renditions.map((rendition) => shaOfUrl(rendition.url))];

  // Every byte string is an object in the bucket; PostgreSQL holds the rows only.
  const keys = await s3.keys({ prefix: "photos/" });
  for (const sha of shas) expect(keys).toContain(`photos/${sha}`);
  expect(await getDb().photoBlob.count({ where: { sha256: { in: shas } } })).toBe(0);
  expect(await getDb().photoRendition.count({ where: { photoId: photo.id } })).toBe(photo.renditions.length);

  for (const rendition of photo.renditions) {
    const served = await api.get(rendition.url);
    expect(served.status(), rendition.url).toBe(200);
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(sha256(await served.body())).toBe(shaOfUrl(rendition.url));
  }

  // A reader's page shows it, loaded from Copydesk's origin (the bucket is never exposed).
  const slug = `s3-photo-${randomBytes(4).toString("hex")}`;
  await createPublishedStory({
    request: api,
    publisher,
    story: {
      slug,
      headline: "Harbour fire, from the bucket",
      body: "Smoke rose over the docks.",
      images: [{ photoId: photo.id, alt: "Smoke over the docks" }],
      credits: [{ name: "Photo Desk", role: "byline" }],
    },
  });
  await page.goto(`${server.baseUrl}/stories/${slug}`);
  const img = page.locator(".story-figure picture img");
  await expect(img).toHaveJSProperty("complete", true);
  expect(await img.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  expect(new URL(await img.evaluate((element) => (element as HTMLImageElement).currentSrc)).origin).toBe(
    server.baseUrl,
  );
  expect(server.output()).not.toContain(s3.settings.secretAccessKey);
});

test("the same file sent twice at once (a double click, two tabs) makes one photo and no error", async () => {
  const bytes = await wireJpeg({ seed: 82, width: 900, height: 600 });
  const responses = await Promise.all([upload(bytes), upload(bytes)]);
  expect(responses.map((response) => response.status()).sort()).toEqual([200, 201]);
  const [first, second] = (await Promise.all(responses.map((response) => response.json()))) as {
    photo: UploadedPhoto;
  }[];
  expect(second!.photo.id).toBe(first!.photo.id);
  expect(await getDb().photo.count({ where: { originalSha256: sha256(bytes) } })).toBe(1);
});

test("a photo stored in PostgreSQL before the switch to S3 is still served", async () => {
  expect(await s3.keys()).not.toContain(`photos/${storedBeforeSwitch.sha256}`);
  const served = await api.get(storedBeforeSwitch.url);
  expect(served.status()).toBe(200);
  expect(sha256(await served.body())).toBe(storedBeforeSwitch.sha256);
});

test("with the S3 server down, an upload is a 503 that says nothing was saved, and a rendition is a 503 no cache keeps", async () => {
  const { photo } = (await (await upload(await wireJpeg({ seed: 83, width: 900, height: 600 }))).json()) as {
    photo: UploadedPhoto;
  };
  const stopped = await startS3Server();
  await stopped.stop();
  const cutOff = await startOwnServer({ databaseUrl, env: photoStoreEnv(stopped.settings) });
  const onCutOff = await playwrightRequest.newContext({ baseURL: cutOff.baseUrl });
  try {
    const before = await getDb().photo.count();
    const refused = await upload(await wireJpeg({ seed: 84, width: 900, height: 600 }), onCutOff);
    expect(refused.status()).toBe(503);
    expect(refused.headers()["retry-after"]).toBe("5");
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/photo store cannot be reached right now, so nothing was saved/),
    });
    expect(JSON.stringify(body)).not.toContain(stopped.settings.secretAccessKey);
    expect(await getDb().photo.count()).toBe(before);

    // A rendition this instance has never served, so it must ask the store.
    const rendition = await onCutOff.get(photo.renditions[0]!.url);
    expect(rendition.status()).toBe(503);
    expect(rendition.headers()["cache-control"]).toBe("no-store");
    expect(cutOff.output()).not.toContain(stopped.settings.secretAccessKey);
  } finally {
    await onCutOff.dispose();
    await cutOff.stop();
  }
});
