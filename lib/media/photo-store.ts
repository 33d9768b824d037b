import "server-only";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";

export type StoredBlob = { sha256: string; contentType: string; data: Buffer };

/**
 * Where photo bytes live, addressed by their SHA-256 (so a byte string is stored once however often it is
 * uploaded, and a key never changes meaning). `put` runs inside the caller's transaction when the store is
 * the database, so a failed upload leaves nothing behind.
 */
export type PhotoStore = {
  put(options: { tx: Prisma.TransactionClient; blobs: readonly StoredBlob[] }): Promise<void>;
  get(options: { sha256: string }): Promise<{ contentType: string; data: Buffer } | null>;
};

/** The default: bytes in PostgreSQL (photo_blobs), nothing else to run, shared by every instance. */
export const postgresPhotoStore: PhotoStore = {
  async put({ tx, blobs }) {
    await tx.photoBlob.createMany({
      data: blobs.map((blob) => ({ sha256: blob.sha256, contentType: blob.contentType, data: new Uint8Array(blob.data) })),
      skipDuplicates: true,
    });
  },
  async get({ sha256 }) {
    const row = await getDb().photoBlob.findUnique({ where: { sha256 }, select: { contentType: true, data: true } });
    return row ? { contentType: row.contentType, data: Buffer.from(row.data) } : null;
  },
};

/**
 * An S3-compatible bucket (AWS, MinIO, R2…), configured by the PHOTO_S3_* settings. Objects are written
 * before the rows that name them commit; an upload that then fails leaves an unreferenced object, never a
 * row without bytes. Not exercised against a real S3 server in this repository's tests.
 */
export function s3PhotoStore(options: { client: S3Client; bucket: string }): PhotoStore {
  const { client, bucket } = options;
  const key = (sha256: string) => `photos/${sha256}`;
  return {
    async put({ blobs }) {
      for (const blob of blobs) {
        const exists = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key(blob.sha256) })).then(
          () => true,
          () => false,
        );
        if (!exists) await client.send(new PutObjectCommand({ Bucket: bucket, Key: key(blob.sha256), Body: blob.data, ContentType: blob.contentType }));
      }
    },
    async get({ sha256 }) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key(sha256) }));
        const data = Buffer.from(await object.Body!.transformToByteArray());
        return { contentType: object.ContentType ?? "application/octet-stream", data };
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
  };
}

let configured: PhotoStore | undefined;

/** The store the settings name (PHOTO_STORE, default postgres). */
export function photoStore(): PhotoStore {
  if (configured) return configured;
  const env = getEnv();
  if (env.PHOTO_STORE !== "s3") return (configured = postgresPhotoStore);
  const credentials =
    env.PHOTO_S3_ACCESS_KEY_ID && env.PHOTO_S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.PHOTO_S3_ACCESS_KEY_ID, secretAccessKey: env.PHOTO_S3_SECRET_ACCESS_KEY }
      : undefined;
  const client = new S3Client({
    region: env.PHOTO_S3_REGION ?? "us-east-1",
    ...(env.PHOTO_S3_ENDPOINT ? { endpoint: env.PHOTO_S3_ENDPOINT } : {}),
    forcePathStyle: env.PHOTO_S3_FORCE_PATH_STYLE,
    ...(credentials ? { credentials } : {}),
  });
  return (configured = s3PhotoStore({ client, bucket: env.PHOTO_S3_BUCKET! }));
}
