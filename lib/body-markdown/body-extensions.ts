import { Extension, Node, type AnyExtension } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";

import { RemovalMarkDecorations } from "./removal-mark-decorations";

/*
 * The body editor's schema, as a TipTap extension list: the React editor uses it as is and node code calls
 * `getSchema(bodyExtensions)`. It holds only what the public renderer (lib/render/story-body.ts) shows; a
 * block it cannot hold exactly is kept as a `markdownBlock`, shown and edited as its Markdown text.
 */

/** Links readers can follow: the renderer's sanitizer drops every other href. */
export function isAllowedBodyHref(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(href.trim());
}

/** Top-level only: a photo line and a raw block are body-level paragraphs, never inside a list or quote. */
const bodyOnlyGroup = "bodyOnly";

const BodyDocument = Node.create({ name: "doc", topNode: true, content: `(block | ${bodyOnlyGroup})+` });

// Attributes never rendered: how a list was written, so a changed list keeps its author's marker and spacing.
const ListWriting = Extension.create({
  name: "listWriting",
  addGlobalAttributes() {
    return [
      {
        types: ["bulletList", "orderedList"],
        attributes: {
          marker: { default: null, rendered: false },
          loose: { default: false, rendered: false },
        },
      },
    ];
  },
});

// GFM table cells hold one line of inline content.
const BodyTableCell = TableCell.extend({ content: "paragraph" });
const BodyTableHeader = TableHeader.extend({ content: "paragraph" });

export type BodyPhotoAttributes = { photoId: string; alt: string; caption: string; credit: string };

/** A placed photo: one `::photo{…}` line (lib/render/body-photo-line.ts). The UI extends it with a node view. */
export const BodyPhotoNode = Node.create({
  name: "photo",
  group: bodyOnlyGroup,
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      photoId: { default: "" },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure[data-photo-id]",
        getAttrs: (element) => ({
          photoId: element.getAttribute("data-photo-id") ?? "",
          alt: element.getAttribute("data-alt") ?? "",
          caption: element.getAttribute("data-caption") ?? "",
          credit: element.getAttribute("data-credit") ?? "",
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const { photoId, alt, caption, credit } = node.attrs as BodyPhotoAttributes;
    return [
      "figure",
      {
        "data-photo-id": photoId,
        "data-alt": alt,
        "data-caption": caption,
        "data-credit": credit,
        class: "desk-body-photo",
      },
      ["figcaption", {}, [caption || alt || "Photo", credit ? ` (${credit})` : ""].join("")],
    ];
  },
});

/**
 * A top-level block the editor cannot show exactly (fenced code, raw HTML, footnotes, reference links, images
 * by URL, task lists, blocks the parser guard keeps out, …): its Markdown text, written back as typed.
 */
export const MarkdownBlockNode = Node.create({
  name: "markdownBlock",
  group: bodyOnlyGroup,
  content: "text*",
  marks: "",
  code: true,
  defining: true,
  parseHTML() {
    return [{ tag: "pre[data-markdown-block]", preserveWhitespace: "full" }];
  },
  renderHTML() {
    return [
      "pre",
      { "data-markdown-block": "", class: "desk-body-markdown", title: "Markdown, shown as written" },
      ["code", {}, 0],
    ];
  },
});

/** Every extension of the body editor, in a fresh list (callers may swap one for its `.extend()`). */
export function bodyExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      document: false,
      codeBlock: false,
      underline: false,
      trailingNode: false,
      heading: { levels: [1, 2, 3, 4, 5, 6] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isAllowedBodyHref(url),
        HTMLAttributes: { rel: null, target: null, class: null },
      },
    }),
    BodyDocument,
    ListWriting,
    Table.configure({ resizable: false }),
    TableRow,
    BodyTableHeader,
    BodyTableCell,
    BodyPhotoNode,
    MarkdownBlockNode,
    RemovalMarkDecorations,
  ];
}
