import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import sharp from "sharp";

import { autocannonLoad, median, startCopydeskServer, waitUntilAnswering } from "./support/measure";

/*
 * Photos (issue 12, "Measured"): the time to ingest a 24-megapixel wire JPEG (sniff, full decode, metadata,
 * every rendition, store) beside a bare decode of the same file; the bytes of its renditions against the
 * original; and warm requests per second for one rendition served by Copydesk (/media/<sha256>.webp) beside
 * nginx serving the very same file from disk. Next, nginx and autocannon each run in their own process.
 *
 * Needs a production build (NEXT_DIST_DIR, default .next; built first when missing or stale) and nginx.
 */

const connections = 32;
const durationSeconds = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const loadTest = (url: string) => autocannonLoad({ url, connections, durationSeconds });
const waitFor = (url: string, child: ChildProcess) => waitUntilAnswering({ url, child });
const port = Number(process.env.BENCH_PHOTOS_PORT ?? 3192);
const nginxPort = port + 1;
const origin = `http://127.0.0.1:${port}`;

async function ensureBuild(distDir: string): Promise<void> {
  const { computeBuildFingerprint, isBuildCurrent, recordBuild } =
    await import("@/scripts/start/build-fingerprint");
  const fingerprint = await computeBuildFingerprint({ projectDir: process.cwd() });
  if (existsSync(path.join(distDir, "BUILD_ID")) && (await isBuildCurrent({ distDir, fingerprint }))) return;
  console.log(
    `\nPhotos: the production build in ${distDir} is missing or older than the code; building it first…`,
  );
  const { runNextBuild } = await import("@/scripts/start/next-process");
  const logFile = path.join(tmpdir(), `copydesk-bench-build-${process.pid}.log`);
  const exitCode = await runNextBuild({ projectDir: process.cwd(), distDir, logFile }).done;
  if (exitCode !== 0) throw new Error(`next build failed (exit ${exitCode}); its output is in ${logFile}`);
  await recordBuild({ distDir, fingerprint });
}

const startNext = (distDir: string) => startCopydeskServer({ distDir, port });

/** nginx in the foreground as this user, serving `dir` with the same immutable caching header. */
async function startNginx(dir: string): Promise<ChildProcess> {
  const conf = path.join(dir, "nginx.conf");
  await writeFile(
    conf,
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  types { image/webp webp; }
  server { listen 127.0.0.1:${nginxPort}; root ${dir}; location /media/ { add_header Cache-Control "public, max-age=31536000, immutable"; } } }
`,
  );
  const child = spawn("nginx", ["-c", conf, "-p", dir], { stdio: "ignore" });
  return child;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export default async function run(): Promise<void> {
  const { createTestActor } = await import("@/lib/auth/test-actors");
  const { ingestPhoto } = await import("@/lib/media/ingest-photo");
  const { postgresPhotoStore } = await import("@/lib/media/photo-store");
  const { wireJpeg } = await import("@/lib/media/test-photos");
  const actor = await createTestActor({ role: "editor", name: "Bench Photo Desk" });

  // 6000 × 4000 = 24 megapixels, noisy so the encoders do real work, with wire IPTC/EXIF (and GPS).
  const originals = [
    await wireJpeg({ width: 6000, height: 4000, seed: 1 }),
    await wireJpeg({ width: 6000, height: 4000, seed: 2 }),
  ];
  const decodeMs: number[] = [];
  for (const bytes of originals) {
    const start = performance.now();
    await sharp(bytes).rotate().raw().toBuffer();
    decodeMs.push(performance.now() - start);
  }
  const ingestMs: number[] = [];
  let photo: Awaited<ReturnType<typeof ingestPhoto>>["photo"] | undefined;
  for (const bytes of originals) {
    const start = performance.now();
    photo = (await ingestPhoto({ actor, bytes })).photo;
    ingestMs.push(performance.now() - start);
  }
  const original = originals[1]!;
  console.log(
    `\nIngest of a 24-megapixel JPEG (${kb(original.byteLength)}), ${photo!.renditions.length} renditions, median of ${ingestMs.length}:`,
  );
  console.log(`  ingest (sniff, decode, metadata, renditions, store)  ${median(ingestMs).toFixed(0)} ms`);
  console.log(`  baseline: bare full decode of the same file           ${median(decodeMs).toFixed(0)} ms`);

  console.log(`\nRendition bytes against the original (${kb(original.byteLength)}):`);
  const widths = [...new Set(photo!.renditions.map((rendition) => rendition.width))];
  console.log(`  width   avif      webp      jpeg`);
  for (const width of widths) {
    const of = (format: string) =>
      photo!.renditions.find((rendition) => rendition.width === width && rendition.format === format)
        ?.bytes ?? 0;
    console.log(
      `  ${String(width).padEnd(6)}  ${kb(of("avif")).padEnd(8)}  ${kb(of("webp")).padEnd(8)}  ${kb(of("jpeg"))}`,
    );
  }
  const total = photo!.renditions.reduce((sum, rendition) => sum + rendition.bytes, 0);
  console.log(
    `  all ${photo!.renditions.length} renditions together: ${kb(total)} (${((100 * total) / original.byteLength).toFixed(0)}% of the original)`,
  );

  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  await ensureBuild(distDir);
  const served = photo!.renditions.find(
    (rendition) => rendition.format === "webp" && rendition.width === 1024,
  )!;
  const dir = await mkdtemp(path.join(tmpdir(), "copydesk-bench-photos-"));
  const children: ChildProcess[] = [];
  try {
    const sha256 = served.url.slice("/media/".length).split(".")[0]!;
    const blob = await postgresPhotoStore.get({ sha256 });
    await import("node:fs/promises")
      .then((fs) => fs.mkdir(path.join(dir, "media")))
      .then(() => writeFile(path.join(dir, served.url), blob!.data));
    const next = startNext(distDir);
    children.push(next);
    await waitFor(`${origin}/api/health`, next);
    const nginx = await startNginx(dir);
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${nginxPort}${served.url}`, nginx);
    // Warm both: the first request fills Copydesk's rendition memo.
    await (await fetch(`${origin}${served.url}`)).arrayBuffer();
    const copydesk = await loadTest(`${origin}${served.url}`);
    const baseline = await loadTest(`http://127.0.0.1:${nginxPort}${served.url}`);
    console.log(
      `\nWarm rendition (1024 px WebP, ${kb(served.bytes)}), ${connections} connections, ${durationSeconds} s each:`,
    );
    console.log(
      `  Copydesk /media/…  ${copydesk.rps.toFixed(0)} req/s  (p99 ${copydesk.p99} ms, non-2xx ${copydesk.non2xx})`,
    );
    console.log(
      `  baseline: nginx    ${baseline.rps.toFixed(0)} req/s  (p99 ${baseline.p99} ms, non-2xx ${baseline.non2xx})`,
    );
  } finally {
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null
          ? null
          : new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))),
      ),
    );
    await rm(dir, { recursive: true, force: true });
  }
}
