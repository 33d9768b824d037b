import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  anyEdit,
  CellText,
  exactEdit,
  storyShape,
  survivingPlace,
  textOf,
  utf16Offset,
  type Edit,
} from "./anchor-edits-arbitraries";
import { relocateAnchor } from "./relocate-anchors";

/**
 * Letters never used twice in one story (CJK ideographs, every fifth from the supplementary planes, so emoji-
 * style surrogate pairs are in play): no two words or characters are alike, so there is one true answer to
 * "where did these words go" and an LCS diff cannot pick another copy.
 */
function freshLetters(): (length: number) => string {
  let next = 0;
  return (length) => {
    let word = "";
    for (let k = 0; k < length; k += 1, next += 1)
      word += String.fromCodePoint(next % 5 === 4 ? 0x20000 + next : 0x4e00 + next);
    return word;
  };
}

/**
 * A fixed seed, so the suite never fails by chance: FC_SEED=random explores new cases (a dozen seeds of 3,000 runs
 * each passed when this was written), and FC_SEED=<n> with FC_PATH replays a reported failure.
 */
const replay =
  process.env.FC_SEED === "random"
    ? {}
    : { seed: Number(process.env.FC_SEED ?? 20_261_207), path: process.env.FC_PATH };

const newsroomWords = [
  "the",
  "council",
  "said",
  "37",
  "people",
  "river",
  "“rose”",
  "—",
  ",",
  ".",
  "🌊",
  "mayor’s",
];

/** Letters from a small newsroom vocabulary: repeats everywhere. */
function vocabulary(): (length: number) => string {
  let next = 0;
  return (length) => newsroomWords[(next++ * 7 + length) % newsroomWords.length] ?? "the";
}

/** A selection of non-blank cells, ends inclusive, from two choices. */
function selection(cells: CellText, a: number, b: number): number[] | null {
  const solid = cells.cells.flatMap((cell, index) => (/\s/.test(cell.char) ? [] : [index]));
  if (!solid.length) return null;
  const [x, y] = [solid[a % solid.length] ?? 0, solid[b % solid.length] ?? 0];
  return cells.cells.slice(Math.min(x, y), Math.max(x, y) + 1).map((cell) => cell.id);
}

const scenario = fc.record({
  shape: storyShape,
  crlf: fc.boolean(),
  a: fc.nat(),
  b: fc.nat(),
  edits: fc.oneof(
    fc.array(exactEdit, { minLength: 1, maxLength: 6 }),
    fc
      .record({ kind: fc.constant("move-paragraph" as const), from: fc.nat(), to: fc.nat() })
      .map((move) => [move]),
  ),
});

describe("relocateAnchor over random edits (issue 22: a comment stays on its words)", () => {
  it("finds the words again exactly when they survive untouched, at their tracked place, both ways", () => {
    let [found, gone] = [0, 0];
    fc.assert(
      fc.property(scenario, ({ shape, crlf, a, b, edits }) => {
        const story = new CellText(freshLetters(), crlf ? "\r\n\r\n" : "\n\n");
        story.story(shape);
        const ids = selection(story, a, b);
        if (!ids) return;
        const before = [...story.cells];
        const fromText = textOf(before);
        const first = before.findIndex((cell) => cell.id === ids[0]);
        const start = utf16Offset(before, first);
        const end = utf16Offset(before, first + ids.length);
        for (const edit of edits as Edit[]) story.apply(edit);
        const toText = textOf(story.cells);
        const place = survivingPlace(story.cells, ids);
        const placement = relocateAnchor({ fromText, toText, start, end });
        if (place === null) {
          gone += 1;
          expect(placement.kind).toBe("gone");
          return;
        }
        found += 1;
        const there = utf16Offset(story.cells, place);
        expect(placement).toEqual({ kind: "found", start: there, end: there + (end - start) });
        // …and from the later revision back to the earlier one.
        expect(
          relocateAnchor({ fromText: toText, toText: fromText, start: there, end: there + end - start }),
        ).toEqual({ kind: "found", start, end });
      }),
      { numRuns: 3_000, ...replay },
    );
    // Both answers were exercised, not one by accident of the generator.
    expect(found).toBeGreaterThan(300);
    expect(gone).toBeGreaterThan(300);
  });

  it("over text full of repeats, punctuation and emoji: whenever found, the words there are the quote", () => {
    fc.assert(
      fc.property(
        fc.record({
          shape: storyShape,
          crlf: fc.boolean(),
          a: fc.nat(),
          b: fc.nat(),
          edits: fc.array(anyEdit, { maxLength: 6 }),
        }),
        ({ shape, crlf, a, b, edits }) => {
          const story = new CellText(vocabulary(), crlf ? "\r\n\r\n" : "\n\n");
          story.story(shape);
          const ids = selection(story, a, b);
          if (!ids) return;
          const fromText = textOf(story.cells);
          const first = story.cells.findIndex((cell) => cell.id === ids[0]);
          const [start, end] = [
            utf16Offset(story.cells, first),
            utf16Offset(story.cells, first + ids.length),
          ];
          for (const edit of edits) story.apply(edit);
          const toText = textOf(story.cells);
          const placement = relocateAnchor({ fromText, toText, start, end });
          expect(placement.kind).not.toBe("unknown");
          if (placement.kind === "found")
            expect(toText.slice(placement.start, placement.end)).toBe(fromText.slice(start, end));
          // Words untouched in a story that did not change at all are always found in place.
          if (fromText === toText) expect(placement).toEqual({ kind: "found", start, end });
        },
      ),
      { numRuns: 3_000, ...replay },
    );
  });

  it("never loses words whose paragraph was left alone, whatever happened around it (repeats, copies, moves)", () => {
    const words = fc.array(fc.constantFrom(...newsroomWords), { minLength: 1, maxLength: 6 });
    const farEdit = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), paragraph: fc.nat(), at: fc.nat(), words }),
      fc.record({
        kind: fc.constant("delete" as const),
        paragraph: fc.nat(),
        at: fc.nat(),
        count: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({ kind: fc.constant("new-paragraph" as const), at: fc.nat(), words }),
      fc.record({
        kind: fc.constant("duplicate" as const),
        paragraph: fc.nat(),
        at: fc.nat(),
        count: fc.integer({ min: 1, max: 8 }),
        into: fc.nat(),
      }),
      fc.record({ kind: fc.constant("move" as const), from: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.record({
          paragraphs: fc.array(words, { minLength: 2, maxLength: 6 }),
          crlf: fc.boolean(),
          pick: fc.nat(),
          marker: fc.nat(),
          a: fc.nat(),
          b: fc.nat(),
          edits: fc.array(farEdit, { minLength: 1, maxLength: 8 }),
        }),
        ({ paragraphs, crlf, pick, marker, a, b, edits }) => {
          const story = paragraphs.map((list) => [...list]);
          // The commented paragraph carries a word found nowhere else, so it is one of a kind on both sides.
          const ours = story[pick % story.length] ?? [];
          ours.splice(marker % (ours.length + 1), 0, "Exclusive");
          const join = (list: string[][]) =>
            list.map((each) => each.join(" ")).join(crlf ? "\r\n\r\n" : "\n\n");
          const own = ours.join(" ");
          const solid = [...own].flatMap((char, index) => (char === " " ? [] : [index]));
          const [x, y] = [solid[a % solid.length] ?? 0, solid[b % solid.length] ?? 0];
          const offset = Math.min(x, y);
          const [inside, length] = [offset, Math.max(x, y) + 1 - offset];
          const fromText = join(story);
          const start = fromText.indexOf(own) + inside;
          const others = () => story.filter((list) => list !== ours);
          for (const edit of edits) {
            const rest = others();
            if (edit.kind === "move") {
              const [moved] = story.splice(edit.from % story.length, 1);
              if (moved) story.splice(edit.to % (story.length + 1), 0, moved);
            } else if (edit.kind === "new-paragraph")
              story.splice(edit.at % (story.length + 1), 0, [...edit.words]);
            else if (rest.length) {
              const target = rest[edit.paragraph % rest.length] ?? [];
              if (edit.kind === "insert") target.splice(edit.at % (target.length + 1), 0, ...edit.words);
              else if (edit.kind === "delete") {
                target.splice(edit.at % target.length, edit.count);
                if (!target.length) story.splice(story.indexOf(target), 1);
              } else {
                const copy = target.slice(edit.at % target.length, (edit.at % target.length) + edit.count);
                const into = rest[edit.into % rest.length] ?? target;
                into.splice(edit.into % (into.length + 1), 0, ...copy);
              }
            }
          }
          const toText = join(story);
          const placement = relocateAnchor({ fromText, toText, start, end: start + length });
          expect(placement.kind).toBe("found");
          if (placement.kind !== "found") return;
          expect(toText.slice(placement.start, placement.end)).toBe(fromText.slice(start, start + length));
          // Words that include the one-of-a-kind word can only be at the paragraph's new place.
          if (fromText.slice(start, start + length).includes("Exclusive"))
            expect(placement.start).toBe(toText.indexOf(own) + inside);
        },
      ),
      { numRuns: 3_000, ...replay },
    );
  });
});
