import { isComment, isElement } from "@/lib/body-markdown/paste-dom";

/*
 * What Google Docs and Word mean by their markup, read before everything but the words is thrown away.
 *
 * - Bold and italic come from tags (b, strong, i, em) and from inline styles: Docs writes
 *   `<span style="font-weight:700">` and `font-style:italic`, and wraps the whole paste in
 *   `<b style="font-weight:normal" id="docs-internal-guid-…">`, which is not bold. A `font-weight` or
 *   `font-style` in an element's own style beats its tag. (Word's `mso-bidi-font-weight` is another property.)
 * - Word's review comments are dropped: the reference mark, the `[AB1]` anchor and the comment text Word
 *   appends in a `mso-element:comment-list` div. The commented words themselves stay.
 * - Tracked changes are taken as accepted: `<del>` is dropped (clean-paste) and `<ins>` is kept as text.
 * - Word's `<![if !supportLists]>…<![endif]>`-style blocks (markers, spare line breaks and no-break spaces
 *   meant for browsers) are removed; the list markers have been read by then (paste-lists).
 * - Quotes: Word's Quote and Intense Quote styles, and a Docs paragraph indented from the margin (Docs
 *   has no quote style; indenting is how a long quotation is set off there), become block quotes.
 */

export type InlineMarks = { bold: boolean; italic: boolean; href: string | null };

const browserOnlyBlocks = /^\[if !support(Lists|LineBreakNewLine|EmptyParas|Annotations)\]$/;
// Word's review comments; and Word for the web's end-of-paragraph mark (a no-break space per paragraph).
const droppedWordClasses = [
  "MsoCommentReference",
  "msocomanchor",
  "msocomoff",
  "msocomtxt",
  "MsoCommentText",
  "EOP",
];

/** An element's inline style as property → value, property names lower-cased. */
function styleOf(element: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of (element.getAttribute("style") ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    declarations.set(
      property,
      declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return declarations;
}

function boldFromWeight(weight: string | undefined): boolean | null {
  if (weight === undefined) return null;
  if (weight.startsWith("bold")) return true;
  const number = Number.parseInt(weight, 10);
  return Number.isFinite(number) ? number >= 600 : false;
}

function italicFromStyle(style: string | undefined): boolean | null {
  if (style === undefined) return null;
  return style.startsWith("italic") || style.startsWith("oblique");
}

function isDroppedWordMarkup(element: Element, style: Map<string, string>): boolean {
  if (droppedWordClasses.some((name) => element.classList.contains(name))) return true;
  const special = style.get("mso-element") ?? style.get("mso-special-character") ?? "";
  return special === "comment-list" || special === "comment";
}

/**
 * The bold, italic and link state inside `element`, or null when the element and all it holds are to be
 * dropped (Word's review comments and paragraph marks).
 */
export function sourceMarks(element: Element, outer: InlineMarks): InlineMarks | null {
  const style = styleOf(element);
  if (isDroppedWordMarkup(element, style)) return null;
  const tag = element.localName;
  const googleDocsWrapper = element.id.startsWith("docs-internal-guid");
  const tagBold = (tag === "b" || tag === "strong") && !googleDocsWrapper;
  const tagItalic = tag === "i" || tag === "em";
  return {
    bold: boldFromWeight(style.get("font-weight")) ?? (tagBold || outer.bold),
    italic: italicFromStyle(style.get("font-style")) ?? (tagItalic || outer.italic),
    href: outer.href,
  };
}

/** Word's Quote styles, and a Google Docs paragraph indented from the margin. */
export function isQuoteParagraph(element: Element): boolean {
  if (element.classList.contains("MsoQuote") || element.classList.contains("MsoIntenseQuote")) return true;
  if (element.localName !== "p" || !element.closest('[id^="docs-internal-guid"]')) return false;
  if (element.closest("li, td, th")) return false;
  const indent = Number.parseFloat(styleOf(element).get("margin-left") ?? "0");
  return indent > 0;
}

function comments(root: Node, found: Comment[] = []): Comment[] {
  for (const child of Array.from(root.childNodes)) {
    if (isComment(child)) found.push(child);
    else if (isElement(child)) comments(child, found);
  }
  return found;
}

/** Removes what Word put between `<![if !supportX]>` and `<![endif]>` for browsers that lack X. */
export function removeWordOnlyMarkup(root: Element): void {
  const isEndif = (node: Node) => isComment(node) && node.data.trim() === "[endif]";
  for (const opening of comments(root)) {
    if (!opening.parentNode || !browserOnlyBlocks.test(opening.data.trim())) continue;
    const between: Node[] = [];
    let next = opening.nextSibling;
    while (next && !isEndif(next)) {
      between.push(next);
      next = next.nextSibling;
    }
    // Without its [endif] the block's extent is unknown: the words after it stay.
    if (next) for (const node of [...between, next]) node.parentNode?.removeChild(node);
    opening.remove();
  }
}
