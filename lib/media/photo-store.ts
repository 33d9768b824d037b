import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";

import { s3PhotoStore } from "./s3-photo-store";

export type StoredBlob = { sha256: string; contentType: string; data: Buffer };

/**
 * Where photo bytes live, addressed by their SHA-256 (so a byte string is stored once however often it is
 * uploaded, and a key never changes meaning). An ingest calls `putBeforeCommit` before its transaction (an
 * object store writes there, so no transaction waits on the network) and `putInTransaction` inside it (the
 * database store writes there, so a failed upload leaves nothing behind).
 */
export type PhotoStore = {
  putBeforeCommit(options: { blobs: readonly StoredBlob[] }): Promise<void>;
  putInTransaction(options: { tx: Prisma.TransactionClient; blobs: readonly StoredBlob[] }): Promise<void>;
  get(options: { sha256: string }): Promise<{ contentType: string; data: Buffer } | null>;
  /**
   * Deletes the bytes of these hashes, which no photo may name any more (a legal removal's files). Bytes
   * already gone are no failure, so a retried job finishes.
   */
  remove(options: { sha256s: readonly string[] }): Promise<void>;
};

/** The default: bytes in PostgreSQL (photo_blobs), nothing else to run, shared by every instance. */
export const postgresPhotoStore: PhotoStore = {
  async putBeforeCommit() {},
  async putInTransaction({ tx, blobs }) {
    await tx.photoBlob.createMany({
      data: blobs.map((blob) => ({
        sha256: blob.sha256,
        contentType: blob.contentType,
        data: new Uint8Array(blob.data),
      })),
      skipDuplicates: true,
    });
  },
  async get({ sha256 }) {
    const row = await getDb().photoBlob.findUnique({
      where: { sha256 },
      select: { contentType: true, data: true },
    });
    return row ? { contentType: row.contentType, data: Buffer.from(row.data) } : null;
  },
  async remove({ sha256s }) {
    await getDb().photoBlob.deleteMany({ where: { sha256: { in: [...sha256s] } } });
  },
};

/**
 * New bytes go to `store`; bytes it lacks are read from the database, where photos uploaded before the switch
 * to PHOTO_STORE=s3 still are, so their renditions and originals keep being served without copying them.
 */
export function withDatabaseFallback(options: { store: PhotoStore }): PhotoStore {
  const { store } = options;
  return {
    putBeforeCommit: (put) => store.putBeforeCommit(put),
    putInTransaction: (put) => store.putInTransaction(put),
    get: async (read) => (await store.get(read)) ?? (await postgresPhotoStore.get(read)),
    // Bytes may be in either place, so both forget them.
    remove: async (removal) => {
      await store.remove(removal);
      await postgresPhotoStore.remove(removal);
    },
  };
}

let configured: PhotoStore | undefined;

/** The store the settings name (PHOTO_STORE, default postgres). */
export function photoStore(): PhotoStore {
  if (configured) return configured;
  const env = getEnv();
  if (env.PHOTO_STORE !== "s3") return (configured = postgresPhotoStore);
  const store = s3PhotoStore({
    settings: {
      bucket: env.PHOTO_S3_BUCKET!,
      region: env.PHOTO_S3_REGION,
      endpoint: env.PHOTO_S3_ENDPOINT,
      forcePathStyle: env.PHOTO_S3_FORCE_PATH_STYLE,
      accessKeyId: env.PHOTO_S3_ACCESS_KEY_ID,
      secretAccessKey: env.PHOTO_S3_SECRET_ACCESS_KEY,
    },
  });
  return (configured = withDatabaseFallback({ store }));
}
