import type { Mark, Node as ProseNode } from "@tiptap/pm/model";
import type { BlockContent, List, ListItem, PhrasingContent, RootContent, TableCell, TableRow } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { defaultHandlers, toMarkdown, type Handle, type Join, type Options } from "mdast-util-to-markdown";

/*
 * Writes a changed editor block as Markdown the way a careful writer types it: "-" bullets (or the marker
 * the list was written with), *italic*, **bold**, "## " headings, a backslash for a hard break, "1." lists,
 * and escapes only where a character would otherwise mean something. Only changed blocks come here; every
 * other block keeps its source (serialize-body.ts).
 */

// Outermost first, so a link around bold text is written [**text**](…), not **[text](…)**.
const markOrder = ["link", "bold", "italic", "strike"];

function markRank(mark: Mark): number {
  const rank = markOrder.indexOf(mark.type.name);
  return rank < 0 ? markOrder.length : rank;
}

type Open = { mark: Mark; children: PhrasingContent[] };

function wrap(mark: Mark, children: PhrasingContent[]): PhrasingContent {
  switch (mark.type.name) {
    case "link": {
      const title = mark.attrs.title as string | null;
      return { type: "link", url: String(mark.attrs.href ?? ""), title: title || null, children };
    }
    case "bold":
      return { type: "strong", children };
    case "italic":
      return { type: "emphasis", children };
    case "strike":
      return { type: "delete", children };
    default:
      return { type: "emphasis", children };
  }
}

/** Inline content as mdast phrasing: marks become nested nodes, shared marks shared by neighbours. */
export function phrasingOf(node: ProseNode): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: Open[] = [];
  const target = () => stack[stack.length - 1]?.children ?? root;
  const close = () => {
    const open = stack.pop();
    if (open) target().push(wrap(open.mark, open.children));
  };
  node.forEach((child) => {
    const marks = child.marks.filter((mark) => mark.type.name !== "code");
    // Marks already open stay open while this node has them too; the others open inside, outermost first.
    let keep = 0;
    while (keep < stack.length && (stack[keep] as Open).mark.isInSet(marks)) keep += 1;
    while (stack.length > keep) close();
    const opening = marks
      .filter((mark) => !stack.some((open) => open.mark.eq(mark)))
      .sort((first, second) => markRank(first) - markRank(second));
    for (const mark of opening) stack.push({ mark, children: [] });
    if (child.type.name === "hardBreak") target().push({ type: "break" });
    else if (child.isText) {
      const value = child.text ?? "";
      const isCode = child.marks.some((mark) => mark.type.name === "code");
      target().push(isCode ? { type: "inlineCode", value } : { type: "text", value });
    }
  });
  while (stack.length > 0) close();
  return root;
}

function listItemOf(node: ProseNode, spread: boolean): ListItem {
  const children: BlockContent[] = [];
  node.forEach((child) => {
    const block = blockOf(child);
    if (block) children.push(block as BlockContent);
  });
  return { type: "listItem", spread, children };
}

function cellOf(node: ProseNode): TableCell {
  return { type: "tableCell", children: node.firstChild ? phrasingOf(node.firstChild) : [] };
}

/** A block node as mdast; null for nodes only the body level writes (photo, markdownBlock). */
export function blockOf(node: ProseNode): RootContent | null {
  switch (node.type.name) {
    case "paragraph":
      return { type: "paragraph", children: phrasingOf(node) };
    case "heading":
      return {
        type: "heading",
        depth: Math.min(Math.max(Number(node.attrs.level) || 2, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6,
        children: phrasingOf(node),
      };
    case "horizontalRule":
      return { type: "thematicBreak" };
    case "blockquote": {
      const children: BlockContent[] = [];
      node.forEach((child) => {
        const block = blockOf(child);
        if (block) children.push(block as BlockContent);
      });
      return { type: "blockquote", children };
    }
    case "bulletList":
    case "orderedList": {
      const spread = node.attrs.loose === true;
      const items: ListItem[] = [];
      node.forEach((item) => items.push(listItemOf(item, spread)));
      const list: List = {
        type: "list",
        ordered: node.type.name === "orderedList",
        start: node.type.name === "orderedList" ? Number(node.attrs.start ?? 1) : null,
        spread,
        children: items,
      };
      const marker = node.attrs.marker as string | null;
      if (marker) listMarkers.set(list, marker);
      return list;
    }
    case "table": {
      const rows: TableRow[] = [];
      const align: ("left" | "right" | "center" | null)[] = [];
      node.forEach((row, _offset, rowIndex) => {
        const cells: TableCell[] = [];
        row.forEach((cell) => {
          if (rowIndex === 0) {
            const value = cell.attrs.align as string | null;
            align.push(value === "left" || value === "right" || value === "center" ? value : null);
          }
          cells.push(cellOf(cell));
        });
        rows.push({ type: "tableRow", children: cells });
      });
      return { type: "table", align, children: rows };
    }
    default:
      return null;
  }
}

// The marker each list was written with; to-markdown has one setting for all lists, so the list handler
// below sets it for the list it writes (nested lists included).
const listMarkers = new WeakMap<List, string>();

const list: Handle = (node: List, parent, state, info) => {
  const marker = listMarkers.get(node);
  const { bullet, bulletOrdered } = state.options;
  if (marker === "*" || marker === "+" || marker === "-") state.options.bullet = marker;
  if (marker === "." || marker === ")") state.options.bulletOrdered = marker;
  try {
    return defaultHandlers.list(node, parent, state, info);
  } finally {
    state.options.bullet = bullet;
    state.options.bulletOrdered = bulletOrdered;
  }
};

/**
 * Two lists one after the other stay apart without a blank line (a different marker starts a new list);
 * a blank line would make the first one loose. Not before an ordered list that does not start at 1, which
 * cannot interrupt a paragraph and would run on into the item above.
 */
const joinLists: Join = (left, right) =>
  left.type === "list" &&
  right.type === "list" &&
  left.spread !== true &&
  (!right.ordered || (right.start ?? 1) === 1)
    ? 0
    : undefined;

/** to-markdown settings for a block, as a careful writer types. */
export function writerOptions(): Options {
  return {
    bullet: "-",
    bulletOrdered: ".",
    emphasis: "*",
    strong: "*",
    rule: "-",
    listItemIndent: "one",
    incrementListMarker: true,
    setext: false,
    fences: true,
    extensions: [gfmToMarkdown()],
    handlers: { list },
    join: [joinLists],
  };
}

/** Markdown for one mdast block, without the final line break. */
export function writeMdast(block: RootContent, options: Options): string {
  return toMarkdown({ type: "root", children: [block] }, options).replace(/\n$/, "");
}
