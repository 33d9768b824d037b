import type { Element, ElementContent, RootContent } from "hast";

import { findBodyPhotoLines, isBodyPhotoProblem, type BodyPhoto } from "./body-photo-line";

/*
 * How a photo line reaches the page. The renderer has no database, so it cannot draw the picture; it marks the
 * place instead. Before parsing, each readable photo line (body-photo-line.ts) is swapped for a one-word token
 * paragraph, which the parser, the guard and the block memo treat like any word; after the sanitizer, in this
 * trusted code, a paragraph that is exactly a token becomes a placeholder element built from the parsed line.
 * buildStoryArticle (story-article.ts) then swaps each placeholder for the story's figure, with the picture
 * the caller resolved, or drops it when the photo cannot be resolved. The sanitizer's schema is unchanged: an
 * author's text can never make a placeholder or a figure, only a photo line can.
 */

/** The placeholder's tag: an unknown element, so a tree serialised without the swap shows nothing. */
export const bodyPhotoPlaceholderTag = "copydesk-body-photo";

/**
 * The placeholder for one placed photo, exactly this shape: `<copydesk-body-photo data-photo-id data-alt
 * data-caption data-credit>` with no children. Values are the line's text, never markup.
 */
export function bodyPhotoPlaceholder(photo: BodyPhoto): Element {
  return {
    type: "element",
    tagName: bodyPhotoPlaceholderTag,
    properties: {
      dataPhotoId: photo.photoId,
      dataAlt: photo.alt,
      dataCaption: photo.caption,
      dataCredit: photo.credit,
    },
    children: [],
  };
}

/** The photo a placeholder stands for, or null for any other node. */
export function readBodyPhotoPlaceholder(node: RootContent | ElementContent): BodyPhoto | null {
  if (node.type !== "element" || node.tagName !== bodyPhotoPlaceholderTag) return null;
  const { dataPhotoId, dataAlt, dataCaption, dataCredit } = node.properties;
  if (typeof dataPhotoId !== "string") return null;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return { photoId: dataPhotoId, alt: text(dataAlt), caption: text(dataCaption), credit: text(dataCredit) };
}

/** A body with its photo lines swapped for tokens, and what each token stands for. */
export type MarkedBodyPhotos = { markdown: string; photos: BodyPhoto[]; tokenPrefix: string };

/**
 * Swaps each readable photo line for `<prefix><n>z`, a plain word that parses as a paragraph of its own. The
 * prefix is lengthened until the body does not hold it, so no author's text is ever taken for a token. Lines
 * that cannot be read stay as they are and render as the text they are.
 */
export function markBodyPhotos(markdown: string): MarkedBodyPhotos {
  let tokenPrefix = "copydeskbodyphoto";
  if (!markdown.includes("::photo")) return { markdown, photos: [], tokenPrefix };
  const found = findBodyPhotoLines(markdown);
  const photos: BodyPhoto[] = [];
  while (markdown.includes(tokenPrefix)) tokenPrefix += "x";
  let marked = "";
  let from = 0;
  for (const line of found) {
    if (isBodyPhotoProblem(line.read)) continue;
    marked += `${markdown.slice(from, line.offset)}${tokenPrefix}${photos.length}z`;
    from = line.offset + line.line.length;
    photos.push(line.read);
  }
  if (photos.length === 0) return { markdown, photos, tokenPrefix };
  return { markdown: marked + markdown.slice(from), photos, tokenPrefix };
}

/**
 * Puts a placeholder where each token paragraph landed. A photo line stands alone at the left margin between
 * blank lines, so its token is always a top-level paragraph (or part of a raw HTML block, which is dropped).
 * Builds a new list; the nodes themselves are shared with the block memo and left untouched.
 */
export function placeBodyPhotos(nodes: readonly RootContent[], marked: MarkedBodyPhotos): RootContent[] {
  if (marked.photos.length === 0) return [...nodes];
  const token = new RegExp(`^${marked.tokenPrefix}(\\d+)z$`);
  return nodes.map((node) => {
    if (node.type !== "element" || node.tagName !== "p" || node.children.length !== 1) return node;
    const [only] = node.children;
    const index = only?.type === "text" ? token.exec(only.value)?.[1] : undefined;
    const photo = index === undefined ? undefined : marked.photos[Number(index)];
    return photo ? bodyPhotoPlaceholder(photo) : node;
  });
}

/** The library photos a body places, each once, in the order they first appear. */
export function bodyPhotoIds(markdown: string): string[] {
  return [...new Set(markBodyPhotos(markdown).photos.map((photo) => photo.photoId))];
}
