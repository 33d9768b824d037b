import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

import { s3Client, type S3Settings } from "@/lib/media/s3-photo-store";

export type RunningS3 = {
  settings: S3Settings & { endpoint: string; accessKeyId: string; secretAccessKey: string };
  /** Whether the server refuses a request signed with the wrong secret key (s3rver does not check SigV4). */
  verifiesSignatures: boolean;
  /** Every key in the bucket under `prefix`, read back over S3 (ListObjectsV2). */
  keys: (options?: { prefix?: string }) => Promise<string[]>;
  stop: () => Promise<void>;
};

function withKeys(
  settings: RunningS3["settings"],
  verifiesSignatures: boolean,
  stop: () => Promise<void>,
): RunningS3 {
  const client = s3Client(settings);
  return {
    settings,
    verifiesSignatures,
    keys: async ({ prefix = "" } = {}) => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    stop: async () => {
      client.destroy();
      await stop();
    },
  };
}

/**
 * An S3 server for tests: by default s3rver (npm) on 127.0.0.1, which keeps objects as files in a temporary
 * folder and speaks S3's REST API over HTTP. It checks the access key id but not SigV4 signatures, and does
 * no checksums, policies or versioning. With `external` (S3_TEST_ENDPOINT, S3_TEST_ACCESS_KEY_ID,
 * S3_TEST_SECRET_ACCESS_KEY and optionally S3_TEST_REGION set) the tests use that server instead (MinIO,
 * Ceph, AWS…), in a bucket of their own that they create; stopping it then only closes the client.
 */
export async function startS3Server(
  options: { bucket?: string; external?: boolean } = {},
): Promise<RunningS3> {
  const bucket = options.bucket ?? `copydesk-test-${Math.random().toString(36).slice(2, 10)}`;
  const endpoint = process.env.S3_TEST_ENDPOINT;
  if (options.external && endpoint) {
    const settings = {
      bucket,
      endpoint,
      region: process.env.S3_TEST_REGION ?? "us-east-1",
      forcePathStyle: true,
      accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID ?? "",
      secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY ?? "",
    };
    const client = s3Client(settings);
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    client.destroy();
    return withKeys(settings, true, async () => {});
  }
  const directory = await mkdtemp(path.join(tmpdir(), "copydesk-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  // s3rver's one account.
  const settings = {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    forcePathStyle: true,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  };
  let stopped = false;
  return withKeys(settings, false, async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });
}
