/**
 * Splits a story body into blocks that render the same on their own as inside the whole document, or returns
 * null when the body uses anything whose meaning crosses a blank line. Only then may blocks be rendered (and
 * remembered) one by one: a developing story's update touches a few paragraphs of a long body, so
 * re-rendering after a publish only parses those.
 *
 * Conservative on purpose. Falls back to whole-document parsing for: lists and indented lines (a blank line
 * can continue a list item or make it loose), fenced code (may hold blank lines), raw HTML blocks (some run
 * until an end marker past blank lines), link reference definitions and footnotes (document-wide).
 */
const crossBlockLine = /^(?:[ \t]|[-*+][ \t]|[-*+]$|\d{1,9}[.)](?:[ \t]|$)|<|\[[^\]]*\]:|```|~~~)/;

export function splitIndependentBlocks(markdown: string): string[] | null {
  if (
    markdown.includes("[^") ||
    markdown.includes("```") ||
    markdown.includes("~~~") ||
    markdown.includes("\r")
  )
    return null;
  const lines = markdown.split("\n");
  for (const line of lines) {
    if (crossBlockLine.test(line)) return null;
  }
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length > 0) blocks.push(current.join("\n"));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current.join("\n"));
  return blocks;
}
