import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { ingestPhoto } from "./ingest-photo";
import { mediaLimits } from "./media-limits";
import { photoTextLimits, readPhotoMetadata } from "./photo-metadata";
import { createPhotoWorkQueue } from "./photo-work-queue";
import { searchPhotos } from "./search-photos";
import { deeplyNestedXmpPng, flatPng, plainJpeg, withExiftool } from "./test-photos";

const photoCount = () => getDb().photo.count();

// Ingests decode and encode fifteen renditions: generous time, as the machine may be busy.
describe("photo uploads within their limits", { timeout: 240_000 }, () => {
  let editor: Actor;
  let contributor: Actor;

  beforeAll(async () => {
    editor = await createTestActor({ role: "editor" });
    contributor = await createTestActor({ role: "contributor" });
  });

  // Issue 19.3: 80,000 nested <rdf:Alt> froze the instance for 26 s and stored a 1.19-million-character
  // caption.
  it("skips XMP nested 80,000 deep, with a note for the editor, and stores no runaway caption", async () => {
    const bytes = await deeplyNestedXmpPng({ depth: 80_000 });
    expect(bytes.byteLength).toBeGreaterThan(700_000);
    const { photo, created, notes } = await ingestPhoto({ actor: contributor, bytes });
    expect(created).toBe(true);
    expect(photo.caption).toBe("");
    expect(notes).toEqual([expect.stringMatching(/XMP metadata was nested too deeply to read.*type it in/)]);
    const stored = await getDb().photo.findUniqueOrThrow({
      where: { id: photo.id },
      select: { caption: true },
    });
    expect(stored.caption).toBe("");
  });

  // Issue 19.3: the metadata parse held the event loop, so health checks and readers waited with it.
  it("reads metadata off the event loop: a timer set as reading starts fires before the reading ends", async () => {
    const bytes = await deeplyNestedXmpPng({ depth: 80_000 });
    const order: string[] = [];
    const reading = readPhotoMetadata({ bytes }).then(() => order.push("metadata read"));
    setTimeout(() => order.push("timer fired"), 0);
    await reading;
    expect(order).toEqual(["timer fired", "metadata read"]);
  });

  // Issue 19.3: text taken from metadata had no cap.
  it("shortens a caption longer than a story's photo may carry, at a word, and says so", async () => {
    const long = Array.from({ length: 900 }, (_, index) => `word${index}`).join(" ");
    const bytes = await withExiftool({
      bytes: await plainJpeg({ width: 300, height: 200, seed: 31 }),
      args: [`-XMP-dc:Description=${long}`, "-XMP-dc:Creator=Ana Diaz"],
    });
    const { photo, notes } = await ingestPhoto({ actor: editor, bytes });
    expect(photo.caption.length).toBeLessThanOrEqual(photoTextLimits.caption);
    expect(photo.caption).toMatch(/^word0 word1 .* word\d+…$/);
    expect(photo.credit).toBe("Ana Diaz");
    expect(notes).toEqual([
      expect.stringMatching(/caption in the file was longer than 2,000 characters and was shortened/),
    ]);
  });

  // Issue 19.8: a 1080 × 20,000 PNG was refused as "damaged or incomplete" (WebP/AVIF stop at 16,383 px).
  it("accepts a 1080 × 20,000 photo, with every rendition within what the encoders take", async () => {
    const { photo, created } = await ingestPhoto({
      actor: editor,
      bytes: await flatPng({ width: 1080, height: 20_000, seed: 1 }),
    });
    expect(created).toBe(true);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 1080, height: 20_000 });
    expect(new Set(photo.renditions.map((rendition) => rendition.format))).toEqual(
      new Set(["avif", "webp", "jpeg"]),
    );
    for (const rendition of photo.renditions)
      expect(Math.max(rendition.width, rendition.height)).toBeLessThanOrEqual(mediaLimits.maxRenditionSide);
    // The largest keeps the photo's shape at the tallest the encoders allow.
    expect(Math.max(...photo.renditions.map((rendition) => rendition.height))).toBe(
      mediaLimits.maxRenditionSide,
    );
  });

  it("accepts a 20,000 × 1080 panorama too", async () => {
    const { photo } = await ingestPhoto({
      actor: editor,
      bytes: await flatPng({ width: 20_000, height: 1080, seed: 2 }),
    });
    expect(photo.width).toBe(20_000);
    expect(Math.max(...photo.renditions.map((rendition) => rendition.width))).toBe(2400);
  });

  describe("date taken (issue 18.9: the IPTC date created was never read, so takenAt was null)", () => {
    const jpegWith = async (seed: number, args: string[]) =>
      withExiftool({ bytes: await plainJpeg({ width: 300, height: 200, seed }), args });
    const dayOf = async (day: string) =>
      (await searchPhotos({ actor: editor, query: { from: day, to: day } })).photos.map((photo) => photo.id);

    it("reads IPTC Date Created alone, and the library finds the photo under that day, not the upload day", async () => {
      const { photo } = await ingestPhoto({
        actor: editor,
        bytes: await jpegWith(41, ["-IPTC:DateCreated=2024:08:14"]),
      });
      expect(photo.takenAt).not.toBeNull();
      // A date without a time is noon in the newsroom's zone (New York here): the same day wherever it is
      // read.
      expect(photo.takenAt).toBe("2024-08-14T16:00:00.000Z");
      expect(await dayOf("2024-08-14")).toContain(photo.id);
      expect(await dayOf("2024-08-13")).not.toContain(photo.id);
      expect(await dayOf(photo.createdAt.slice(0, 10))).not.toContain(photo.id);
    });

    it("reads IPTC Time Created with its offset, and files a late-evening photo under the newsroom's day", async () => {
      const { photo } = await ingestPhoto({
        actor: editor,
        bytes: await jpegWith(42, ["-IPTC:DateCreated=2024:08:14", "-IPTC:TimeCreated=22:30:00-04:00"]),
      });
      expect(photo.takenAt).toBe("2024-08-15T02:30:00.000Z");
      expect(await dayOf("2024-08-14")).toContain(photo.id);
      expect(await dayOf("2024-08-15")).not.toContain(photo.id);
    });

    it("prefers IPTC over XMP over the camera's EXIF clock, and reads XMP photoshop:DateCreated alone", async () => {
      const all = await ingestPhoto({
        actor: editor,
        bytes: await jpegWith(43, [
          "-IPTC:DateCreated=2024:08:14",
          "-IPTC:TimeCreated=09:00:00+00:00",
          "-XMP-photoshop:DateCreated=2024-08-10T10:00:00Z",
          "-EXIF:DateTimeOriginal=2024:08:01 08:00:00",
        ]),
      });
      expect(all.photo.takenAt).toBe("2024-08-14T09:00:00.000Z");
      const xmpOnly = await ingestPhoto({
        actor: editor,
        bytes: await jpegWith(44, ["-XMP-photoshop:DateCreated=2024-08-10T10:00:00+02:00"]),
      });
      expect(xmpOnly.photo.takenAt).toBe("2024-08-10T08:00:00.000Z");
      const exifOnly = await ingestPhoto({
        actor: editor,
        bytes: await jpegWith(45, [
          "-EXIF:DateTimeOriginal=2024:08:01 08:00:00",
          "-EXIF:OffsetTimeOriginal=+02:00",
        ]),
      });
      expect(exifOnly.photo.takenAt).toBe("2024-08-01T06:00:00.000Z");
    });
  });

  // Issue 19.4: six 100-megapixel uploads at once took the instance to 3.7 GB; now decoding waits its turn.
  describe("the photo line", () => {
    it("refuses a person's upload past their share with a 503 sentence, stores nothing, and lets a colleague's through", async () => {
      const queue = createPhotoWorkQueue({
        maxPixels: 120_000_000,
        maxRunning: 1,
        maxWaiting: 4,
        maxPerPerson: 1,
        maxWaitMs: 60_000,
      });
      let release: () => void = () => undefined;
      const held = queue.run({
        personId: editor.userId,
        pixels: 1,
        work: () => new Promise<void>((resolve) => (release = resolve)),
      });
      const before = await photoCount();
      const refused = await ingestPhoto({
        actor: editor,
        bytes: await plainJpeg({ width: 320, height: 200, seed: 51 }),
        queue,
      }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: "unavailable",
        userMessage:
          "You already have 1 photos being processed. Wait for them to finish, then upload this one again.",
      });
      expect(await photoCount()).toBe(before);

      const colleague = ingestPhoto({
        actor: contributor,
        bytes: await plainJpeg({ width: 320, height: 200, seed: 52 }),
        queue,
      });
      await expect.poll(() => queue.load().waiting).toBe(1);
      release();
      await held;
      expect((await colleague).created).toBe(true);
      expect(queue.load()).toEqual({ running: 0, waiting: 0, pixels: 0 });
    });
  });

  it("the renditions of a tall photo are real images of the stated size", async () => {
    const { photo } = await ingestPhoto({
      actor: editor,
      bytes: await flatPng({ width: 900, height: 18_000, seed: 3 }),
    });
    const largest = photo.renditions.find(
      (rendition) => rendition.format === "webp" && rendition.height === mediaLimits.maxRenditionSide,
    )!;
    const blob = await getDb().photoBlob.findUniqueOrThrow({
      where: { sha256: largest.url.slice("/media/".length).split(".")[0]! },
    });
    const meta = await sharp(blob.data).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({
      width: largest.width,
      height: largest.height,
    });
  });
});
