import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { wireJpeg } from "@/lib/media/test-photos";

import { GET, POST } from "./route";

const noParams = { params: Promise.resolve({}) };

function upload(options: {
  token?: string;
  file?: Blob;
  body?: BodyInit;
  headers?: Record<string, string>;
}): Promise<Response> {
  const form = new FormData();
  if (options.file) form.set("file", options.file, "photo.jpg");
  const request = new Request("http://localhost/api/v1/photos", {
    method: "POST",
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body: options.body ?? form,
  });
  return POST(request, noParams);
}

const photoCount = () => getDb().photo.count();

describe("POST /api/v1/photos", () => {
  let contributor: Actor;
  let token: string;
  let jpeg: Buffer;

  beforeAll(async () => {
    contributor = await createTestActor({ role: "contributor" });
    ({ token } = await createApiToken({ userId: contributor.userId, name: "Wire ingest", actor: "system" }));
    jpeg = await wireJpeg({ seed: 60, width: 900, height: 600 });
  });

  it("takes a multipart upload with a token and answers the photo with its prefilled credit; the same file again is 200", async () => {
    const response = await upload({ token, file: new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }) });
    expect(response.status).toBe(201);
    const { photo } = (await response.json()) as {
      photo: { id: string; credit: string; renditions: { url: string }[] };
    };
    expect(photo.credit).toBe("Evgeniy Maloletka / AP");
    expect(photo.renditions.length).toBeGreaterThan(0);
    const again = await upload({ token, file: new Blob([new Uint8Array(jpeg)]) });
    expect(again.status).toBe(200);

    const listed = await GET(
      new Request("http://localhost/api/v1/photos?q=maloletka", {
        headers: { authorization: `Bearer ${token}` },
      }),
      noParams,
    );
    expect(((await listed.json()) as { photos: { id: string }[] }).photos.map((entry) => entry.id)).toContain(
      photo.id,
    );
  });

  it("refuses a revoked token and an unknown one with 401, storing nothing", async () => {
    const revoked = await createApiToken({ userId: contributor.userId, name: "Old laptop", actor: "system" });
    await revokeApiToken({ id: revoked.id, actor: "system" });
    const before = await photoCount();
    for (const bad of [revoked.token, "cd_not_a_real_token"]) {
      const response = await upload({
        token: bad,
        file: new Blob([new Uint8Array(await wireJpeg({ seed: 61, width: 400, height: 300 }))]),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    expect(await photoCount()).toBe(before);
  });

  // A signed-out upload (no token, no session cookie) needs Next's request context: e2e/photos.spec.ts covers
  // it.

  it("answers 413 for a declared body over the limit, 422 for a non-image, 400 without a file part", async () => {
    const huge = await upload({
      token,
      body: "x",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(41 * 1024 * 1024),
      },
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(
      /larger than 40 MB/,
    );
    const text = await upload({ token, file: new Blob(["just words"], { type: "image/jpeg" }) });
    expect(text.status).toBe(422);
    const empty = await upload({ token });
    expect(empty.status).toBe(400);
  });
});
