/*
 * Limits on what the Markdown parser is given, checked before it runs. micromark's work grows with the square
 * of some inputs: emphasis and link openers it cannot close are searched again for every later delimiter
 * ("*a" repeated 20,000 times took 13 s), and containers nest by recursion ("> " 5,000 times overflowed the
 * stack). A linear pre-scan of each block (blank-line separated) counts its container depth and delimiter
 * runs; a block over a limit, or any block once the body's total is spent, never reaches the parser: it is
 * shown as plain text, followed by a note saying so. The scan is pure arithmetic on the text, so the desk
 * preview in the browser, the desk on the server and the public page all decide the same way.
 */

/** Containers (quotes, list items, indentation levels) a line may open; real stories use two or three. */
export const maxNestingDepth = 16;
/**
 * Delimiter runs (emphasis, code, brackets, angle brackets) one paragraph may hold: a paragraph with 50 links
 * has 200.
 */
export const maxMarksPerBlock = 300;
/**
 * What the parser may do for one body, in units of one delimiter compared with another (each piece of inline
 * text costs its marks², each list item or quote line as much as about 1,000 of them): about a second of
 * parsing on a slow machine, off the event loop. A 5,000-word story with a link or an emphasis in every
 * paragraph uses a few percent of it; what is left over when it runs out is shown as plain text.
 */
export const maxBodyWork = 4_000_000;
const containerLineWork = 1_000;

export const plainTextNote =
  "(The paragraph above is shown as plain text: its formatting was nested too deeply or used too many marks to display.)";

/** Deepest line, most delimiter runs in one piece of inline text, and the parser's work (see maxBodyWork). */
export type MarkdownCost = { depth: number; marks: number; work: number };

function isMark(code: number): boolean {
  // * _ ~ ` [ ] < > ( ) !
  return (
    code === 42 ||
    code === 95 ||
    code === 126 ||
    code === 96 ||
    code === 91 ||
    code === 93 ||
    code === 60 ||
    code === 62 ||
    code === 40 ||
    code === 41 ||
    code === 33
  );
}

/**
 * How deep the containers at the start of one line go: quote and list markers, and indentation (two spaces a
 * level).
 */
function lineDepth(line: string): number {
  let depth = 0;
  let index = 0;
  let spaces = 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === 32) spaces += 1;
    else if (code === 9) spaces += 4;
    else if (code === 62) depth += 1;
    else if (
      (code === 45 || code === 42 || code === 43) &&
      (index + 1 >= line.length || line.charCodeAt(index + 1) === 32)
    )
      depth += 1;
    else if (code >= 48 && code <= 57) {
      let end = index;
      while (end < line.length && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end += 1;
      const marker = line.charCodeAt(end);
      if ((marker !== 46 && marker !== 41) || (end + 1 < line.length && line.charCodeAt(end + 1) !== 32))
        break;
      depth += 1;
      index = end;
    } else break;
    index += 1;
  }
  return depth + Math.floor(spaces / 2);
}

/**
 * Nesting depth and delimiter runs of one block, in one pass. Runs are counted per piece of inline text: a
 * new one starts at each list item, quote, heading or table row, because the parser's quadratic search never
 * crosses those (a list of 100 links is 100 short searches, not one long one).
 */
export function markdownCost(block: string): MarkdownCost {
  let depth = 0;
  let marks = 0;
  let pieceMarks = 0;
  let work = 0;
  let lineStart = 0;
  const endPiece = () => {
    marks = Math.max(marks, pieceMarks);
    work += pieceMarks * pieceMarks;
    pieceMarks = 0;
  };
  for (let index = 0; index <= block.length; index += 1) {
    const code = index < block.length ? block.charCodeAt(index) : 10;
    if (index === lineStart) {
      const lineEnd = block.indexOf("\n", index);
      const line = block.slice(index, lineEnd < 0 ? block.length : lineEnd);
      const lineDepthHere = lineDepth(line);
      depth = Math.max(depth, lineDepthHere);
      const first = line.trimStart().charCodeAt(0);
      if (lineDepthHere > 0 || first === 35 || first === 124) endPiece();
      if (lineDepthHere > 0) work += containerLineWork;
    }
    if (code === 10) lineStart = index + 1;
    else if (
      isMark(code) &&
      (index === 0 || block.charCodeAt(index - 1) !== code || code === 91 || code === 93)
    )
      pieceMarks += 1;
  }
  endPiece();
  return { depth, marks, work };
}

/** Stands in for a block kept from the parser: one plain word, which parses as a paragraph of its own. */
function plainBlockToken(index: number): string {
  return `copydeskplainblock${index}z`;
}

export const plainBlockTokenPattern = /copydeskplainblock(\d+)z/g;
/** A paragraph that is nothing but a token: where a guarded block landed. */
export const plainBlockAlone = /^copydeskplainblock\d+z$/;

/**
 * The body with every block over a limit replaced by a token (plainBlockToken), and the replaced blocks in
 * order; the renderer puts each back as a plain-text paragraph with a note. `work` is what the parser is
 * left with (see maxBodyWork). Blocks are separated by blank lines, as the parser separates paragraphs.
 */
export function guardMarkdown(markdown: string): { markdown: string; plain: string[]; work: number } {
  const blocks = markdown.split(/\n[ \t\r]*\n/);
  let work = 0;
  const plain: string[] = [];
  const guarded = blocks.map((block) => {
    const cost = markdownCost(block);
    if (cost.depth <= maxNestingDepth && cost.marks <= maxMarksPerBlock && work + cost.work <= maxBodyWork) {
      work += cost.work;
      return block;
    }
    plain.push(block.trim());
    return plainBlockToken(plain.length - 1);
  });
  return { markdown: plain.length === 0 ? markdown : guarded.join("\n\n"), plain, work };
}
