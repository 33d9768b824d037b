import { isElement } from "@/lib/body-markdown/paste-dom";
import { convertWordListParagraphs, renestLists } from "@/lib/body-markdown/paste-lists";
import {
  isQuoteParagraph,
  removeWordOnlyMarkup,
  sourceMarks,
  type InlineMarks,
} from "@/lib/body-markdown/paste-sources";
import { softLineBreak, withoutControlCharacters, withPlainSpaces } from "@/lib/body-markdown/paste-text";

/*
 * Clipboard HTML, rebuilt from scratch with only what a story body can hold, for ProseMirror's
 * `transformPastedHTML`. Reporters paste from Google Docs, Word (desktop and web) and web pages; each sends
 * its formatting differently (see paste-sources and paste-lists), and all of them send fonts, colours,
 * classes and scripts the body must never get.
 *
 * Nothing from the source is copied but text, a link's address, a list's start number and the shape of
 * headings, paragraphs, lists, quotes and tables. So an attribute (onclick, style, id, class) cannot survive:
 * no attribute is ever carried over except a checked `href` and `start`. Bold and italic are worked out per
 * word from tags and inline styles (Docs marks bold with `font-weight:700` and wraps the whole paste in a
 * `<b>` that is not bold) and written as `<strong>`/`<em>`. Pure DOM code: runs in the browser, and in
 * tests under jsdom.
 */

// Dropped with everything inside them: page furniture, media (photos enter through the library), Word's
// <o:p> spacers and tracked deletions (<del>: changes are taken as accepted).
const droppedElements = new Set(
  (
    "head script style meta link title noscript template xml o:p img picture figure video audio source " +
    "track canvas svg math map iframe object embed frame frameset applet nav aside footer button form " +
    "input select textarea label dialog del colgroup col caption hr"
  ).split(" "),
);
const headings = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
// Blocks whose words become paragraphs; the element itself is not kept.
const blockElements = new Set(
  "p div section article main header address center pre dl dt dd figcaption details summary body html".split(
    " ",
  ),
);
const linkProtocols = new Set(["http:", "https:", "mailto:"]);

/** The address of a link, or null when it is not http, https or mailto (then its words stay as text). */
export function safeLinkHref(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return linkProtocols.has(url.protocol) ? url.href : null;
  } catch {
    return null; // relative, or not an address at all
  }
}

class BodyWriter {
  private inline: Element | null = null;
  private readonly containers: Element[];

  constructor(
    private readonly document: Document,
    readonly root: Element,
  ) {
    this.containers = [root];
  }

  private get container(): Element {
    return this.containers.at(-1) ?? this.root;
  }

  /** The paragraph (or heading) words go into, opened when the first word arrives. */
  private inlineTarget(): Element {
    this.inline ??= this.container.appendChild(this.document.createElement("p"));
    return this.inline;
  }

  text(value: string, marks: InlineMarks): void {
    const clean = withPlainSpaces(withoutControlCharacters(value));
    clean.split(softLineBreak).forEach((part, index) => {
      if (index > 0) this.lineBreak();
      if (part === "") return;
      const target = this.inlineTarget();
      // A heading is bold already: nobody types "## **Subhead**", whatever Word's spans say.
      const bold = marks.bold && !headings.has(target.localName);
      let node: Node = this.document.createTextNode(part);
      if (marks.italic) node = this.wrap("em", node);
      if (bold) node = this.wrap("strong", node);
      if (marks.href) {
        const link = this.wrap("a", node);
        link.setAttribute("href", marks.href);
        node = link;
      }
      target.appendChild(node);
    });
  }

  lineBreak(): void {
    const target = this.inlineTarget();
    // Spaces before a line break would end the line in the stored Markdown.
    let last = target.lastChild;
    while (last?.nodeType === 1) last = last.lastChild; // the words may sit inside <strong>, <em>, <a>
    if (last?.nodeType === 3) last.textContent = (last.textContent ?? "").replace(/[ \t\n]+$/, "");
    target.appendChild(this.document.createElement("br"));
  }

  private wrap(tag: string, node: Node): Element {
    const element = this.document.createElement(tag);
    element.appendChild(node);
    return element;
  }

  /** Ends the open paragraph; one holding nothing a reader can see is removed. */
  endBlock(): void {
    const block = this.inline;
    this.inline = null;
    if (!block) return;
    while (block.lastChild?.nodeName === "BR") block.lastChild.remove();
    while (block.firstChild?.nodeName === "BR") block.firstChild.remove();
    if (!/\S/.test(block.textContent ?? "")) block.remove();
  }

  heading(tag: string, fill: () => void): void {
    this.endBlock();
    this.inline = this.container.appendChild(this.document.createElement(tag));
    fill();
    this.endBlock();
  }

  /** A container block (quote, list, list item, table cell); removed when it ends up empty. */
  open(tag: string, fill: (element: Element) => void, keepEmpty = false): Element {
    this.endBlock();
    const element = this.container.appendChild(this.document.createElement(tag));
    this.containers.push(element);
    fill(element);
    this.endBlock();
    this.containers.pop();
    if (!keepEmpty && !/\S/.test(element.textContent ?? "")) element.remove();
    return element;
  }

  /** A block quote; paragraphs quoted one after another share one quote. */
  quote(fill: () => void): void {
    this.endBlock();
    const previous = this.container.lastElementChild;
    if (previous?.localName !== "blockquote") {
      this.open("blockquote", fill);
      return;
    }
    this.containers.push(previous);
    fill();
    this.endBlock();
    this.containers.pop();
  }

  isInside(tag: string): boolean {
    return this.containers.some((container) => container.localName === tag);
  }
}

function walkChildren(parent: Node, writer: BodyWriter, marks: InlineMarks): void {
  for (const child of Array.from(parent.childNodes)) walk(child, writer, marks);
}

function walkTable(table: Element, writer: BodyWriter, marks: InlineMarks): void {
  const rows = Array.from(table.querySelectorAll("tr")).filter((row) => row.closest("table") === table);
  writer.open("table", () => {
    for (const row of rows) {
      writer.open("tr", () => {
        for (const cell of Array.from(row.children)) {
          if (cell.localName !== "td" && cell.localName !== "th") continue;
          // Every cell stays, even an empty one, so the columns line up.
          writer.open(cell.localName, () => walkChildren(cell, writer, marks), true);
        }
      });
    }
  });
}

function walk(node: Node, writer: BodyWriter, marks: InlineMarks): void {
  if (node.nodeType === 3) {
    writer.text(node.textContent ?? "", marks);
    return;
  }
  if (!isElement(node)) return; // comments, processing instructions
  const element = node;
  const tag = element.localName;
  if (droppedElements.has(tag) || isHidden(element)) return;
  const inner = sourceMarks(element, marks);
  if (inner === null) return; // Word's review comments and their anchors
  if (tag === "a") {
    const href = safeLinkHref(element.getAttribute("href"));
    return walkChildren(element, writer, { ...inner, href });
  }
  if (writer.isInside("td") || writer.isInside("th")) return walkInCell(element, writer, inner);
  if (tag === "br") return writer.lineBreak();
  const headingTag = headingOf(element);
  if (headingTag) {
    return writer.heading(headingTag, () => walkChildren(element, writer, inner));
  }
  if (tag === "blockquote" || isQuoteParagraph(element)) {
    writer.quote(() => walkChildren(element, writer, inner));
    return;
  }
  if (tag === "ul" || tag === "ol") {
    writer.open(tag, (list) => {
      const start = element.getAttribute("start");
      if (tag === "ol" && start && /^\d+$/.test(start) && start !== "1") list.setAttribute("start", start);
      walkChildren(element, writer, inner);
    });
    return;
  }
  if (tag === "li") {
    if (!writer.isInside("ul") && !writer.isInside("ol")) return walkBlock(element, writer, inner);
    writer.open("li", () => walkChildren(element, writer, inner));
    return;
  }
  if (tag === "table") {
    // A table inside a table cell (a web page's layout) cannot be written in Markdown: its words stay.
    if (writer.isInside("table")) return walkBlock(element, writer, inner);
    return walkTable(element, writer, inner);
  }
  if (blockElements.has(tag) || tag === "td" || tag === "th" || tag === "tr") {
    return walkBlock(element, writer, inner);
  }
  walkChildren(element, writer, inner); // inline: span, b, i, font, u, ins, sup, …
}

/**
 * A table cell holds one line in Markdown (a GFM table row is one line): paragraphs, line breaks and lists
 * inside a cell run together as words separated by spaces.
 */
function walkInCell(element: Element, writer: BodyWriter, marks: InlineMarks): void {
  const tag = element.localName;
  if (tag === "br") return writer.text(" ", marks);
  const block = blockElements.has(tag) || headings.has(tag) || /^(ul|ol|li|blockquote|table|tr)$/.test(tag);
  if (block) writer.text(" ", marks);
  walkChildren(element, writer, marks);
  if (block) writer.text(" ", marks);
}

function walkBlock(element: Element, writer: BodyWriter, marks: InlineMarks): void {
  writer.endBlock();
  walkChildren(element, writer, marks);
  writer.endBlock();
}

function headingOf(element: Element): string | null {
  if (headings.has(element.localName)) return element.localName;
  // Word for the web writes headings as <p role="heading" aria-level="2">.
  const level = element.getAttribute("aria-level");
  if (element.getAttribute("role") === "heading" && level && /^[1-6]$/.test(level)) return `h${level}`;
  return null;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute("hidden")) return true;
  return /(^|;)\s*display\s*:\s*none/i.test(element.getAttribute("style") ?? "");
}

/** Clipboard HTML from any source, as the few plain elements a story body can hold. */
export function cleanPastedHtml(html: string): string {
  const source = new DOMParser().parseFromString(html, "text/html");
  const body = source.body;
  convertWordListParagraphs(body);
  removeWordOnlyMarkup(body);
  renestLists(body);
  const output = source.createElement("div");
  const writer = new BodyWriter(source, output);
  walkChildren(body, writer, { bold: false, italic: false, href: null });
  writer.endBlock();
  return output.innerHTML;
}
