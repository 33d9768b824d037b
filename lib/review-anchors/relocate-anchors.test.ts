import { describe, expect, it } from "vitest";

import { createDiffBudget } from "@/lib/revisions/diff/diff-budget";

import type { AnchorPlacement } from "./anchor-types";
import { relocateAnchor, relocateAnchors } from "./relocate-anchors";

/** The placement of the first occurrence of `quote` in `fromText` (occurrence `nth` when given). */
function relocate(fromText: string, quote: string, toText: string, nth = 0): AnchorPlacement {
  let start = -1;
  for (let k = 0; k <= nth; k += 1) start = fromText.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return relocateAnchor({ fromText, toText, start, end: start + quote.length });
}

/** The words a placement points at in `toText`, or the placement itself when they were not found. */
function wordsThere(placement: AnchorPlacement, toText: string): string | AnchorPlacement {
  return placement.kind === "found" ? toText.slice(placement.start, placement.end) : placement;
}

const story = [
  "Flood waters closed 37 people out of their homes on Tuesday, the council said.",
  "The mayor called for calm as peace talks with the river authority resumed.",
  "Crews worked through the night to shore up the north bridge.",
].join("\n\n");

describe("relocateAnchor: a comment stays on its words as the story changes", () => {
  it("finds the words below a new paragraph added above them, at their new place", () => {
    const later = `Update: the river crested at 4.2 metres overnight.\n\n${story}`;
    const placement = relocate(story, "37 people", later);
    expect(placement).toEqual({
      kind: "found",
      start: later.indexOf("37 people"),
      end: later.indexOf("37 people") + 9,
    });
  });

  it("says the words changed when a correction turns 37 into 38 inside them", () => {
    const corrected = story.replace("37 people", "38 people");
    expect(relocate(story, "37 people", corrected)).toEqual({ kind: "gone", reason: "changed" });
  });

  it("never jumps to the same words elsewhere once its own were corrected", () => {
    const withRepeat = `${story}\n\nOfficials later said 37 people had returned.`;
    const corrected = withRepeat.replace("closed 37 people", "closed 38 people");
    expect(relocate(withRepeat, "37 people", corrected)).toEqual({ kind: "gone", reason: "changed" });
    // …and a comment on the second "37 people" stays on the second.
    const second = relocate(withRepeat, "37 people", corrected, 1);
    expect(second).toMatchObject({ kind: "found", start: corrected.lastIndexOf("37 people") });
  });

  it("keeps the words when a correction lands elsewhere in the story", () => {
    const corrected = story.replace("north bridge", "south bridge").replace("Tuesday", "Wednesday");
    expect(wordsThere(relocate(story, "peace talks with the river authority", corrected), corrected)).toBe(
      "peace talks with the river authority",
    );
  });

  it("says the passage was removed when its paragraph was cut", () => {
    const cut = story.replace(/The mayor[^\n]*\n\n/, "");
    expect(relocate(story, "peace talks", cut)).toEqual({ kind: "gone", reason: "removed" });
  });

  it("follows a paragraph moved whole to another place in the story", () => {
    const [first, second, third] = story.split("\n\n");
    const moved = [third, first, second].join("\n\n");
    // The diff keeps the two paragraphs in place and sees the third as cut and retyped; the comment follows it.
    const placement = relocate(story, "shore up the north", moved);
    expect(placement).toMatchObject({ kind: "found", start: moved.indexOf("shore up the north") });
    expect(relocate(story, "peace talks", moved)).toMatchObject({
      kind: "found",
      start: moved.indexOf("peace talks"),
    });
  });

  it("loses a moved paragraph's words when the paragraph was also rewritten around them", () => {
    const [first, second, third] = story.split("\n\n");
    const movedAndEdited = [third?.replace("Crews worked", "Army crews toiled"), first, second].join("\n\n");
    // Only a paragraph moved word for word is followed: the diff keeps the other two in place and reads this
    // one as cut below and retyped above, so none of its characters stayed where they were.
    expect(relocate(story, "shore up", movedAndEdited)).toEqual({ kind: "gone", reason: "removed" });
  });

  it("finds a selection ending mid-word when that word is untouched, and when it was only lengthened", () => {
    const later = story.replace("Tuesday", "Monday");
    expect(wordsThere(relocate(story, "peace tal", later), later)).toBe("peace tal");
    const lengthened = story.replace("peace talks", "peace talking");
    expect(wordsThere(relocate(story, "peace tal", lengthened), lengthened)).toBe("peace tal");
    const reworded = story.replace("peace talks", "peace negotiations");
    expect(relocate(story, "peace tal", reworded)).toEqual({ kind: "gone", reason: "changed" });
  });

  it("treats a word typed inside the selection as a change, and one just beside it as none", () => {
    const inside = story.replace("peace talks", "peace and trade talks");
    expect(relocate(story, "peace talks", inside)).toEqual({ kind: "gone", reason: "changed" });
    const beside = story.replace("as peace talks", "as renewed peace talks");
    expect(wordsThere(relocate(story, "peace talks", beside), beside)).toBe("peace talks");
  });

  it("counts emoji and other surrogate pairs as the two code units the offsets are in", () => {
    const text = "Residents 🌊 fled 🏠 as water rose 𠀀 overnight.";
    const later = `Breaking 🚨: ${text.replace("overnight", "at dawn")}`;
    const placement = relocate(text, "fled 🏠 as", later);
    expect(wordsThere(placement, later)).toBe("fled 🏠 as");
    const changed = text.replace("🏠", "🏚");
    expect(relocate(text, "fled 🏠 as", changed)).toEqual({ kind: "gone", reason: "changed" });
  });

  it("counts a CRLF as two characters, as the stored text has them", () => {
    const crlf = story.replaceAll("\n", "\r\n");
    const later = `New top.\r\n\r\n${crlf.replace("north bridge", "old bridge")}`;
    expect(wordsThere(relocate(crlf, "peace talks with", later), later)).toBe("peace talks with");
    // A selection across a line break survives when the line endings do, and is changed when they change.
    const across = "Tuesday, the council said.\r\n\r\nThe mayor";
    expect(wordsThere(relocate(crlf, across, later), later)).toBe(across);
    expect(relocate(crlf, across, later.replaceAll("\r\n", "\n"))).toEqual({
      kind: "gone",
      reason: "changed",
    });
  });

  it("places many comments of one field with one diff, in the order asked", () => {
    const later = `Update first.\n\n${story.replace("37", "38")}`;
    const anchors = ["37 people", "the council said", "north bridge"].map((quote) => {
      const start = story.indexOf(quote);
      return { start, end: start + quote.length };
    });
    const placements = relocateAnchors({ fromText: story, toText: later, anchors });
    expect(placements.map((placement) => wordsThere(placement, later))).toEqual([
      { kind: "gone", reason: "changed" },
      "the council said",
      "north bridge",
    ]);
  });

  it("says 'unknown', never 'gone', when the budget is already spent", () => {
    const later = `${story}\n\nMore.`;
    const start = story.indexOf("peace");
    const budget = createDiffBudget({ timeoutMs: 0 });
    expect(relocateAnchor({ fromText: story, toText: later, start, end: start + 5, budget })).toEqual({
      kind: "unknown",
    });
  });
});
