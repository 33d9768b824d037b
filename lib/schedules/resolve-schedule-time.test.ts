import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";

import { instantsOfLocalTime, parseLocalTime } from "./newsroom-local-time";
import { resolveScheduleTime } from "./resolve-schedule-time";

const zone = "America/New_York";
// Fixed instants stand in for the clock: the zone math is tested at the 2026 transitions without waiting for
// them.
const now = new Date("2026-03-01T12:00:00Z");

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("newsroom time → UTC instant", () => {
  it("reads an ordinary time in standard and daylight time", () => {
    expect(resolveScheduleTime({ input: { localTime: "2026-03-07T09:30" }, zone, now }).toISOString()).toBe(
      "2026-03-07T14:30:00.000Z",
    );
    expect(resolveScheduleTime({ input: { localTime: "2026-03-09 09:30" }, zone, now }).toISOString()).toBe(
      "2026-03-09T13:30:00.000Z",
    );
  });

  it("refuses a time in the spring-forward gap and names the times either side", () => {
    expect(instantsOfLocalTime({ local: parseLocalTime("2026-03-08T02:30")!, zone })).toEqual([]);
    const error = refusal(() => resolveScheduleTime({ input: { localTime: "2026-03-08T02:30" }, zone, now }));
    expect(error.code).toBe("validation_failed");
    expect(error.userMessage).toContain("does not exist");
    expect(error.userMessage).toContain("1:59 AM EST");
    expect(error.userMessage).toContain("3:00 AM EDT");
    expect(
      (error.details as { choices: { instant: string }[] }).choices.map((choice) => choice.instant),
    ).toEqual(["2026-03-08T06:59:00.000Z", "2026-03-08T07:00:00.000Z"]);
  });

  it("asks which one when the clocks go back, and takes the answer", () => {
    const error = refusal(() => resolveScheduleTime({ input: { localTime: "2026-11-01T01:30" }, zone, now }));
    expect(error.userMessage).toContain("happens twice");
    expect(
      (error.details as { choices: { fold: string; instant: string; label: string }[] }).choices,
    ).toEqual([
      { fold: "earlier", instant: "2026-11-01T05:30:00.000Z", label: "November 1, 2026 at 1:30 AM EDT" },
      { fold: "later", instant: "2026-11-01T06:30:00.000Z", label: "November 1, 2026 at 1:30 AM EST" },
    ]);
    expect(
      resolveScheduleTime({
        input: { localTime: "2026-11-01T01:30", fold: "earlier" },
        zone,
        now,
      }).toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
    expect(
      resolveScheduleTime({
        input: { localTime: "2026-11-01T01:30", fold: "later" },
        zone,
        now,
      }).toISOString(),
    ).toBe("2026-11-01T06:30:00.000Z");
  });

  it("handles zones east of UTC and a zone without daylight time", () => {
    expect(
      instantsOfLocalTime({ local: parseLocalTime("2026-03-29T02:30")!, zone: "Europe/Berlin" }),
    ).toEqual([]);
    expect(
      instantsOfLocalTime({ local: parseLocalTime("2026-10-25T02:30")!, zone: "Europe/Berlin" }),
    ).toHaveLength(2);
    expect(instantsOfLocalTime({ local: parseLocalTime("2026-03-08T02:30")!, zone: "UTC" })).toHaveLength(1);
  });

  it("refuses the past, more than a year ahead, and unreadable times", () => {
    expect(
      refusal(() => resolveScheduleTime({ input: { localTime: "2026-02-28T09:00" }, zone, now })).userMessage,
    ).toContain("already passed");
    expect(
      refusal(() => resolveScheduleTime({ input: { runAt: "2027-03-02T12:00:00Z" }, zone, now })).userMessage,
    ).toContain("more than a year ahead");
    expect(resolveScheduleTime({ input: { runAt: "2027-02-28T12:00:00Z" }, zone, now }).toISOString()).toBe(
      "2027-02-28T12:00:00.000Z",
    );
    expect(
      refusal(() => resolveScheduleTime({ input: { localTime: "2026-02-30T09:00" }, zone, now })).userMessage,
    ).toContain("YYYY-MM-DD HH:MM");
  });
});
