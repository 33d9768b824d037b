import { describe, expect, it } from "vitest";

import {
  contentPayload,
  draftFromContent,
  moveItem,
  sameContent,
  slugFromHeadline,
  type ContentDraft,
} from "./editor-draft";

const content: ContentDraft = {
  headline: "Storm hits the coast",
  dek: "",
  byline: "By Ana",
  body: "First.\n\nSecond.",
  developing: true,
  images: [
    {
      key: "a",
      photoId: "",
      url: "https://example.test/a.jpg",
      alt: "A flooded street",
      caption: "Main Street",
      credit: "Ana/Wire",
    },
  ],
  credits: [
    { key: "b", name: "Ana Alvarez", role: "byline", location: "" },
    { key: "c", name: "Ben Brooks", role: "contributed_reporting", location: "Norfolk" },
  ],
};

describe("editor drafts", () => {
  it("sends credits by name and leaves out an empty place (the service refuses an empty location)", () => {
    expect(contentPayload(content).credits).toEqual([
      { name: "Ana Alvarez", role: "byline" },
      { name: "Ben Brooks", role: "contributed_reporting", location: "Norfolk" },
    ]);
  });

  it("compares drafts by what would be saved, not by row keys", () => {
    const rekeyed = {
      ...content,
      credits: content.credits.map((credit) => ({ ...credit, key: `${credit.key}-new` })),
    };
    expect(sameContent(content, rekeyed)).toBe(true);
    expect(sameContent(content, { ...content, body: "First.\n\nSecond!" })).toBe(false);
    expect(sameContent(content, { ...content, credits: moveItem(content.credits, 0, 1) })).toBe(false);
  });

  it("round-trips a revision's content into the form and back", () => {
    const revision = {
      ...contentPayload(content),
      images: content.images.map(({ url, alt, caption, credit }) => ({ url, alt, caption, credit })),
      credits: [
        { contributorId: "1", name: "Ana Alvarez", role: "byline" as const, location: null },
        {
          contributorId: "2",
          name: "Ben Brooks",
          role: "contributed_reporting" as const,
          location: "Norfolk",
        },
      ],
    };
    expect(sameContent(draftFromContent(revision), content)).toBe(true);
  });

  it("suggests a slug the story service accepts", () => {
    expect(slugFromHeadline("Fire at Pier 4 — Día 2!")).toBe("fire-at-pier-4-dia-2");
    expect(slugFromHeadline("  <script>  ")).toBe("script");
    expect(slugFromHeadline("a".repeat(100))).toHaveLength(80);
  });

  // Regression (issue 18.10): slugs were cut mid-word ("…-to-end-th") and apostrophes became hyphens
  // ("russia-s").
  it("keeps whole words in a long slug and folds apostrophes", () => {
    expect(slugFromHeadline("Russia’s gas deal: what it means for Europe's winter")).toBe(
      "russias-gas-deal-what-it-means-for-europes-winter",
    );
    expect(slugFromHeadline("Don't panic")).toBe("dont-panic");
    const long = slugFromHeadline(
      "Council votes to extend the night bus pilot through the summer, and asks the transit board to end the fare cap",
    );
    expect(long).toBe("council-votes-to-extend-the-night-bus-pilot-through-the-summer-and-asks-the");
    expect(long.length).toBeLessThanOrEqual(80);
  });

  it("moves an item one place and leaves the ends alone", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
