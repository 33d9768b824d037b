import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import { AppError } from "@/lib/errors/app-error";

import { ingestPhoto } from "./ingest-photo";
import { sha256Of } from "./make-renditions";
import { postgresPhotoStore, withDatabaseFallback, type StoredBlob } from "./photo-store";
import { s3PhotoStore } from "./s3-photo-store";
import { wireJpeg } from "./test-photos";
import { startS3Server, type RunningS3 } from "./testing/start-s3-server";

async function failure(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const blobOf = (text: string, contentType = "image/jpeg"): StoredBlob => {
  const data = Buffer.from(text);
  return { sha256: sha256Of(data), contentType, data };
};

// The real S3 store over HTTP against an S3-protocol server on this machine: s3rver, or the server
// S3_TEST_ENDPOINT names (see start-s3-server.ts). The outage tests always use an s3rver of their own,
// stopped.
describe("the S3 photo store against an S3 server", { timeout: 240_000 }, () => {
  let s3: RunningS3;

  beforeAll(async () => {
    s3 = await startS3Server({ external: true });
  });

  afterAll(async () => {
    await s3?.stop();
  });

  it("puts an object under photos/<sha256> and reads the same bytes and type back", async () => {
    const store = s3PhotoStore({ settings: s3.settings });
    const blob = blobOf("first frame of the harbour fire", "image/webp");
    expect(await store.get({ sha256: blob.sha256 })).toBeNull();
    await store.putBeforeCommit({ blobs: [blob] });
    expect(await s3.keys()).toContain(`photos/${blob.sha256}`);
    const read = await store.get({ sha256: blob.sha256 });
    expect(read).toEqual({ contentType: "image/webp", data: blob.data });
  });

  it("stores the same bytes once however often they are put", async () => {
    const store = s3PhotoStore({ settings: s3.settings });
    const blob = blobOf("the same wire photo, sent twice");
    await store.putBeforeCommit({ blobs: [blob, blob] });
    await store.putBeforeCommit({ blobs: [blob] });
    expect((await s3.keys()).filter((key) => key === `photos/${blob.sha256}`)).toHaveLength(1);
    expect((await store.get({ sha256: blob.sha256 }))?.data).toEqual(blob.data);
  });

  it("answers null for a photo that is not in the bucket", async () => {
    const store = s3PhotoStore({ settings: s3.settings });
    expect(await store.get({ sha256: "0".repeat(64) })).toBeNull();
  });

  it("refuses with a sentence, naming neither key, when the access key is wrong or the bucket does not exist", async () => {
    const wrongKeys = { accessKeyId: "AKIANOTOURNEWSROOM", secretAccessKey: "wrong-secret-4f7a9c" };
    for (const settings of [
      { ...s3.settings, ...wrongKeys },
      { ...s3.settings, bucket: "no-such-newsroom-bucket" },
    ]) {
      const store = s3PhotoStore({ settings });
      for (const work of [
        () => store.putBeforeCommit({ blobs: [blobOf("refused")] }),
        () => store.get({ sha256: blobOf("refused").sha256 }),
      ]) {
        const error = await failure(work());
        expect(error.code).toBe("unavailable");
        expect(error.userMessage).toMatch(
          /photo store refused Copydesk’s request \(its settings need fixing\)/,
        );
        // HEAD answers carry no body, so its failure is named by the status alone.
        expect(error.message).toMatch(
          /^photo store (HEAD|PUT|GET) s3:\/\/[\w-]+\/photos\/[0-9a-f]{64} failed: \w+.* \(HTTP (403|404)\)$/,
        );
        const everything = `${error.message} ${error.userMessage} ${JSON.stringify(error)} ${String(error.cause ?? "")}`;
        expect(everything).not.toContain(wrongKeys.secretAccessKey);
        expect(everything).not.toContain(wrongKeys.accessKeyId);
      }
    }
    expect((await s3.keys()).some((key) => key.endsWith(blobOf("refused").sha256))).toBe(false);
  });

  it("refuses a request signed with the wrong secret key (on a server that checks signatures)", async (context) => {
    if (!s3.verifiesSignatures) context.skip("s3rver does not verify SigV4 signatures");
    const store = s3PhotoStore({ settings: { ...s3.settings, secretAccessKey: "wrong-secret-4f7a9c" } });
    for (const work of [
      () => store.putBeforeCommit({ blobs: [blobOf("forged")] }),
      () => store.get({ sha256: blobOf("forged").sha256 }),
    ]) {
      const error = await failure(work());
      expect(error.userMessage).toMatch(/photo store refused Copydesk’s request/);
      expect(`${error.message} ${error.userMessage}`).not.toContain("wrong-secret-4f7a9c");
    }
    expect((await s3.keys()).some((key) => key.endsWith(blobOf("forged").sha256))).toBe(false);
  });

  it("says the store cannot be reached (503) when the S3 server is down, for uploads and for reads", async () => {
    const stopped = await startS3Server();
    const store = s3PhotoStore({ settings: stopped.settings });
    await stopped.stop();
    for (const [work, outcome] of [
      [() => store.putBeforeCommit({ blobs: [blobOf("down")] }), /nothing was saved/],
      [() => store.get({ sha256: blobOf("down").sha256 }), /cannot be shown/],
    ] as const) {
      const error = await failure(work());
      expect(error.code).toBe("unavailable");
      expect(error.userMessage).toMatch(/photo store cannot be reached right now/);
      expect(error.userMessage).toMatch(outcome);
    }
  });

  it("gives up on a store that accepts connections and never answers, rather than hanging the upload", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    const port = await findFreePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      const store = s3PhotoStore({
        settings: { ...s3.settings, endpoint: `http://127.0.0.1:${port}`, requestTimeoutMs: 300 },
      });
      const error = await failure(store.get({ sha256: blobOf("silent").sha256 }));
      expect(error.code).toBe("unavailable");
      expect(error.userMessage).toMatch(/cannot be reached/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  describe("an ingest with PHOTO_STORE=s3", () => {
    let editor: Actor;

    beforeAll(async () => {
      editor = await createTestActor({ role: "editor" });
    });

    it("writes the original and every rendition to the bucket and no bytes to the database", async () => {
      const store = s3PhotoStore({ settings: s3.settings });
      const blobsBefore = await getDb().photoBlob.count();
      const bytes = await wireJpeg({ seed: 70, width: 900, height: 600 });
      const { photo, created } = await ingestPhoto({ actor: editor, bytes, store });
      expect(created).toBe(true);
      const keys = await s3.keys({ prefix: "photos/" });
      expect(keys).toContain(`photos/${sha256Of(bytes)}`);
      for (const rendition of photo.renditions) {
        const sha256 = rendition.url.slice("/media/".length).split(".")[0]!;
        expect(keys).toContain(`photos/${sha256}`);
        expect((await store.get({ sha256 }))!.data.byteLength).toBeGreaterThan(0);
      }
      expect(await getDb().photoBlob.count()).toBe(blobsBefore);
      expect((await store.get({ sha256: sha256Of(bytes) }))!.data).toEqual(bytes);
    });

    it("stores nothing, not even the photo row, when the bucket cannot be reached", async () => {
      const stopped = await startS3Server();
      const store = s3PhotoStore({ settings: stopped.settings });
      await stopped.stop();
      const before = { photos: await getDb().photo.count(), blobs: await getDb().photoBlob.count() };
      const error = await failure(
        ingestPhoto({ actor: editor, bytes: await wireJpeg({ seed: 71, width: 640, height: 480 }), store }),
      );
      expect(error).toMatchObject({
        code: "unavailable",
        userMessage: expect.stringMatching(/nothing was saved/),
      });
      expect({ photos: await getDb().photo.count(), blobs: await getDb().photoBlob.count() }).toEqual(before);
    });

    it("keeps serving bytes stored in the database before the switch to S3", async () => {
      const bytes = await wireJpeg({ seed: 72, width: 640, height: 480 });
      const { photo } = await ingestPhoto({ actor: editor, bytes, store: postgresPhotoStore });
      const switched = withDatabaseFallback({ store: s3PhotoStore({ settings: s3.settings }) });
      const sha256 = photo.renditions[0]!.url.slice("/media/".length).split(".")[0]!;
      expect(await s3.keys()).not.toContain(`photos/${sha256}`);
      expect((await switched.get({ sha256 }))?.data).toEqual(
        (await postgresPhotoStore.get({ sha256 }))?.data,
      );
    });
  });
});
