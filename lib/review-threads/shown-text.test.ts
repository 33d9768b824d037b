import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { paragraphStarts } from "./paragraph-starts";
import { lineBreaksOf, shownText, storedSlice, toShown, toStored } from "./shown-text";

const body = "The council met.\r\n\r\nAbout 37 people\r\nspoke against it.\r\n\r\nOld Mac\rline.";

describe("words selected in a body stored with carriage returns map to the stored text", () => {
  it("guards CRLF bodies: the anchor's quote is the stored text at the mapped offsets", () => {
    const shown = shownText(body);
    const breaks = lineBreaksOf(body);
    for (const words of ["37 people", "people\nspoke", "it.\n\nOld", "Mac\rline"]) {
      const shownWords = words.replace(/\r/g, "\n");
      const start = shown.indexOf(shownWords);
      const end = start + shownWords.length;
      const stored = { start: toStored(breaks, start), end: toStored(breaks, end) };
      expect(storedSlice(breaks, start, shownWords)).toBe(body.slice(stored.start, stored.end));
      expect(body.slice(stored.start, stored.end).replace(/\r\n?/g, "\n")).toBe(shownWords);
      expect(toShown(breaks, stored.start)).toBe(start);
      expect(toShown(breaks, stored.end)).toBe(end);
    }
  });

  it("paragraph starts are in the shown text, so every paragraph is found", () => {
    const shown = shownText(body);
    const starts = paragraphStarts(shown);
    expect(starts?.map((start) => shown.slice(start, start + 8))).toEqual([
      "The coun",
      "About 37",
      "Old Mac\n",
    ]);
  });

  it("a body without carriage returns is its own shown text", () => {
    expect(lineBreaksOf("One.\n\nTwo.")).toBeNull();
    expect(toStored(null, 4)).toBe(4);
    expect(storedSlice(null, 0, "a\nb")).toBe("a\nb");
  });

  it("over any text of letters and line breaks, every shown range maps to the same words stored", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("a", "b", " ", "\n", "\r\n", "\r", "é", "🌊"))
          .map((parts) => parts.join("")),
        fc.nat(),
        fc.nat(),
        (stored, x, y) => {
          const shown = shownText(stored);
          const breaks = lineBreaksOf(stored);
          const [start, end] = [x % (shown.length + 1), y % (shown.length + 1)].sort((a, b) => a - b) as [
            number,
            number,
          ];
          const from = toStored(breaks, start);
          const to = toStored(breaks, end);
          expect(storedSlice(breaks, start, shown.slice(start, end))).toBe(stored.slice(from, to));
          expect(toShown(breaks, from)).toBe(start);
          expect(toShown(breaks, to)).toBe(end);
        },
      ),
      { seed: 22 },
    );
  });
});
