import fc from "fast-check";

/*
 * Generated stories and edit sequences for the anchoring property tests, with the truth known by construction:
 * every character is a cell with an identity, edits cut and add cells (added ones are new), so a selection's
 * words "survive" exactly when its cells are all still there, in order, with nothing put between them.
 */

export type Cell = { char: string; id: number };

/** Where a position of code points falls in the UTF-16 text the offsets count. */
export function utf16Offset(cells: readonly Cell[], index: number): number {
  let offset = 0;
  for (let k = 0; k < index; k += 1) offset += cells[k]?.char.length ?? 0;
  return offset;
}

export function textOf(cells: readonly Cell[]): string {
  return cells.map((cell) => cell.char).join("");
}

/** The selection's place after the edits (in code points), or null when its words did not survive. */
export function survivingPlace(cells: readonly Cell[], ids: readonly number[]): number | null {
  const first = cells.findIndex((cell) => cell.id === ids[0]);
  if (first < 0) return null;
  return ids.every((id, k) => cells[first + k]?.id === id) ? first : null;
}

/** A span of the text: `at` and `length` are reduced modulo the text's size when applied. */
export type Edit =
  | { kind: "insert"; at: number; words: number[] }
  | { kind: "delete"; at: number; length: number }
  | { kind: "replace"; at: number; length: number; words: number[] }
  | { kind: "duplicate"; at: number; length: number; to: number }
  | { kind: "move-paragraph"; from: number; to: number };

const wordLengths = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 });

export const exactEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), words: wordLengths }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
    words: wordLengths,
  }),
);

export const anyEdit: fc.Arbitrary<Edit> = fc.oneof(
  exactEdit,
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
    to: fc.nat(),
  }),
  fc.record({ kind: fc.constant("move-paragraph" as const), from: fc.nat(), to: fc.nat() }),
);

/** A story as paragraphs of words, each word a list of letter choices (how a vocabulary picks them). */
export const storyShape = fc.array(fc.array(wordLengths, { minLength: 1, maxLength: 8 }), {
  minLength: 1,
  maxLength: 5,
});

/** Makes cells; `letters` gives the characters of each new word (fresh ones, or from a vocabulary). */
export class CellText {
  cells: Cell[] = [];
  private nextId = 0;

  constructor(
    private readonly wordOf: (letters: number) => string,
    private readonly paragraphBreak: string,
  ) {}

  make(text: string): Cell[] {
    return Array.from(text, (char) => ({ char, id: this.nextId++ }));
  }

  words(lengths: readonly number[]): string {
    return lengths.map((length) => this.wordOf(length)).join(" ");
  }

  story(shape: readonly (readonly number[])[][]): void {
    const paragraphs = shape.map((paragraph) => paragraph.map((word) => this.words(word)).join(" "));
    this.cells = this.make(paragraphs.join(this.paragraphBreak));
  }

  /** Paragraphs as cell spans [start, end), split on the paragraph break. */
  paragraphs(): [number, number][] {
    const text = textOf(this.cells);
    const spans: [number, number][] = [];
    const chars = Array.from(text);
    const br = Array.from(this.paragraphBreak);
    let start = 0;
    for (let k = 0; k <= chars.length; k += 1) {
      const atBreak = br.every((char, j) => chars[k + j] === char);
      if (k === chars.length || atBreak) {
        if (k > start) spans.push([start, k]);
        if (k < chars.length) {
          start = k + br.length;
          k += br.length - 1;
        }
      }
    }
    return spans;
  }

  apply(edit: Edit): void {
    const size = this.cells.length;
    const at = "at" in edit ? edit.at % (size + 1) : 0;
    switch (edit.kind) {
      case "insert":
        this.cells.splice(at, 0, ...this.make(` ${this.words(edit.words)}`));
        break;
      case "delete":
        this.cells.splice(at, edit.length);
        break;
      case "replace":
        this.cells.splice(at, edit.length, ...this.make(this.words(edit.words)));
        break;
      case "duplicate": {
        const copy = textOf(this.cells.slice(at, at + edit.length));
        this.cells.splice(edit.to % (this.cells.length + 1), 0, ...this.make(copy));
        break;
      }
      case "move-paragraph": {
        const spans = this.paragraphs();
        const [from, target] = [edit.from % spans.length, edit.to % spans.length];
        // Put back where it was, a paragraph has not moved (and its breaks did not change).
        if (spans.length < 2 || from === target) return;
        const [start, end] = spans[from] ?? [0, 0];
        const moved = this.cells.slice(start, end);
        // The paragraph leaves with one break beside it; it arrives with a new one.
        const breakLength = Array.from(this.paragraphBreak).length;
        const cutEnd = end + breakLength <= this.cells.length ? end + breakLength : end;
        const cutStart = cutEnd === end ? Math.max(0, start - breakLength) : start;
        this.cells.splice(cutStart, cutEnd - cutStart);
        const rest = this.paragraphs();
        if (target === rest.length) this.cells.push(...this.make(this.paragraphBreak), ...moved);
        else {
          const before = rest[target]?.[0] ?? 0;
          this.cells.splice(before, 0, ...moved, ...this.make(this.paragraphBreak));
        }
        break;
      }
    }
  }
}
