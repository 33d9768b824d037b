import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getMedia } from "@/app/media/[file]/route";
import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { approveLegalRemoval } from "@/lib/legal-removals/decide-legal-removal";
import { requestLegalRemoval } from "@/lib/legal-removals/request-legal-removal";
import { createStory } from "@/lib/revisions/create-story";

import { ingestPhoto } from "./ingest-photo";
import { withDatabaseFallback, type PhotoStore } from "./photo-store";
import { readRendition } from "./read-rendition";
import { removePhotoFiles } from "./remove-photo-files";
import { s3PhotoStore } from "./s3-photo-store";
import { plainJpeg, withExiftool } from "./test-photos";
import { startS3Server, type RunningS3 } from "./testing/start-s3-server";

/** The payloads of the file jobs the approvals queued. */
async function queuedFileJobs(): Promise<unknown[]> {
  const rows = await getDb().$queryRaw<{ payload: unknown }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = 'media.remove-photo-files' ORDER BY j.id`;
  return rows.map((row) => row.payload);
}

describe("a removed photo's files", { timeout: 240_000 }, () => {
  let s3: RunningS3;
  let store: PhotoStore;
  let editor: Actor;
  let asker: Actor;
  let approver: Actor;
  // A stand-in for Varnish: records the tags each PURGE names.
  let purger: http.Server;
  const purged: string[] = [];
  let purgeUrl = "";

  beforeAll(async () => {
    s3 = await startS3Server({ external: true });
    store = withDatabaseFallback({ store: s3PhotoStore({ settings: s3.settings }) });
    editor = await createTestActor({ role: "editor" });
    asker = await createTestActor({ role: "admin" });
    approver = await createTestActor({ role: "admin" });
    purger = http.createServer((request, response) => {
      if (request.method === "PURGE") purged.push(String(request.headers["xkey-purge"]));
      response.end("ok");
    });
    await new Promise<void>((resolve) => purger.listen(0, "127.0.0.1", resolve));
    purgeUrl = `http://127.0.0.1:${(purger.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await s3?.stop();
    await new Promise((resolve) => purger?.close(resolve));
  });

  /** A published story showing `photoId`, and an approved removal of that photo. */
  async function removePhoto(options: { slug: string; photoId: string }): Promise<void> {
    await createStory({
      actor: editor,
      input: {
        slug: options.slug,
        headline: "Harbour",
        body: "The harbour.",
        images: [{ photoId: options.photoId, alt: "Harbour" }],
        publish: true,
      },
    });
    const asked = await requestLegalRemoval({
      actor: asker,
      slug: options.slug,
      input: {
        items: [{ kind: "photo", photoId: options.photoId }],
        internalReason: "Shows a protected person.",
        publicNotice: "A photo was removed on legal advice.",
        noticePlacement: "in_place",
      },
    });
    await approveLegalRemoval({ actor: approver, number: asked.number });
  }

  it("deletes the original and every rendition from the S3 store, and purges their /media/ addresses", async () => {
    const caption = "Marisol Threepwood at the safe house";
    const { photo } = await ingestPhoto({
      actor: editor,
      bytes: await withExiftool({
        bytes: await plainJpeg({ width: 1000, height: 700, seed: 81 }),
        args: [`-IPTC:Caption-Abstract=${caption}`],
      }),
      store,
    });
    /** Every object left in the bucket, searched for the caption its original carried. */
    const bucketHolds = async (text: string) => {
      for (const key of await s3.keys()) {
        const object = await store.get({ sha256: key.slice("photos/".length) });
        if (object?.data.includes(text)) return true;
      }
      return false;
    };
    expect(await bucketHolds(caption)).toBe(true);
    const row = await getDb().photo.findUniqueOrThrow({
      where: { id: photo.id },
      select: { originalSha256: true, renditions: { select: { sha256: true } } },
    });
    const keys = [row.originalSha256, ...row.renditions.map((rendition) => rendition.sha256)].map(
      (sha256) => `photos/${sha256}`,
    );
    expect(await s3.keys()).toEqual(expect.arrayContaining(keys));
    const kept = await ingestPhoto({
      actor: editor,
      bytes: await plainJpeg({ width: 600, height: 400, seed: 82 }),
      store,
    });

    await removePhoto({ slug: "photo-files-s3", photoId: photo.id });

    // Queued in the approval's transaction; the queue would run it, here it runs at once.
    const [payload] = await queuedFileJobs();
    const purge = { varnishUrls: [purgeUrl], fastly: null, cloudflare: null };
    const first = await removePhotoFiles({ payload, store, purge });
    expect([...first.removed].sort()).toEqual(keys.map((key) => key.slice("photos/".length)).sort());
    const left = await s3.keys();
    for (const key of keys) expect(left).not.toContain(key);
    expect(await bucketHolds(caption)).toBe(false);
    expect(left).toContain(
      `photos/${(await getDb().photo.findUniqueOrThrow({ where: { id: kept.photo.id } })).originalSha256}`,
    );
    expect(purged.join(" ").split(" ").sort()).toEqual(
      row.renditions.map((rendition) => `media:${rendition.sha256}`).sort(),
    );

    // A retry (the queue runs a job again after a failure) finishes without complaint.
    await removePhotoFiles({ payload, store, purge });
  });

  it("keeps bytes another photo still names", async () => {
    const { photo } = await ingestPhoto({
      actor: editor,
      bytes: await plainJpeg({ width: 500, height: 400, seed: 83 }),
      store,
    });
    const sha256 = (await getDb().photo.findUniqueOrThrow({ where: { id: photo.id } })).originalSha256;
    const result = await removePhotoFiles({ payload: { files: [sha256], served: [] }, store });
    expect(result.removed).toEqual([]);
    expect(await s3.keys()).toContain(`photos/${sha256}`);
  });

  it("stops serving a removed rendition at once, even one this instance holds in memory", async () => {
    const { photo } = await ingestPhoto({
      actor: editor,
      bytes: await plainJpeg({ width: 800, height: 500, seed: 84 }),
    });
    const rendition = await getDb().photoRendition.findFirstOrThrow({
      where: { photoId: photo.id, format: "jpeg" },
    });
    const file = `${rendition.sha256}.jpg`;
    const served = await getMedia(new Request(`http://localhost/media/${file}`), {
      params: Promise.resolve({ file }),
    });
    expect(served.status).toBe(200);
    // Shared caches keep /media/ for a year: the tag is how a removal reaches them.
    expect(served.headers.get("xkey")).toBe(`media:${rendition.sha256}`);
    expect(await readRendition({ file })).not.toBeNull();

    await removePhoto({ slug: "photo-files-memo", photoId: photo.id });

    expect(await readRendition({ file })).toBeNull();
    const gone = await getMedia(new Request(`http://localhost/media/${file}`), {
      params: Promise.resolve({ file }),
    });
    expect(gone.status).toBe(404);
  });
});
