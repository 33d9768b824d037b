import { describe, expect, it } from "vitest";

import { diffContent } from "@/lib/revisions/diff/diff-content";
import type { RevisionContent, StoryImage } from "@/lib/revisions/revision-content";

import { mergeContent } from "./merge-content";

const photoA = "11111111-1111-4111-8111-111111111111";
const photoB = "22222222-2222-4222-8222-222222222222";
const photo = (photoId: string, caption: string, credit = "Evgeniy Maloletka / AP"): StoryImage => ({
  photoId,
  url: "",
  alt: `Photo ${photoId.slice(0, 4)}`,
  caption,
  credit,
});

const content = (images: StoryImage[]): RevisionContent => ({
  headline: "Border",
  dek: "",
  byline: "",
  body: "One.",
  images,
  credits: [],
  developing: false,
});

describe("photos in merges and diffs, keyed by photo id", () => {
  it("merges one side's caption edit with the other side's added photo", () => {
    const base = content([photo(photoA, "A tank passes a burning car.")]);
    const ours = content([photo(photoA, "A Ukrainian tank passes a burning car near the border.")]);
    const theirs = content([
      photo(photoA, "A tank passes a burning car."),
      photo(photoB, "Residents leave."),
    ]);
    const merge = mergeContent({ base, ours, theirs });
    expect(merge.clean).toBe(true);
    expect(merge.merged.images.map((image) => [image.photoId, image.caption])).toEqual([
      [photoA, "A Ukrainian tank passes a burning car near the border."],
      [photoB, "Residents leave."],
    ]);
  });

  it("makes two different credits for the same photo a conflict keyed by its id", () => {
    const base = content([photo(photoA, "Caption.")]);
    const merge = mergeContent({
      base,
      ours: content([photo(photoA, "Caption.", "E. Maloletka / AP")]),
      theirs: content([photo(photoA, "Caption.", "Evgeniy Maloletka / Associated Press")]),
    });
    expect(merge.conflicts).toMatchObject([{ field: "images", key: `photo:${photoA}` }]);
  });

  it("shows a replaced photo as removed and added at the same place, and a caption change on a kept photo", () => {
    const from = { ...content([photo(photoA, "Before caption."), photo(photoB, "Kept.")]) };
    const to = { ...content([photo(photoB, "Kept, now edited."), photo(photoA, "Before caption.")]) };
    const moved = diffContent({ from, to }).images;
    expect(moved.entries.find((entry) => entry.status === "kept" && entry.photoId === photoB)).toMatchObject({
      changed: true,
      caption: { changed: true },
    });

    const replaced = diffContent({
      from: content([photo(photoA, "Old.")]),
      to: content([photo(photoB, "New.", "Other / Reuters")]),
    }).images;
    expect(replaced.entries.map((entry) => entry.status).sort()).toEqual(["added", "removed"]);
  });
});
