import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

const run = promisify(execFile);

/** What the wire-photo fixture says about itself, as a news agency would write it. */
export const wireFixture = {
  caption: "A Ukrainian tank passes by a burning car near the Russian-Ukrainian border.",
  creator: "Evgeniy Maloletka",
  credit: "AP",
  copyright: "Copyright 2026 The Associated Press",
  serial: "SN-4471-0099",
  owner: "Field Desk Camera 7",
  gps: { latitude: 50.2906, longitude: 36.9429 },
} as const;

/** Tag arguments for exiftool: IPTC caption/byline/credit, EXIF GPS, camera serial and owner, date taken. */
function wireTags(): string[] {
  const f = wireFixture;
  return [
    `-IPTC:Caption-Abstract=${f.caption}`,
    `-IPTC:By-line=${f.creator}`,
    `-IPTC:Credit=${f.credit}`,
    `-IPTC:CopyrightNotice=${f.copyright}`,
    `-XMP-dc:Description=${f.caption}`,
    `-EXIF:DateTimeOriginal=2026:02:24 06:41:07`,
    `-EXIF:GPSLatitude=${f.gps.latitude}`,
    "-EXIF:GPSLatitudeRef=N",
    `-EXIF:GPSLongitude=${f.gps.longitude}`,
    "-EXIF:GPSLongitudeRef=E",
    `-EXIF:SerialNumber=${f.serial}`,
    `-EXIF:OwnerName=${f.owner}`,
    "-EXIF:Orientation#=6",
  ];
}

/** Runs exiftool on `bytes` with `args` and returns the rewritten file. */
export async function withExiftool(options: {
  bytes: Buffer;
  args: string[];
  extension?: string;
}): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "copydesk-photo-"));
  const file = join(dir, `photo.${options.extension ?? "jpg"}`);
  try {
    await writeFile(file, options.bytes);
    await run("exiftool", ["-q", "-overwrite_original", ...options.args, file]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every tag exiftool finds in `bytes`, grouped names ("EXIF:GPSLatitude") to values. */
export async function exiftoolTags(options: { bytes: Buffer }): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), "copydesk-photo-"));
  const file = join(dir, "photo.bin");
  try {
    await writeFile(file, options.bytes);
    const { stdout } = await run("exiftool", ["-json", "-G", "-n", file]);
    return (JSON.parse(stdout) as Record<string, unknown>[])[0] ?? {};
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A noisy gradient (so encoders do real work) of the given size, as JPEG with an sRGB profile. */
export async function plainJpeg(options: { width: number; height: number; seed?: number }): Promise<Buffer> {
  const { width, height } = options;
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#000",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .raw()
    .toBuffer();
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${((options.seed ?? 0) * 47) % 360}, 60%, 45%)" opacity="0.5"/></svg>`,
        ),
      },
    ])
    .withIccProfile("srgb")
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A wire photo: JPEG with IPTC caption, by-line and credit, EXIF GPS, serial number and owner name. */
export async function wireJpeg(
  options: { width?: number; height?: number; seed?: number } = {},
): Promise<Buffer> {
  const bytes = await plainJpeg({
    width: options.width ?? 1800,
    height: options.height ?? 1200,
    seed: options.seed ?? 0,
  });
  return withExiftool({ bytes, args: wireTags() });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of a few hundred bytes whose header claims `width` × `height` pixels: a decompression bomb. */
export function bombPng(options: { width: number; height: number }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(options.width, 0);
  header.writeUInt32BE(options.height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(options.width + 1)); // one row of zeros; the rest "would follow"
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", header),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An HEVC-coded HEIC still, as iPhones save them, made by libheif's heif-enc (Debian: libheif-examples). */
export async function heicPhoto(options: { width: number; height: number; seed?: number }): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "copydesk-heic-"));
  try {
    await writeFile(
      join(dir, "photo.png"),
      await sharp(await plainJpeg(options))
        .png()
        .toBuffer(),
    );
    await run("heif-enc", ["--quality", "60", "--output", join(dir, "photo.heic"), join(dir, "photo.png")]);
    return await readFile(join(dir, "photo.heic"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A small PNG carrying an XMP packet whose caption sits inside `depth` unclosed `<rdf:Alt>` elements: 80,000
 * deep is the 720 KB file that froze an instance for 26 s and stored a 1.19-million-character caption.
 */
export async function deeplyNestedXmpPng(options: { depth: number }): Promise<Buffer> {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>${"<rdf:Alt>".repeat(options.depth)}A caption</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#369" } })
    .png()
    .toBuffer();
  // iTXt: keyword, then no compression, no language, no translated keyword, then the packet as UTF-8.
  const itxt = pngChunk(
    "iTXt",
    Buffer.concat([Buffer.from("XML:com.adobe.xmp\0\0\0\0\0", "latin1"), Buffer.from(xmp)]),
  );
  const afterHeader = 8 + 25; // signature, IHDR
  return Buffer.concat([png.subarray(0, afterHeader), itxt, png.subarray(afterHeader)]);
}

/**
 * A flat-coloured PNG of any size (compresses to little, so even 100 megapixels stays under the upload
 * limit).
 */
export async function flatPng(options: {
  width: number;
  height: number;
  seed?: number;
  sixteenBit?: boolean;
}): Promise<Buffer> {
  const seed = options.seed ?? 0;
  const image = sharp({
    create: {
      width: options.width,
      height: options.height,
      channels: 3,
      background: { r: (seed * 37) % 256, g: 90, b: 160 },
    },
  });
  return (options.sixteenBit ? image.toColourspace("rgb16") : image).png().toBuffer();
}
