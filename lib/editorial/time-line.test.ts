import { describe, expect, it } from "vitest";

import { timeLine } from "./time-line";

const zone = "America/New_York";
const published = new Date("2025-02-12T20:07:00Z");

describe("timeLine", () => {
  it("says Published alone until the first material update", () => {
    const line = timeLine({ firstPublishedAt: published, lastMaterialUpdateAt: null, zone, style: "house" });
    expect(line.label).toBe("Published");
    expect(line.text).toBe("February 12, 2025 at 3:07 PM ET");
    expect(line.instant).toEqual(published);
  });

  it("says Updated with the update instant, keeping the original publish time", () => {
    const updated = new Date("2025-02-13T14:30:00Z");
    const line = timeLine({ firstPublishedAt: published, lastMaterialUpdateAt: updated, zone, style: "ap" });
    expect(line.label).toBe("Updated");
    expect(line.text).toBe("Feb. 13, 2025, 9:30 a.m. ET");
    expect(line.instant).toEqual(updated);
    expect(line.published.text).toBe("Feb. 12, 2025, 3:07 p.m. ET");
  });

  it("never shows an Updated time earlier than (or equal to) the first publish", () => {
    const line = timeLine({
      firstPublishedAt: published,
      lastMaterialUpdateAt: new Date("2025-02-01T00:00:00Z"),
      zone,
      style: "house",
    });
    expect(line.label).toBe("Published");
    expect(line.instant).toEqual(published);
  });
});
