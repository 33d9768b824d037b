import { describe, expect, it } from "vitest";

import { photoTakenAt } from "./photo-taken-at";

const zone = "America/New_York";
const taken = (tags: {
  exif?: Record<string, unknown>;
  iptc?: Record<string, unknown>;
  xmp?: Record<string, unknown>;
}) =>
  photoTakenAt({
    tags: { exif: tags.exif ?? {}, iptc: tags.iptc ?? {}, xmp: tags.xmp ?? {} },
    zone,
  })?.toISOString() ?? null;

// Issue 18.9: the IPTC date created ("20240814") was never read.
describe("photoTakenAt", () => {
  it("reads the date forms the three blocks write", () => {
    expect(taken({ iptc: { DateCreated: "20240814", TimeCreated: "064107+0300" } })).toBe(
      "2024-08-14T03:41:07.000Z",
    );
    expect(taken({ xmp: { photoshop: { DateCreated: "2024-08-14" } } })).toBe("2024-08-14T16:00:00.000Z");
    expect(taken({ exif: { DateTimeOriginal: "2024:08:14 06:41:07" } })).toBe("2024-08-14T10:41:07.000Z");
    expect(taken({ exif: { CreateDate: "2024:01:14 06:41:07", OffsetTimeDigitized: "Z" } })).toBe(
      "2024-01-14T06:41:07.000Z",
    );
  });

  it("passes over a date that is not a real day, or blank camera fields, to the next source", () => {
    expect(
      taken({ iptc: { DateCreated: "20240231" }, exif: { DateTimeOriginal: "2024:02:20 10:00:00" } }),
    ).toBe("2024-02-20T15:00:00.000Z");
    expect(taken({ exif: { DateTimeOriginal: "0000:00:00 00:00:00" } })).toBeNull();
    expect(taken({ iptc: { DateCreated: "20240814", TimeCreated: "99" } })).toBeNull();
  });
});
