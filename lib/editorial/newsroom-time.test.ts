import { describe, expect, it } from "vitest";

import { formatNewsroomDate, formatNewsroomTime, newsroomClock } from "./newsroom-time";

const ny = "America/New_York";

describe("formatNewsroomTime", () => {
  it("writes house style with the generic zone label", () => {
    expect(formatNewsroomTime({ instant: new Date("2025-02-12T20:07:00Z"), zone: ny, style: "house" })).toBe(
      "February 12, 2025 at 3:07 PM ET",
    );
  });

  it("writes AP style with abbreviated month and a.m./p.m.", () => {
    expect(formatNewsroomTime({ instant: new Date("2025-02-12T20:07:00Z"), zone: ny, style: "ap" })).toBe(
      "Feb. 12, 2025, 3:07 p.m. ET",
    );
  });

  it("follows AP month rules: March–July spelled out, Sept. with four letters", () => {
    const month = (iso: string) =>
      formatNewsroomTime({ instant: new Date(iso), zone: "UTC", style: "ap" }).split(" ")[0];
    expect(
      [
        "2025-01-05",
        "2025-02-05",
        "2025-03-05",
        "2025-04-05",
        "2025-05-05",
        "2025-06-05",
        "2025-07-05",
        "2025-08-05",
        "2025-09-05",
        "2025-10-05",
        "2025-11-05",
        "2025-12-05",
      ].map((day) => month(`${day}T15:00:00Z`)),
    ).toEqual([
      "Jan.",
      "Feb.",
      "March",
      "April",
      "May",
      "June",
      "July",
      "Aug.",
      "Sept.",
      "Oct.",
      "Nov.",
      "Dec.",
    ]);
  });

  it("says noon and midnight in AP style and drops :00 on the hour", () => {
    expect(formatNewsroomTime({ instant: new Date("2025-06-01T16:00:00Z"), zone: ny, style: "ap" })).toBe(
      "June 1, 2025, noon ET",
    );
    expect(formatNewsroomTime({ instant: new Date("2025-06-02T04:00:00Z"), zone: ny, style: "ap" })).toBe(
      "June 2, 2025, midnight ET",
    );
    expect(formatNewsroomTime({ instant: new Date("2025-06-01T19:00:00Z"), zone: ny, style: "ap" })).toBe(
      "June 1, 2025, 3 p.m. ET",
    );
    expect(formatNewsroomTime({ instant: new Date("2025-06-01T13:05:00Z"), zone: ny, style: "ap" })).toBe(
      "June 1, 2025, 9:05 a.m. ET",
    );
  });

  it("writes 12 o'clock as 12:00 PM and 12:00 AM in house style", () => {
    expect(formatNewsroomTime({ instant: new Date("2025-06-01T16:00:00Z"), zone: ny, style: "house" })).toBe(
      "June 1, 2025 at 12:00 PM ET",
    );
    expect(formatNewsroomTime({ instant: new Date("2025-06-02T04:30:00Z"), zone: ny, style: "house" })).toBe(
      "June 2, 2025 at 12:30 AM ET",
    );
  });

  it("is right on both sides of the spring-forward change (March 9, 2025, 2 a.m. EST → 3 a.m. EDT)", () => {
    expect(formatNewsroomTime({ instant: new Date("2025-03-09T06:59:00Z"), zone: ny, style: "house" })).toBe(
      "March 9, 2025 at 1:59 AM ET",
    );
    expect(formatNewsroomTime({ instant: new Date("2025-03-09T07:00:00Z"), zone: ny, style: "house" })).toBe(
      "March 9, 2025 at 3:00 AM ET",
    );
    expect(
      formatNewsroomTime({
        instant: new Date("2025-03-09T06:59:00Z"),
        zone: ny,
        style: "house",
        zoneLabel: "specific",
      }),
    ).toBe("March 9, 2025 at 1:59 AM EST");
    expect(
      formatNewsroomTime({
        instant: new Date("2025-03-09T07:00:00Z"),
        zone: ny,
        style: "house",
        zoneLabel: "specific",
      }),
    ).toBe("March 9, 2025 at 3:00 AM EDT");
  });

  it("is right on both sides of the fall-back change (Nov. 2, 2025: 1 a.m. happens twice)", () => {
    expect(
      formatNewsroomTime({
        instant: new Date("2025-11-02T05:30:00Z"),
        zone: ny,
        style: "ap",
        zoneLabel: "specific",
      }),
    ).toBe("Nov. 2, 2025, 1:30 a.m. EDT");
    expect(
      formatNewsroomTime({
        instant: new Date("2025-11-02T06:30:00Z"),
        zone: ny,
        style: "ap",
        zoneLabel: "specific",
      }),
    ).toBe("Nov. 2, 2025, 1:30 a.m. EST");
  });

  it("uses the configured zone, with a readable label where no generic abbreviation exists", () => {
    const instant = new Date("2025-02-12T20:07:00Z");
    expect(formatNewsroomTime({ instant, zone: "America/Los_Angeles", style: "house" })).toBe(
      "February 12, 2025 at 12:07 PM PT",
    );
    expect(formatNewsroomTime({ instant, zone: "Europe/Berlin", style: "house" })).toBe(
      "February 12, 2025 at 9:07 PM GMT+1",
    );
    expect(formatNewsroomTime({ instant, zone: "UTC", style: "house" })).toBe(
      "February 12, 2025 at 8:07 PM UTC",
    );
    expect(formatNewsroomTime({ instant, zone: "Asia/Tokyo", style: "ap" })).toBe(
      "Feb. 13, 2025, 5:07 a.m. GMT+9",
    );
  });

  it("can never print a 24-hour hour with AM/PM (property over 5,000 instants in several zones)", () => {
    const zones = [ny, "America/Los_Angeles", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"];
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 5_000; i += 1) {
      const instant = new Date(Date.UTC(2000, 0, 1) + Math.floor(next() * 40 * 365 * 86_400_000));
      const zone = zones[i % zones.length]!;
      const house = formatNewsroomTime({ instant, zone, style: "house" });
      const houseClock = /at (\d{1,2}):(\d{2}) (AM|PM) /.exec(house);
      expect(houseClock, house).not.toBeNull();
      const hour = Number(houseClock![1]);
      expect(hour >= 1 && hour <= 12, house).toBe(true);
      const ap = formatNewsroomTime({ instant, zone, style: "ap" });
      const apClock = /, (\d{1,2})(?::(\d{2}))? (a\.m\.|p\.m\.) |, (noon|midnight) /.exec(ap);
      expect(apClock, ap).not.toBeNull();
      if (apClock![1]) expect(Number(apClock![1]) >= 1 && Number(apClock![1]) <= 12, ap).toBe(true);
      // The 12-hour clock agrees with the 24-hour clock of the same instant.
      const clock = newsroomClock({ instant, zone });
      expect((clock.hour % 12 || 12) === hour && clock.hour >= 12 === (houseClock![3] === "PM"), house).toBe(
        true,
      );
    }
  });

  it("refuses an invalid instant instead of printing NaN", () => {
    expect(() => formatNewsroomTime({ instant: new Date("nope"), zone: ny, style: "house" })).toThrow(
      RangeError,
    );
  });
});

describe("formatNewsroomDate", () => {
  it("gives the newsroom's calendar day, not UTC's", () => {
    expect(formatNewsroomDate({ instant: new Date("2025-02-13T03:00:00Z"), zone: ny, style: "house" })).toBe(
      "February 12, 2025",
    );
    expect(formatNewsroomDate({ instant: new Date("2025-09-13T03:00:00Z"), zone: ny, style: "ap" })).toBe(
      "Sept. 12, 2025",
    );
  });
});
