/*
 * Paragraphs (blank-line separated blocks, as compare reads a body) by their place in the raw text, so that
 * paragraphs moved whole can be followed: a word diff keeps one side of a move in place and reads the other as
 * cut and retyped, while compare shows it "moved". The run of whole paragraphs holding the words is followed
 * only when it appears exactly once, word for word and break for break, in each text; one edited on the way is
 * not (its words may still survive in place, through the diff).
 */

type Paragraph = { start: number; end: number; text: string };

const blankLine = /\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/g;

function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (from: number, to: number) => {
    let [start, end] = [from, to];
    while (start < end && /\s/.test(text.charAt(start))) start += 1;
    while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (end > start) paragraphs.push({ start, end, text: text.slice(start, end) });
  };
  let from = 0;
  for (const separator of text.matchAll(blankLine)) {
    add(from, separator.index);
    from = separator.index + separator[0].length;
  }
  add(from, text.length);
  return paragraphs;
}

type Side = { text: string; paragraphs: Paragraph[]; byText: Map<string, number[]>; ends: Set<number> };

function sideOf(text: string): Side {
  const paragraphs = paragraphsOf(text);
  const byText = new Map<string, number[]>();
  for (const [index, paragraph] of paragraphs.entries()) {
    const list = byText.get(paragraph.text);
    if (list) list.push(index);
    else byText.set(paragraph.text, [index]);
  }
  return { text, paragraphs, byText, ends: new Set(paragraphs.map((paragraph) => paragraph.end)) };
}

/** Where the run of paragraphs spelling `block` (first paragraph `first`) starts, when it is there once. */
function onlyRun(side: Side, first: string, block: string): number | null {
  let found: number | null = null;
  for (const index of side.byText.get(first) ?? []) {
    const start = side.paragraphs[index]?.start ?? 0;
    const end = start + block.length;
    if (side.ends.has(end) && side.text.startsWith(block, start)) {
      if (found !== null) return null;
      found = start;
    }
  }
  return found;
}

/** Follows ranges inside paragraphs moved (or left) whole from one text to the other: their new start. */
export function paragraphFollower(from: string, to: string): (start: number, end: number) => number | null {
  let sides: { before: Side; after: Side } | null = null;
  return (start, end) => {
    sides ??= { before: sideOf(from), after: sideOf(to) };
    const { before, after } = sides;
    const first = before.paragraphs.find((paragraph) => paragraph.end > start);
    const last = before.paragraphs.findLast((paragraph) => paragraph.start < end);
    if (!first || !last || first.start > start || last.end < end) return null;
    const block = from.slice(first.start, last.end);
    if (onlyRun(before, first.text, block) !== first.start) return null;
    const there = onlyRun(after, first.text, block);
    return there === null ? null : there + (start - first.start);
  };
}
