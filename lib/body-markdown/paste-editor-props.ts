import type { EditorProps } from "@tiptap/pm/view";

import { cleanPastedHtml } from "@/lib/body-markdown/clean-paste";
import { plainTextToParagraphs, withoutControlCharacters } from "@/lib/body-markdown/paste-text";

/*
 * The body editor's paste handling, as ProseMirror props (app/desk/_components/body-editor takes them).
 *
 * HTML copied out of a ProseMirror editor (this one included: a paragraph moved within a story, a photo
 * copied to another story) carries `data-pm-slice` and only this editor's own elements; it is left as it is,
 * so photos and Markdown blocks survive and ProseMirror can place the slice where it came from. The body
 * schema is its filter: it keeps only known nodes, and a link only with an address readers may follow.
 * Everything else (Docs, Word, web pages) is cleaned first.
 */

/** Clipboard HTML as the body editor reads it: cleaned, unless it is ProseMirror's own. */
export function transformPastedHtml(html: string): string {
  if (/\sdata-pm-slice=/.test(html)) return withoutControlCharacters(html).replaceAll("\u000B", " ");
  return cleanPastedHtml(html);
}

export const bodyPasteProps: Pick<EditorProps, "transformPastedHTML" | "clipboardTextParser"> = {
  transformPastedHTML: (html) => transformPastedHtml(html),
  // Marks at the cursor carry on, as when typing: text pasted into a bold phrase is bold.
  clipboardTextParser: (text, $context, _plain, view) =>
    plainTextToParagraphs(text, view.state.schema, $context.marks()),
};
