import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { s3Client, type S3Settings } from "../s3-photo-store";

export type RunningS3 = {
  settings: S3Settings & { endpoint: string; accessKeyId: string; secretAccessKey: string };
  /** Every key in the bucket under `prefix`, read back over S3 (ListObjectsV2). */
  keys: (options?: { prefix?: string }) => Promise<string[]>;
  stop: () => Promise<void>;
};

/**
 * An S3-protocol server on 127.0.0.1 for tests and benches: s3rver (npm), which keeps objects as files in a
 * temporary folder and speaks S3's REST API over HTTP. Its limits (README, Photos): it checks the access key id
 * but not SigV4 signatures, so a wrong secret key is not refused; it does no multipart checksums or versioning.
 */
export async function startS3Server(options: { bucket?: string } = {}): Promise<RunningS3> {
  const bucket = options.bucket ?? "copydesk-photos-test";
  const directory = await mkdtemp(path.join(tmpdir(), "copydesk-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  // s3rver's one account.
  const settings = { bucket, endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", forcePathStyle: true, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const client = s3Client(settings);
  let stopped = false;
  return {
    settings,
    keys: async ({ prefix = "" } = {}) => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
