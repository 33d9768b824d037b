/*
 * Paragraphs (blank-line separated blocks, as compare reads a body) by their place in the raw text, so that a
 * paragraph moved whole can be followed: a word diff keeps one side of a move in place and sees the other as
 * cut and retyped, while compare shows it "moved". Only a paragraph that appears once, word for word, in each
 * text is followed; one edited on the way is not (its words may survive in place anyway, through the diff).
 */

type Paragraph = { start: number; end: number };

const blankLine = /\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*/g;

function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (from: number, to: number) => {
    let [start, end] = [from, to];
    while (start < end && /\s/.test(text.charAt(start))) start += 1;
    while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (end > start) paragraphs.push({ start, end });
  };
  let from = 0;
  for (const separator of text.matchAll(blankLine)) {
    add(from, separator.index);
    from = separator.index + separator[0].length;
  }
  add(from, text.length);
  return paragraphs;
}

/** Paragraph texts seen exactly once, with where. */
function onceSeen(text: string): Map<string, Paragraph> {
  const seen = new Map<string, Paragraph | null>();
  for (const paragraph of paragraphsOf(text)) {
    const words = text.slice(paragraph.start, paragraph.end);
    seen.set(words, seen.has(words) ? null : paragraph);
  }
  const once = new Map<string, Paragraph>();
  for (const [words, paragraph] of seen) if (paragraph) once.set(words, paragraph);
  return once;
}

/** Follows ranges inside a paragraph moved (or left) whole from one text to the other. */
export function paragraphFollower(from: string, to: string): (start: number, end: number) => number | null {
  let lookup: { before: Paragraph[]; after: Map<string, Paragraph>; once: Map<string, Paragraph> } | null =
    null;
  return (start, end) => {
    lookup ??= { before: paragraphsOf(from), after: onceSeen(to), once: onceSeen(from) };
    const { before, after, once } = lookup;
    const paragraph = before.find((each) => each.start <= start && end <= each.end);
    if (!paragraph) return null;
    const words = from.slice(paragraph.start, paragraph.end);
    if (once.get(words)?.start !== paragraph.start) return null;
    const there = after.get(words);
    return there ? there.start + (start - paragraph.start) : null;
  };
}
