import { describe, expect, it } from "vitest";

import type { PublicIndexEntry } from "@/lib/public/public-index";

import { renderSiteFeed, renderStoryFeed } from "./feeds";

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

    const credited = renderSiteFeed({
      stories: [story({ authors: ["Jane Doe", "Ben Ode"] })],
      newsroom,
      origin: "https://news.example",
    });
    expect(
      credited.match(/<author>\s*<name>([^<]*)<\/name>/g)?.map((tag) => tag.replace(/<[^>]+>|\s/g, "")),
    ).toEqual(["JaneDoe", "BenOde"]);
  });
});

describe("renderStoryFeed", () => {
  // Regression (issue 18.7): every entry without a summary read "First published <its own time>", a minor fix
  // too.
  it("labels an entry without a public summary by what it was, and only the first publication as first published", () => {
    const xml = renderStoryFeed({
      log: {
        slug: "river-flood",
        headline: "River crests below flood stage",
        firstPublishedAt: "2025-02-12T20:07:00.000Z",
        lastMaterialUpdateAt: "2025-02-13T01:00:00.000Z",
        entries: [
          { number: 3, kind: "minor", publishedAt: "2025-02-13T03:18:00.000Z", summary: null, notes: [] },
          {
            number: 2,
            kind: "update",
            publishedAt: "2025-02-13T01:00:00.000Z",
            summary: "Adds the mayor’s comment",
            notes: [],
          },
          { number: 1, kind: "first", publishedAt: "2025-02-12T20:07:00.000Z", summary: null, notes: [] },
        ],
        removals: [],
      },
      newsroom,
      origin: "https://news.example",
    });
    const summaries = [...xml.matchAll(/<summary type="html"><!\[CDATA\[(.*?)\]\]><\/summary>/g)].map(
      (match) => match[1],
    );
    expect(summaries).toEqual([
      "Minor fix February 12, 2025 at 10:18 PM ET.",
      "Adds the mayor’s comment",
      "First published February 12, 2025 at 3:07 PM ET.",
    ]);
  });
});
