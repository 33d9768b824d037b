import { describe, expect, it } from "vitest";

import { waitingWords } from "./review-age";

describe("how long a request has waited", () => {
  const now = new Date("2026-12-07T15:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("says it in hours and minutes, then days and hours", () => {
    expect(waitingWords({ since: ago(0.5), now })).toBe("waiting less than a minute");
    expect(waitingWords({ since: ago(7), now })).toBe("waiting 7 min");
    expect(waitingWords({ since: ago(60), now })).toBe("waiting 1 h");
    expect(waitingWords({ since: ago(130), now })).toBe("waiting 2 h 10 min");
    expect(waitingWords({ since: ago(24 * 60), now })).toBe("waiting 1 day");
    expect(waitingWords({ since: ago(3 * 24 * 60 + 4 * 60 + 9), now })).toBe("waiting 3 days 4 h");
  });

  // A clock a little behind the database's never reads as a negative wait.
  it("never goes below zero", () => {
    expect(waitingWords({ since: new Date(now.getTime() + 5_000).toISOString(), now })).toBe(
      "waiting less than a minute",
    );
  });
});
