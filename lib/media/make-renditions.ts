import { createHash } from "node:crypto";
import sharp, { type Sharp } from "sharp";

import { AppError } from "@/lib/errors/app-error";

import { mediaLimits, renditionFormats, renditionWidths, type RenditionFormat } from "./media-limits";

export type RenditionBytes = {
  format: RenditionFormat;
  width: number;
  height: number;
  sha256: string;
  data: Buffer;
};
export type DecodedPhoto = { width: number; height: number; renditions: RenditionBytes[] };

// libvips keeps recent operations (and the buffers they read) in a cache for reuse; every upload is new
// bytes, so the cache only holds decoded memory after the upload is done.
sharp.cache(false);

export const sha256Of = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * SHA-256 of an upload in 4 MB slices, letting other requests run between them (40 MB at once holds the loop
 * ~100 ms).
 */
export async function sha256OfUpload(data: Uint8Array): Promise<string> {
  const hash = createHash("sha256");
  const slice = 4 * 1024 * 1024;
  for (let at = 0; at < data.byteLength; at += slice) {
    hash.update(data.subarray(at, at + slice));
    if (at + slice < data.byteLength) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return hash.digest("hex");
}

function undecodable(cause: unknown): AppError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/pixel limit/i.test(message)) {
    return new AppError({
      code: "unprocessable",
      message: `upload refused: ${message}`,
      userMessage: `That image is too large to process: it has more than ${mediaLimits.maxInputPixels / 1_000_000} megapixels.`,
      cause,
    });
  }
  if (/^timeout/i.test(message)) {
    return new AppError({
      code: "unavailable",
      message: `upload stopped: ${message}`,
      userMessage:
        "That photo took too long to process, probably because the server is busy. Try it again in a moment.",
      cause,
    });
  }
  return new AppError({
    code: "unprocessable",
    message: `upload refused: cannot decode (${message})`,
    userMessage:
      "That photo file is damaged or incomplete (it may have been cut off while copying). Upload the full file again.",
    cause,
  });
}

/**
 * Decoder options shared by every pass: refuse bombs before decoding, refuse truncated data, first frame
 * only.
 */
const decode = (bytes: Uint8Array) =>
  sharp(bytes, {
    limitInputPixels: mediaLimits.maxInputPixels,
    failOn: "truncated",
    pages: 1,
    sequentialRead: true,
  }).timeout({
    seconds: mediaLimits.pipelineTimeoutSeconds,
  });

function encoder(image: Sharp, format: RenditionFormat): Sharp {
  if (format === "avif") return image.avif({ quality: 50, effort: 2 });
  if (format === "webp") return image.webp({ quality: 75, effort: 3 });
  return image.jpeg({ quality: 80, mozjpeg: true });
}

/** A photo's upright size from its header alone (nothing decoded yet), refusing one over the pixel limit. */
export async function readPhotoSize(options: {
  bytes: Uint8Array;
}): Promise<{ width: number; height: number }> {
  try {
    const meta = await decode(options.bytes).metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > mediaLimits.maxInputPixels)
      throw new Error("Input image exceeds pixel limit");
    const turned = (meta.orientation ?? 1) >= 5;
    const [width, height] = turned
      ? [meta.height ?? 0, meta.width ?? 0]
      : [meta.width ?? 0, meta.height ?? 0];
    return { width, height };
  } catch (error) {
    throw undecodable(error);
  }
}

/**
 * Every rendition readers may get, for a photo `readPhotoSize` measured. `.rotate()` turns the pixels upright
 * from the EXIF orientation (so the orientation survives without the tag); `keepIccProfile()` keeps the
 * colour profile; nothing else of the file's metadata (EXIF, GPS, IPTC, XMP: location, serial numbers, owner)
 * is written, since sharp drops all metadata unless asked to keep it. Decoding fully first makes a truncated
 * file fail before anything is stored.
 */
export async function makeRenditions(options: {
  bytes: Uint8Array;
  size: { width: number; height: number };
}): Promise<DecodedPhoto> {
  const largest = renditionWidths[renditionWidths.length - 1]!;
  const { width, height } = options.size;
  let master: { data: Buffer; width: number };
  try {
    // One full decode, upright and within the largest rendition (no wider than it, no longer than any encoder
    // takes), kept losslessly with its colour profile: it catches truncation anywhere in the file, and every
    // rendition is encoded from it, so the original is decoded once however many renditions there are.
    const { data, info } = await decode(options.bytes)
      .rotate()
      .resize({
        width: largest,
        height: mediaLimits.maxRenditionSide,
        fit: "inside",
        withoutEnlargement: true,
      })
      .keepIccProfile()
      .tiff({ compression: "none" })
      .toBuffer({ resolveWithObject: true });
    master = { data, width: info.width };
  } catch (error) {
    throw undecodable(error);
  }
  const sizes = [
    ...new Set([...renditionWidths.filter((candidate) => candidate < master.width), master.width]),
  ].sort((a, b) => a - b);

  const renditions: RenditionBytes[] = [];
  for (const targetWidth of sizes) {
    for (const format of renditionFormats) {
      try {
        const pipeline = sharp(master.data)
          .timeout({ seconds: mediaLimits.pipelineTimeoutSeconds })
          .resize({ width: targetWidth, withoutEnlargement: true })
          .keepIccProfile();
        const { data, info } = await encoder(pipeline, format).toBuffer({ resolveWithObject: true });
        renditions.push({ format, width: info.width, height: info.height, sha256: sha256Of(data), data });
      } catch (error) {
        throw undecodable(error);
      }
    }
  }
  return { width, height, renditions };
}
