import "server-only";

import { Worker } from "node:worker_threads";

type Tags = Record<string, unknown>;

/**
 * A photo file's metadata blocks as exifr reads them, each kept apart so their priority is ours to choose.
 */
export type PhotoTags = { exif: Tags; iptc: Tags; xmp: Tags };

/** Why some or all of a file's metadata was not read; each becomes a sentence for the editor. */
export type SkippedMetadata = "xmp-too-large" | "xmp-too-deep" | "too-slow" | "unreadable";

/**
 * Bounds on reading a file's metadata. exifr's XMP parser is a regular-expression walk that slows with the
 * square of nesting (80,000 unclosed `<rdf:Alt>` took 26 s), so XMP is measured before it is parsed: real
 * packets are a few KB and nest under a dozen deep (Photoshop's history can reach a few hundred KB). Parsing
 * runs in a worker thread, stopped when the time or memory runs out, so no file can hold the event loop.
 */
export const metadataLimits = {
  maxXmpChars: 1_000_000,
  maxXmpDepth: 32,
  timeLimitMs: 5_000,
  workerHeapMb: 96,
} as const;

/*
 * The worker: plain CommonJS so it runs the same under Next, Vitest and the scripts, with exifr resolved from
 * the app's node_modules. It answers two kinds of message: a file's blocks (XMP raw, dropped when too long
 * to be worth measuring) and one XMP packet to parse once it has passed the bounds.
 */
const workerSource = `
const { parentPort } = require("node:worker_threads");
const exifr = require("exifr");
const xmpParser = exifr.segmentParsers.get("xmp");
parentPort.on("message", async (task) => {
  try {
    if (typeof task.xmp === "string") {
      parentPort.postMessage({ ok: true, result: xmpParser.parse(task.xmp) ?? {} });
      return;
    }
    const result = (await exifr.parse(task.bytes, task.options)) ?? {};
    if (typeof result.xmp === "string" && result.xmp.length > task.maxXmpChars) result.xmp = { tooLong: result.xmp.length };
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
});
`;

const blockOptions = {
  tiff: true,
  exif: true,
  gps: false,
  iptc: true,
  icc: false,
  xmp: { parse: false },
  mergeOutput: false,
  reviveValues: false,
  translateValues: false,
};

class MetadataTimeout extends Error {}

/** How deep `xml`'s elements nest, counted in one pass and stopping as soon as it passes `limit`. */
export function xmlDepthOver(options: { xml: string; limit: number }): boolean {
  const { xml, limit } = options;
  let depth = 0;
  for (let at = xml.indexOf("<"); at !== -1; at = xml.indexOf("<", at + 1)) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x2f /* / */) depth -= 1;
    else if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) {
      const end = xml.indexOf(">", at);
      if (end === -1) break;
      if (xml.charCodeAt(end - 1) !== 0x2f) depth += 1;
      if (depth > limit) return true;
    }
  }
  return false;
}

const asTags = (value: unknown): Tags =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Tags) : {};

/**
 * Reads the EXIF, IPTC and XMP blocks of `bytes` off the event loop, within `metadataLimits`. A block that
 * cannot be read within them is left out and named in `skipped`; reading never fails the upload.
 */
export async function readPhotoTags(options: {
  bytes: Uint8Array;
}): Promise<{ tags: PhotoTags; skipped: SkippedMetadata[] }> {
  const empty: PhotoTags = { exif: {}, iptc: {}, xmp: {} };
  const worker = new Worker(workerSource, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: metadataLimits.workerHeapMb },
  });
  worker.unref();
  let fail: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    fail = reject;
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("metadata worker stopped")));
  });
  stopped.catch(() => undefined);
  const timer = setTimeout(() => fail(new MetadataTimeout()), metadataLimits.timeLimitMs);
  const ask = (task: object) =>
    Promise.race([
      new Promise<unknown>((resolve, reject) => {
        worker.once("message", (reply: { ok: boolean; result?: unknown; message?: string }) =>
          reply.ok ? resolve(reply.result) : reject(new Error(reply.message)),
        );
        worker.postMessage(task);
      }),
      stopped,
    ]);
  try {
    // A copy for the worker: the caller keeps its bytes for decoding and storing.
    const blocks = asTags(
      await ask({
        bytes: new Uint8Array(options.bytes),
        options: blockOptions,
        maxXmpChars: metadataLimits.maxXmpChars,
      }),
    );
    const tags: PhotoTags = {
      exif: { ...asTags(blocks.ifd0), ...asTags(blocks.exif) },
      iptc: asTags(blocks.iptc),
      xmp: {},
    };
    const skipped: SkippedMetadata[] = [];
    if (typeof blocks.xmp === "string") {
      if (xmlDepthOver({ xml: blocks.xmp, limit: metadataLimits.maxXmpDepth })) skipped.push("xmp-too-deep");
      else tags.xmp = asTags(await ask({ xmp: blocks.xmp }));
    } else if (blocks.xmp !== undefined) {
      skipped.push("xmp-too-large");
    }
    return { tags, skipped };
  } catch (error) {
    // exifr reads JPEG, PNG, TIFF, HEIC and AVIF; a WebP or GIF has nothing it can read, which is not a
    // fault.
    if (error instanceof Error && /unknown file format/i.test(error.message))
      return { tags: empty, skipped: [] };
    return { tags: empty, skipped: [error instanceof MetadataTimeout ? "too-slow" : "unreadable"] };
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
