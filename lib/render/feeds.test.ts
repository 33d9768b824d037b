import { describe, expect, it } from "vitest";
import type { PublicIndexEntry } from "@/lib/public/public-index";
import { renderSiteFeed } from "./feeds";

const newsroom = { name: "The Valley Ledger", timeZone: "America/New_York", timeStyle: "house" } as const;

function story(overrides: Partial<PublicIndexEntry>): PublicIndexEntry {
  return {
    slug: "river-flood",
    headline: "River crests below flood stage",
    dek: "",
    byline: "By Jane Doe, Staff Writer",
    authors: [],
    developing: false,
    firstPublishedAt: "2025-02-12T20:07:00.000Z",
    lastMaterialUpdateAt: null,
    ...overrides,
  };
}

describe("renderSiteFeed", () => {
  // Regression: entry authors were split out of the byline text, giving an author named "Staff Writer".
  it("names an entry's authors from byline credits only", () => {
    const uncredited = renderSiteFeed({ stories: [story({})], newsroom, origin: "https://news.example" });
    expect(uncredited).not.toContain("<author>");
    expect(uncredited).not.toContain("Staff Writer");

    const credited = renderSiteFeed({ stories: [story({ authors: ["Jane Doe", "Ben Ode"] })], newsroom, origin: "https://news.example" });
    expect(credited.match(/<author>\s*<name>([^<]*)<\/name>/g)?.map((tag) => tag.replace(/<[^>]+>|\s/g, ""))).toEqual(["JaneDoe", "BenOde"]);
  });
});
