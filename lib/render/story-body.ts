import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

import { markBodyPhotos, placeBodyPhotos } from "./body-photo-placeholder";
import { guardMarkdown, plainBlockAlone, plainBlockTokenPattern, plainTextNote } from "./markdown-guard";
import { splitIndependentBlocks } from "./story-body-blocks";
import { storyBodySchema } from "./story-body-schema";

/**
 * The headline is the page's only h1; body headings start at h2 so the outline stays in order
 * ("# Section" in the body becomes an h2). Runs before sanitizing, which stays the last step.
 */
function demoteHeadings() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        const level = /^h([1-6])$/.exec(child.tagName)?.[1];
        // The footnotes label is already an h2 made by remark-rehype, not an author's heading.
        if (level && child.properties.id !== "footnote-label")
          child.tagName = `h${Math.min(Number(level) + 1, 6)}`;
        visit(child);
      }
    };
    visit(tree);
  };
}

const tableParts = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

/**
 * Keeps the tree identical in every renderer: React cannot hold whitespace text directly inside table parts
 * (so the desk preview would drop it) and prints boolean data attributes as "true"; both are made explicit
 * here. Runs before sanitizing.
 */
function normaliseForReact() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      if (node.type === "element" && tableParts.has(node.tagName)) {
        node.children = node.children.filter(
          (child) => !(child.type === "text" && child.value.trim() === ""),
        );
      }
      for (const child of node.children) {
        if (child.type !== "element") continue;
        for (const [name, value] of Object.entries(child.properties)) {
          if (name.startsWith("data") && value === true) child.properties[name] = "true";
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

// Raw HTML in the Markdown is never passed through (no allowDangerousHtml): remark-rehype drops it, and
// rehype-sanitize with the strict schema is the last transform, so nothing unsafe can be added after it.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(demoteHeadings)
  .use(normaliseForReact)
  .use(rehypeSanitize, storyBodySchema)
  .freeze();

function renderWhole(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

// Rendered blocks by their Markdown, so re-rendering a long story after an update parses only what changed.
// Bounded by simply starting over; entries are shared between trees and must never be mutated.
const blockMemo = new Map<string, RootContent[]>();
const blockMemoLimit = 20_000;

// A one-line paragraph of words and plain punctuation, which Markdown (with GFM) leaves exactly as it is: no
// emphasis, code, link, autolink (no "://", "www.", "@"), entity, escape, HTML, heading, quote, list or rule
// marker. Most paragraphs of a news story are like this; they skip the parser, which made a never-seen
// 10,000-word story cost hundreds of milliseconds (story-body.test.ts proves the trees are the same).
const plainParagraph =
  /^[A-Za-z\u00C0-\u024F"'“‘(][A-Za-z0-9\u00C0-\u024F ,.;:'"?!()%$/’‘“”—–-]*[A-Za-z0-9\u00C0-\u024F,.;:'"?!()%$’”—–-]$/;

function isPlainParagraph(block: string): boolean {
  return (
    plainParagraph.test(block) && !block.includes("://") && !/www\./i.test(block) && !block.includes("  ")
  );
}

function renderBlock(block: string): RootContent[] {
  let children = blockMemo.get(block);
  if (!children) {
    children = isPlainParagraph(block)
      ? [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: block }] }]
      : renderWhole(block).children;
    if (blockMemo.size >= blockMemoLimit) blockMemo.clear();
    blockMemo.set(block, children);
  }
  return children;
}

const paragraph = (children: ElementContent[]): Element => ({
  type: "element",
  tagName: "p",
  properties: {},
  children,
});

/**
 * Puts the blocks the guard kept from the parser back where their tokens landed: a token alone in a paragraph
 * becomes the block as plain text and the note; one elsewhere (inside code, which needed no guarding) becomes
 * the block's text. Builds new nodes throughout, since rendered blocks are shared with the memo.
 */
function restorePlainBlocks(nodes: readonly RootContent[], plain: readonly string[]): RootContent[] {
  const original = (token: string) =>
    token.replace(plainBlockTokenPattern, (_, index: string) => plain[Number(index)] ?? "");
  return nodes.flatMap((node): RootContent[] => {
    if (node.type === "text") return [{ ...node, value: original(node.value) }];
    if (node.type !== "element") return [node];
    const [only] = node.children;
    if (
      node.tagName === "p" &&
      node.children.length === 1 &&
      only?.type === "text" &&
      plainBlockAlone.test(only.value)
    ) {
      return [
        paragraph([{ type: "text", value: original(only.value) }]),
        { type: "text", value: "\n" },
        paragraph([
          {
            type: "element",
            tagName: "em",
            properties: {},
            children: [{ type: "text", value: plainTextNote }],
          },
        ]),
      ];
    }
    return [{ ...node, children: restorePlainBlocks(node.children, plain) as ElementContent[] }];
  });
}

/**
 * Renders a body through the guard (markdown-guard.ts), so the parser's cost is bounded before it starts, with
 * its photo lines marked before and placed after (body-photo-placeholder.ts): both ways of rendering get the
 * same tokens, so they still give the same tree.
 */
function renderGuarded(markdown: string, render: (guarded: string) => Root): Root {
  const marked = markBodyPhotos(markdown);
  const guarded = guardMarkdown(marked.markdown);
  const tree = render(guarded.markdown);
  const children =
    guarded.plain.length === 0 ? tree.children : restorePlainBlocks(tree.children, guarded.plain);
  if (marked.photos.length === 0) return children === tree.children ? tree : { type: "root", children };
  return { type: "root", children: placeBodyPhotos(children, marked) };
}

/**
 * A story body (Markdown) as a sanitized hast tree. Pure and synchronous, so the desk preview can use it too.
 * Bodies made only of self-contained blocks are rendered block by block (same tree, proven in the tests);
 * anything else is parsed whole. Each photo line that can be read comes out as a top-level placeholder
 * element (bodyPhotoPlaceholder), for buildStoryArticle to swap for the figure.
 */
export function renderStoryBody(options: { markdown: string }): Root {
  return renderGuarded(options.markdown, (markdown) => {
    const blocks = splitIndependentBlocks(markdown);
    if (!blocks) return renderWhole(markdown);
    const children: RootContent[] = [];
    for (const block of blocks) {
      if (children.length > 0) children.push({ type: "text", value: "\n" });
      children.push(...renderBlock(block));
    }
    return { type: "root", children };
  });
}

/** The whole-document rendering, for tests that prove block-by-block rendering gives the same tree. */
export function renderStoryBodyWhole(options: { markdown: string }): Root {
  return renderGuarded(options.markdown, renderWhole);
}
