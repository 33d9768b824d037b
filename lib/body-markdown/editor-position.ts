import type { Node as ProseNode } from "@tiptap/pm/model";

import type { BodySource } from "./parse-body";
import { serializeBodyWithLayout } from "./serialize-body";

/**
 * A place in the body's Markdown as messages name it: a 0-based character offset (a message's "at character
 * 51" is offset 50) or a paragraph number (1-based, blank-line separated blocks as findBodyPhotoLines counts
 * them).
 */
export type MarkdownPlace = { offset: number } | { paragraph: number };

/** Offset of the first character of paragraph `number` (1-based), or the end when there are fewer. */
function paragraphOffset(markdown: string, number: number): number {
  let offset = 0;
  let paragraph = 0;
  let previousBlank = true;
  for (const line of markdown.split("\n")) {
    const blank = line.trim() === "";
    if (!blank && previousBlank) {
      paragraph += 1;
      if (paragraph === number) return offset;
    }
    previousBlank = blank;
    offset += line.length + 1;
  }
  return markdown.length;
}

/** Each character the node shows and its document position (a hard break shows as a line break). */
function shownCharacters(node: ProseNode, at: number): { char: string; pos: number }[] {
  const shown: { char: string; pos: number }[] = [];
  node.descendants((child, pos) => {
    const start = at + 1 + pos;
    if (child.isText) {
      const text = child.text ?? "";
      for (let index = 0; index < text.length; index += 1)
        shown.push({ char: text[index] ?? "", pos: start + index });
    } else if (child.type.name === "hardBreak") shown.push({ char: "\n", pos: start });
    return true;
  });
  return shown;
}

/**
 * The editor position for a place in the Markdown the document serializes to (`source` is what the document
 * was read from): inside the top-level block holding it, at the character matching the offset as nearly as
 * the markup allows; on a photo or rule, the node itself (for a node selection).
 */
export function offsetToEditorPosition(options: {
  doc: ProseNode;
  source: BodySource;
  at: MarkdownPlace;
}): number {
  const { doc, source, at } = options;
  const { markdown, layout } = serializeBodyWithLayout(doc, source);
  const offset = Math.max(
    0,
    Math.min("offset" in at ? at.offset : paragraphOffset(markdown, at.paragraph), markdown.length),
  );
  let found = -1;
  layout.forEach((place, index) => {
    if (found < 0 && place.end > place.start && offset < place.end) found = index;
  });
  if (found < 0) found = doc.childCount - 1;
  let childPos = 0;
  doc.forEach((_child, pos, index) => {
    if (index === found) childPos = pos;
  });
  const child = doc.child(found);
  const place = layout[found] ?? { start: 0, end: 0 };
  const inner = Math.max(0, offset - place.start);
  if (child.isAtom || child.isLeaf) return childPos;
  if (child.type.name === "markdownBlock") return childPos + 1 + Math.min(inner, child.content.size);
  // Walk the Markdown and the shown text together: markup characters are skipped, text characters matched.
  const written = markdown.slice(place.start, place.end);
  const shown = shownCharacters(child, childPos);
  let matched = 0;
  for (let index = 0; index < inner && matched < shown.length; index += 1) {
    if (written[index] === shown[matched]?.char) matched += 1;
  }
  const target = shown[matched];
  if (target) return target.pos;
  const last = shown[shown.length - 1];
  return last ? last.pos + 1 : childPos + 1;
}
