import "server-only";

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";

import { AppError } from "@/lib/errors/app-error";

import type { PhotoStore } from "./photo-store";

export type S3Settings = {
  bucket: string;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Both or neither; without them the AWS SDK's usual chain (environment, instance role…) applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** How long one request may take before it counts as a failure (the SDK then retries it twice). */
  requestTimeoutMs?: number;
};

type S3Failure = { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown } };

const statusOf = (error: unknown) => {
  const status = (error as S3Failure | null)?.$metadata?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
};

const isMissing = (error: unknown) => {
  const name = (error as S3Failure | null)?.name;
  // HEAD has no body, so a missing key is only "NotFound" (404); a missing bucket says NoSuchBucket.
  return name === "NoSuchKey" || (name === "NotFound" && statusOf(error) === 404);
};

/**
 * The store answered but refused (4xx: wrong keys, no such bucket, no permission) or could not be reached
 * (network, timeout, 5xx). Either way the newsroom can do nothing but wait or call IT, so both are 503s. The
 * message names the failure only by its S3 error name and status: never a key, a signature or the request.
 */
function storeFailure(options: {
  error: unknown;
  action: string;
  bucket: string;
  key: string;
  saving: boolean;
}): AppError {
  const { error, action, bucket, key, saving } = options;
  const failure = (error ?? {}) as S3Failure;
  const status = statusOf(error);
  const name = typeof failure.name === "string" ? failure.name : "Error";
  const code = typeof failure.code === "string" ? ` ${failure.code}` : "";
  const refused = status !== undefined && status < 500;
  const outcome = saving ? "so nothing was saved" : "so the photo cannot be shown";
  return new AppError({
    code: "unavailable",
    message: `photo store ${action} s3://${bucket}/${key} failed: ${name}${code}${status ? ` (HTTP ${status})` : ""}`,
    userMessage: refused
      ? `The photo store refused Copydesk’s request (its settings need fixing), ${outcome}. Tell whoever runs Copydesk.`
      : `The photo store cannot be reached right now, ${outcome}. Please try again in a moment.`,
  });
}

export function s3Client(settings: S3Settings): S3Client {
  const credentials =
    settings.accessKeyId && settings.secretAccessKey
      ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
      : undefined;
  return new S3Client({
    region: settings.region ?? "us-east-1",
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle ?? false,
    ...(credentials ? { credentials } : {}),
    // The SDK waits forever by default, and past requestTimeout it only logs a warning unless told to throw:
    // a store that accepts connections and never answers would hold the upload (and a reader's /media
    // request).
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: settings.requestTimeoutMs ?? 30_000,
      throwOnRequestTimeout: true,
    },
  });
}

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, R2…). Objects are keyed `photos/<sha256>` and written before the
 * rows that name them commit (no transaction waits on the network): an upload that fails after that leaves an
 * unreferenced object, never a row without bytes. Tested against s3rver (lib/media/s3-photo-store.test.ts).
 */
export function s3PhotoStore(options: { settings: S3Settings; client?: S3Client }): PhotoStore {
  const { bucket } = options.settings;
  const client = options.client ?? s3Client(options.settings);
  const keyOf = (sha256: string) => `photos/${sha256}`;

  async function exists(key: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw storeFailure({ error, action: "HEAD", bucket, key, saving: true });
    }
  }

  return {
    async putBeforeCommit({ blobs }) {
      for (const blob of blobs) {
        const key = keyOf(blob.sha256);
        // Content-addressed: an object already there holds these very bytes.
        if (await exists(key)) continue;
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: blob.data,
              ContentType: blob.contentType,
            }),
          );
        } catch (error) {
          throw storeFailure({ error, action: "PUT", bucket, key, saving: true });
        }
      }
    },
    async putInTransaction() {},
    async get({ sha256 }) {
      const key = keyOf(sha256);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const data = Buffer.from(await object.Body!.transformToByteArray());
        return { contentType: object.ContentType ?? "application/octet-stream", data };
      } catch (error) {
        if (isMissing(error)) return null;
        throw storeFailure({ error, action: "GET", bucket, key, saving: false });
      }
    },
    async remove({ sha256s }) {
      for (const sha256 of sha256s) {
        const key = keyOf(sha256);
        try {
          // S3 answers 204 for a key that is already gone, so a retry after a partial run succeeds.
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        } catch (error) {
          if (isMissing(error)) continue;
          throw storeFailure({ error, action: "DELETE", bucket, key, saving: true });
        }
      }
    },
  };
}
