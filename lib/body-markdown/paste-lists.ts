import { isElement } from "@/lib/body-markdown/paste-dom";

/*
 * Lists on the clipboard, made into real nested lists before the rest of the paste is cleaned.
 *
 * Each program writes lists its own way:
 * - Word desktop writes no list elements at all: every item is a `<p style='mso-list:l0 level2 lfo1'>`
 *   whose number or bullet is typed out in a `<span style='mso-list:Ignore'>` between `<![if !supportLists]>`
 *   and `<![endif]>`. The marker says ordered or bulleted; `levelN` says how deep.
 * - Word for the web writes one `<ul>`/`<ol>` per item, each in its own `div.ListContainerWrapper`, with the
 *   depth in `data-aria-level`.
 * - Google Docs writes real lists, but depth is in `aria-level`, and a deeper list may sit directly inside
 *   the outer `<ul>` (not inside an item), or be flattened altogether.
 * All three become a flat run of items (depth, kind, content) which is nested again in one way, so the
 * editor gets `<ul><li>…<ul><li>…</li></ul></li></ul>` whatever the source. Adjacent lists of the same kind
 * merge: in Markdown they would run together anyway.
 */

type ListItem = { level: number; ordered: boolean; start: number | null; content: Node[] };

const msoListLevel = /mso-list:\s*l\d+\s+level(\d+)/i;
const orderedMarker = /^\(?(\d+|[a-z]{1,2}|[ivxlcdm]+)[.)]$/i;

function isBlankText(node: Node): boolean {
  return node.nodeType === 8 || (node.nodeType === 3 && !/\S/.test(node.textContent ?? ""));
}

function levelAttribute(element: Element): number | null {
  const raw = element.getAttribute("data-aria-level") ?? element.getAttribute("aria-level");
  const level = raw === null ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(level) && level > 0 ? level : null;
}

function isListContainer(element: Element): boolean {
  const tag = element.localName;
  return tag === "ul" || tag === "ol" || element.classList.contains("ListContainerWrapper");
}

/** Items of a list, deeper lists included, in reading order; depth from the attribute, else from nesting. */
function flattenList(list: Element, depth: number, items: ListItem[]): void {
  const ordered = list.localName === "ol";
  const startAttribute = Number.parseInt(list.getAttribute("start") ?? "", 10);
  let start = ordered && startAttribute > 1 ? startAttribute : null;
  for (const child of Array.from(list.childNodes)) {
    if (!isElement(child)) {
      if (!isBlankText(child)) items.at(-1)?.content.push(child);
      continue;
    }
    if (isListContainer(child)) {
      flattenList(child, child.localName === "div" ? depth : depth + 1, items);
      continue;
    }
    if (child.localName !== "li") {
      items.at(-1)?.content.push(child);
      continue;
    }
    const item: ListItem = { level: levelAttribute(child) ?? depth, ordered, start, content: [] };
    start = null;
    items.push(item);
    const nested: Element[] = [];
    for (const part of Array.from(child.childNodes)) {
      if (isElement(part) && (part.localName === "ul" || part.localName === "ol")) nested.push(part);
      else item.content.push(part);
    }
    for (const inner of nested) flattenList(inner, item.level + 1, items);
  }
}

/** Nests a flat run of items again; a level never jumps more than one deeper than the item before. */
function nestItems(items: ListItem[], document: Document): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const open: { list: Element; level: number; ordered: boolean }[] = [];
  for (const item of items) {
    let top = open.at(-1);
    const level = Math.min(item.level, (top?.level ?? 0) + 1);
    while (top && top.level > level) {
      open.pop();
      top = open.at(-1);
    }
    if (top && top.level === level && top.ordered !== item.ordered) {
      open.pop();
      top = open.at(-1);
    }
    if (!top || top.level < level) {
      const list = document.createElement(item.ordered ? "ol" : "ul");
      if (item.start !== null) list.setAttribute("start", String(item.start));
      if (top) {
        const parentItem = top.list.lastElementChild ?? top.list.appendChild(document.createElement("li"));
        parentItem.appendChild(list);
      } else {
        fragment.appendChild(list);
      }
      top = { list, level, ordered: item.ordered };
      open.push(top);
    }
    const li = top.list.appendChild(document.createElement("li"));
    for (const node of item.content) li.appendChild(node);
  }
  return fragment;
}

/** The typed-out marker of a Word list paragraph ("1.", "a)", "·", "o", "§"), removed from the paragraph. */
function takeWordMarker(paragraph: Element): string {
  let marker = "";
  for (const ignore of Array.from(paragraph.querySelectorAll("span"))) {
    if (!/mso-list:\s*ignore/i.test(ignore.getAttribute("style") ?? "")) continue;
    // The marker is the span's own text; the nested span holds only the spacing after it.
    marker ||= Array.from(ignore.childNodes)
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent ?? "")
      .join("")
      .replace(/[\s\u00A0]+/g, "");
    ignore.remove();
  }
  return marker;
}

function wordListItem(paragraph: Element): ListItem {
  const level = Number.parseInt(msoListLevel.exec(paragraph.getAttribute("style") ?? "")?.[1] ?? "1", 10);
  const marker = takeWordMarker(paragraph);
  const ordered = orderedMarker.test(marker);
  const number = Number.parseInt(marker.replace(/^\(/, ""), 10);
  const start = ordered && number > 1 ? number : null;
  // The paragraph itself goes into the item so its words keep their bold, italic and links.
  return { level, ordered, start, content: [paragraph] };
}

function isWordListParagraph(node: Node): node is Element {
  return (
    isElement(node) &&
    node.localName === "p" &&
    msoListLevel.test(node.getAttribute("style") ?? "") &&
    !/mso-list:\s*none/i.test(node.getAttribute("style") ?? "")
  );
}

/** Runs of sibling nodes matching `belongs` (blank text and comments between them included). */
function siblingRuns(root: Element, belongs: (node: Node) => node is Element): Element[][] {
  const runs: Element[][] = [];
  const parents = new Set<Node>();
  root.querySelectorAll("*").forEach((element) => {
    if (belongs(element) && element.parentNode) parents.add(element.parentNode);
  });
  for (const parent of parents) {
    let run: Element[] = [];
    for (const child of Array.from(parent.childNodes)) {
      if (belongs(child)) run.push(child);
      else if (!isBlankText(child)) {
        if (run.length) runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/** Word desktop's list paragraphs become lists; `<p>` items keep their content. */
export function convertWordListParagraphs(root: Element): void {
  for (const run of siblingRuns(root, isWordListParagraph)) {
    const [first] = run;
    // The items move into the new list, so it goes where a placeholder keeps their place.
    const place = root.ownerDocument.createComment("list");
    first?.parentNode?.insertBefore(place, first);
    place.replaceWith(nestItems(run.map(wordListItem), root.ownerDocument));
  }
}

/**
 * Every run of adjacent lists (and Word for the web's list wrappers) is flattened and nested again by the
 * depth each item declares.
 */
export function renestLists(root: Element): void {
  const belongs = (node: Node): node is Element =>
    isElement(node) && isListContainer(node) && !node.parentElement?.closest("ul, ol, .ListContainerWrapper");
  for (const run of siblingRuns(root, belongs)) {
    const items: ListItem[] = [];
    // A wrapper is not a level itself: the list inside it is level 1.
    for (const list of run) flattenList(list, list.localName === "div" ? 0 : 1, items);
    const [anchor] = run;
    anchor?.parentNode?.insertBefore(nestItems(items, root.ownerDocument), anchor);
    for (const list of run) list.remove();
  }
}
