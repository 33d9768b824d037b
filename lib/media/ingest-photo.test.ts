import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { ingestPhoto } from "./ingest-photo";
import { mediaLimits } from "./media-limits";
import { postgresPhotoStore } from "./photo-store";
import { readUpload } from "./read-upload";
import { bombPng, exiftoolTags, heicPhoto, plainJpeg, wireFixture, wireJpeg } from "./test-photos";

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const counts = async () => ({
  photos: await getDb().photo.count(),
  renditions: await getDb().photoRendition.count(),
  blobs: await getDb().photoBlob.count(),
});

// Every ingest decodes and encodes fifteen renditions: generous time, as the machine may be busy.
describe("ingestPhoto", { timeout: 240_000 }, () => {
  let editor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
  });

  it("prefills caption, creator, credit line, copyright and date taken from the file", async () => {
    const { photo, created } = await ingestPhoto({ actor: editor, bytes: await wireJpeg({ seed: 1 }) });
    expect(created).toBe(true);
    expect(photo).toMatchObject({
      caption: wireFixture.caption,
      creator: wireFixture.creator,
      credit: "Evgeniy Maloletka / AP",
      copyright: wireFixture.copyright,
      originalType: "image/jpeg",
      // EXIF orientation 6 (rotated 90°): the stored size is the upright one.
      width: 1200,
      height: 1800,
    });
    expect(photo.takenAt).toMatch(/^2026-02-2[34]T/);
    expect(new Set(photo.renditions.map((rendition) => rendition.format))).toEqual(
      new Set(["avif", "webp", "jpeg"]),
    );
    expect([...new Set(photo.renditions.map((rendition) => rendition.width))]).toEqual([
      320, 640, 1024, 1200,
    ]);
    for (const rendition of photo.renditions)
      expect(rendition.url).toMatch(/^\/media\/[0-9a-f]{64}\.(avif|webp|jpg)$/);
  });

  it("writes renditions with no GPS, serial number, owner or caption, but upright and with the colour profile", async () => {
    const { photo } = await ingestPhoto({ actor: editor, bytes: await wireJpeg({ seed: 2 }) });
    for (const rendition of photo.renditions) {
      const sha256 = rendition.url.slice("/media/".length).split(".")[0]!;
      const blob = await postgresPhotoStore.get({ sha256 });
      const tags = await exiftoolTags({ bytes: blob!.data });
      const names = Object.keys(tags).join(" ");
      expect(names).not.toMatch(/GPS|SerialNumber|OwnerName|By-line|Caption/);
      expect(JSON.stringify(tags)).not.toContain(wireFixture.serial);
      const meta = await sharp(blob!.data).metadata();
      expect(meta.orientation ?? 1).toBe(1);
      expect(meta.height).toBeGreaterThan(meta.width!);
      if (rendition.format !== "avif") expect(meta.icc).toBeDefined();
    }
    // The original is kept as uploaded, GPS and all: it is desk-only.
    const original = await getDb().photo.findUniqueOrThrow({
      where: { id: photo.id },
      select: { originalSha256: true },
    });
    const originalTags = await exiftoolTags({
      bytes: (await postgresPhotoStore.get({ sha256: original.originalSha256 }))!.data,
    });
    expect(originalTags["EXIF:GPSLatitude"]).toBeCloseTo(wireFixture.gps.latitude, 3);
  });

  it("stores the same file once and answers with the photo already there", async () => {
    const bytes = await wireJpeg({ seed: 3 });
    const first = await ingestPhoto({ actor: editor, bytes });
    const before = await counts();
    const again = await ingestPhoto({ actor: editor, bytes });
    expect(again).toMatchObject({ created: false, photo: { id: first.photo.id } });
    expect(await counts()).toEqual(before);
  });

  // Regression: a double-clicked upload (or two tabs sending the same file) raced to insert the same photo.
  it("makes exactly one photo, and no error, when the same file is uploaded twice at once", async () => {
    const bytes = await wireJpeg({ seed: 4, width: 900, height: 600 });
    const before = await counts();
    const [first, second] = await Promise.all([
      ingestPhoto({ actor: editor, bytes }),
      ingestPhoto({ actor: editor, bytes }),
    ]);
    expect(second.photo.id).toBe(first.photo.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(second.photo).toEqual(first.photo);
    const after = await counts();
    expect(after.photos).toBe(before.photos + 1);
    expect(after.renditions).toBe(before.renditions + first.photo.renditions.length);
  });

  it("takes PNG, WebP, AVIF and GIF (first frame)", async () => {
    const base = sharp({ create: { width: 500, height: 300, channels: 3, background: "#369" } });
    const gif = await sharp({ create: { width: 400, height: 200, channels: 4, background: "#f00" } })
      .gif()
      .toBuffer();
    for (const [bytes, type] of [
      [await base.clone().png().toBuffer(), "image/png"],
      [await base.clone().webp().toBuffer(), "image/webp"],
      [await base.clone().avif({ effort: 0 }).toBuffer(), "image/avif"],
      [gif, "image/gif"],
    ] as const) {
      const { photo, notes } = await ingestPhoto({ actor: editor, bytes });
      expect(photo.originalType).toBe(type);
      // A format with no metadata block to read is not reported to the editor as unreadable metadata.
      expect(notes).toEqual([]);
      expect(photo.renditions.length).toBeGreaterThan(0);
    }
  });

  describe("refuses bad input with a clear message and stores nothing", () => {
    const cases: [string, () => Promise<Buffer>, RegExp][] = [
      [
        "a text file named like a photo",
        async () => Buffer.from("Dear desk, this is not a photo.\n"),
        /isn’t a photo Copydesk can read/,
      ],
      [
        "an SVG",
        async () =>
          Buffer.from(
            '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          ),
        /SVG files can’t be used/,
      ],
      [
        "a truncated JPEG",
        async () => (await plainJpeg({ width: 800, height: 600 })).subarray(0, 20_000),
        /damaged or incomplete/,
      ],
      [
        "a decompression bomb",
        async () => bombPng({ width: 30_000, height: 30_000 }),
        /more than 100 megapixels/,
      ],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        const before = await counts();
        const error = await refusal(ingestPhoto({ actor: editor, bytes: await make() }));
        expect(error.code).toBe("unprocessable");
        expect(error.userMessage).toMatch(message);
        expect(await counts()).toEqual(before);
      });
    }

    it("an iPhone HEIC photo, when this build's decoder cannot read HEVC: says so and how to get a JPEG", async () => {
      const bytes = await heicPhoto({ width: 800, height: 600 });
      // The prebuilt sharp (libvips) decodes AVIF but not HEVC; a build that can is taken at its word below.
      const decodable = await sharp(bytes)
        .raw()
        .toBuffer()
        .then(
          () => true,
          () => false,
        );
      const before = await counts();
      if (decodable) {
        expect((await ingestPhoto({ actor: editor, bytes })).photo.originalType).toBe("image/heic");
        return;
      }
      const error = await refusal(ingestPhoto({ actor: editor, bytes }));
      expect(error.code).toBe("unprocessable");
      expect(error.userMessage).toBe(
        "Copydesk can’t read HEIC photos (the iPhone’s usual format) on this server. Export the photo as JPEG and upload that.",
      );
      expect(await counts()).toEqual(before);
    });

    it("a file over the size limit, stopped while it streams", async () => {
      const chunk = new Uint8Array(1024 * 1024);
      let pulled = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(chunk);
        },
      });
      const error = await refusal(readUpload({ stream: endless }));
      expect(error).toMatchObject({
        code: "too_large",
        userMessage: expect.stringMatching(/larger than 40 MB/),
      });
      // It stopped reading right after the limit rather than buffering everything offered.
      expect(pulled).toBeLessThanOrEqual(mediaLimits.maxUploadBytes / chunk.byteLength + 2);
    });
  });
});
