import type { Node as ProseNode, Schema } from "@tiptap/pm/model";
import type { Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

import { isBodyPhotoProblem, looksLikeBodyPhotoLine, parseBodyPhotoLine } from "@/lib/render/body-photo-line";
import { markdownCost, maxBodyWork, maxMarksPerBlock, maxNestingDepth } from "@/lib/render/markdown-guard";
import { splitIndependentBlocks } from "@/lib/render/story-body-blocks";

import { proseFromMdast, unixLines } from "./mdast-to-prose";

/**
 * What a body was read from, kept beside the editor's document so that writing it back reuses the author's
 * bytes: per top-level node its exact Markdown and the text before it (blank lines as written), plus what
 * follows the last block. Treat as immutable.
 */
export type BodySource = {
  readonly nodes: readonly ProseNode[];
  readonly sources: readonly string[];
  /** gaps[0] is the text before the first block; gaps[i] what separates block i - 1 from block i. */
  readonly gaps: readonly string[];
  readonly tail: string;
  /** What ends a line in this body ("\r\n" when it was written so), for blocks written afresh. */
  readonly lineEnding: "\n" | "\r\n";
  readonly indexOf: WeakMap<ProseNode, number>;
  /**
   * The items of top-level lists and the blocks of top-level quotes, so a changed list or quote keeps the
   * bytes of the parts nobody touched (a quoted block's source keeps the "> " of its later lines).
   */
  readonly items: WeakMap<ProseNode, ListItemSource>;
};

export type ListItemSource = { container: ProseNode; index: number; source: string; gapBefore: string };

export type ParsedBody = { doc: ProseNode; source: BodySource };

// The public renderer's parser settings (remark-parse + remark-gfm), so the editor shows what readers get.
function parseMdast(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** A one-line paragraph Markdown leaves exactly as it is (see story-body.ts); skips the parser. */
const plainParagraph =
  /^[A-Za-z\u00C0-\u024F"'“‘(][A-Za-z0-9\u00C0-\u024F ,.;:'"?!()%$/’‘“”—–-]*[A-Za-z0-9\u00C0-\u024F,.;:'"?!()%$’”—–-]$/;

function isPlainParagraph(block: string): boolean {
  return (
    plainParagraph.test(block) && !block.includes("://") && !/www\./i.test(block) && !block.includes("  ")
  );
}

/** A top-level block: where it is in the body, and its tree (null: kept from the parser by the guard). */
type TopBlock = {
  start: number;
  end: number;
  node: RootContent | null;
  plain?: boolean;
  /** An offset in the tree's positions as an offset in the body. */
  toBody: (offset: number) => number;
};

const identity = (offset: number) => offset;

type Chunk = { start: number; end: number; guarded: boolean };

/** The body's blank-line separated chunks and which of them the guard keeps from the parser (markdown-guard.ts). */
function guardChunks(markdown: string): Chunk[] {
  const chunks: Chunk[] = [];
  const separator = /\n[ \t\r]*\n/g;
  let start = 0;
  let work = 0;
  const add = (end: number) => {
    const cost = markdownCost(markdown.slice(start, end));
    const fits =
      cost.depth <= maxNestingDepth && cost.marks <= maxMarksPerBlock && work + cost.work <= maxBodyWork;
    if (fits) work += cost.work;
    chunks.push({ start, end, guarded: !fits });
  };
  for (let found = separator.exec(markdown); found; found = separator.exec(markdown)) {
    add(found.index);
    start = found.index + found[0].length;
  }
  add(markdown.length);
  return chunks;
}

function shifted(root: Root, by: number): TopBlock[] {
  const toBody = (offset: number) => offset + by;
  return root.children.map((node) => ({
    start: toBody(node.position?.start.offset ?? 0),
    end: toBody(node.position?.end.offset ?? 0),
    node,
    toBody,
  }));
}

/** Blocks of a body whose blocks do not depend on each other: parsed chunk by chunk, plain ones not at all. */
function independentBlocks(markdown: string, chunks: readonly Chunk[]): TopBlock[] {
  const blocks: TopBlock[] = [];
  for (const chunk of chunks) {
    const text = markdown.slice(chunk.start, chunk.end);
    if (text.trim() === "") continue;
    if (chunk.guarded) {
      const lead = text.length - text.trimStart().length;
      blocks.push({
        start: chunk.start + lead,
        end: chunk.start + text.trimEnd().length,
        node: null,
        toBody: identity,
      });
    } else if (isPlainParagraph(text)) {
      blocks.push({ start: chunk.start, end: chunk.end, node: null, plain: true, toBody: identity });
    } else blocks.push(...shifted(parseMdast(text), chunk.start));
  }
  return blocks;
}

/**
 * Blocks of a body parsed whole, with guarded chunks replaced by the guard's token as the renderer does; a
 * block that swallowed a token is kept as Markdown. Offsets are mapped back to the original text.
 */
function wholeBlocks(markdown: string, chunks: readonly Chunk[]): TopBlock[] {
  if (!chunks.some((chunk) => chunk.guarded)) return shifted(parseMdast(markdown), 0);
  // Pieces of the guarded text and where they came from.
  const pieces: { from: number; to: number; start: number; end: number; token: boolean }[] = [];
  let guarded = "";
  let tokens = 0;
  chunks.forEach((chunk, index) => {
    if (index > 0) {
      const previous = chunks[index - 1];
      pieces.push({
        from: guarded.length,
        to: guarded.length + 2,
        start: previous?.end ?? 0,
        end: chunk.start,
        token: false,
      });
      guarded += "\n\n";
    }
    const text = chunk.guarded ? `copydeskplainblock${tokens++}z` : markdown.slice(chunk.start, chunk.end);
    pieces.push({
      from: guarded.length,
      to: guarded.length + text.length,
      start: chunk.start,
      end: chunk.end,
      token: chunk.guarded,
    });
    guarded += text;
  });
  const pieceAt = (offset: number) => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((pieces[middle]?.from ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return pieces[low] ?? { from: 0, to: 0, start: 0, end: 0, token: false };
  };
  const map = (offset: number, isEnd: boolean) => {
    const piece = isEnd && offset > 0 ? pieceAt(offset - 1) : pieceAt(offset);
    if (piece.token || piece.end - piece.start !== piece.to - piece.from)
      return isEnd ? piece.end : piece.start;
    return piece.start + (offset - piece.from);
  };
  return parseMdast(guarded).children.map((node): TopBlock => {
    const from = node.position?.start.offset ?? 0;
    const to = node.position?.end.offset ?? 0;
    const swallowed = pieces.some((piece) => piece.token && piece.from < to && piece.to > from);
    return {
      start: map(from, false),
      end: map(to, true),
      node: swallowed ? null : node,
      toBody: (offset: number) => map(offset, false),
    };
  });
}

function isBlankGap(gap: string): boolean {
  return /\n[ \t]*\r?\n/.test(gap);
}

/**
 * Reads a Markdown body into an editor document for `schema` (the editor's own, or getSchema(bodyExtensions())),
 * with the source of every top-level block.
 */
export function parseBody(markdown: string, schema: Schema): ParsedBody {
  const chunks = guardChunks(markdown);
  const blocks = splitIndependentBlocks(markdown)
    ? independentBlocks(markdown, chunks)
    : wholeBlocks(markdown, chunks);
  const nodes: ProseNode[] = [];
  const sources: string[] = [];
  const gaps: string[] = [];
  const indexOf = new WeakMap<ProseNode, number>();
  const items = new WeakMap<ProseNode, ListItemSource>();
  let at = 0;
  blocks.forEach((block, index) => {
    const source = markdown.slice(block.start, block.end);
    const gapBefore = markdown.slice(at, block.start);
    const after = blocks[index + 1];
    const gapAfter = markdown.slice(block.end, after ? after.start : markdown.length);
    let node: ProseNode | null = null;
    if (block.plain) node = schema.node("paragraph", null, [schema.text(source)]);
    else if (block.node?.type === "paragraph" && looksLikeBodyPhotoLine(source)) {
      // A photo line counts only standing alone between blank lines (findBodyPhotoLines); else it is text.
      const read = parseBodyPhotoLine(source);
      const alone =
        (index === 0 || isBlankGap(gapBefore)) &&
        (gapBefore === "" || gapBefore.endsWith("\n")) &&
        (!after || isBlankGap(gapAfter)) &&
        !source.includes("\n");
      if (alone && read && !isBodyPhotoProblem(read)) node = schema.node("photo", read);
    } else if (block.node)
      node = proseFromMdast(block.node, {
        schema,
        markerAt: (offset) => markdown[block.toBody(offset)] ?? "",
      });
    node ??= schema.node("markdownBlock", null, source === "" ? [] : [schema.text(unixLines(source))]);
    const container = node;
    const containerMdast = block.node;
    if (
      (containerMdast?.type === "list" &&
        (container.type.name === "bulletList" || container.type.name === "orderedList")) ||
      (containerMdast?.type === "blockquote" && container.type.name === "blockquote")
    ) {
      let itemAt = block.start;
      containerMdast.children.forEach((item, itemIndex) => {
        const start = block.toBody(item.position?.start.offset ?? 0);
        const end = block.toBody(item.position?.end.offset ?? 0);
        const child = container.maybeChild(itemIndex);
        if (child)
          items.set(child, {
            container,
            index: itemIndex,
            source: markdown.slice(start, end),
            gapBefore: markdown.slice(itemAt, start),
          });
        itemAt = end;
      });
    }
    indexOf.set(node, nodes.length);
    nodes.push(node);
    sources.push(source);
    gaps.push(gapBefore);
    at = block.end;
  });
  const tail = markdown.slice(at);
  const content = nodes.length > 0 ? nodes : [schema.node("paragraph")];
  return {
    doc: schema.node("doc", null, content),
    source: {
      nodes,
      sources,
      gaps,
      tail,
      lineEnding: markdown.includes("\r\n") ? "\r\n" : "\n",
      indexOf,
      items,
    },
  };
}
