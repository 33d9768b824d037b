import { Fragment, Slice, type Mark, type Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";

/*
 * Characters on the clipboard that must not reach a story body, and plain-text pastes.
 *
 * The body's save check refuses C0 control characters (lib/validation/text-rules): a reporter who pasted
 * from Word was told "invisible control character (U+000B) at character 51" and had to hunt for it. U+000B
 * is Word's soft line break (Shift+Enter), so it becomes a line break; the others mean nothing in prose and
 * are removed. Tab and line feed stay (whitespace); U+FFFE/U+FFFF go with the control characters because the
 * same check refuses them.
 */

export const softLineBreak = "\u000B";
const unwantedCharacters = /[\u0000-\u0008\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text without the control characters a body cannot hold; U+000B (a line break) is left for the caller. */
export function withoutControlCharacters(text: string): string {
  return text.replace(unwantedCharacters, "");
}

/**
 * Word and web pages fill text with no-break spaces: runs of them for spacing, one alone in an empty
 * paragraph. Those become ordinary spaces. One standing between two visible characters ("10 km",
 * "Mr. Smith") was put there on purpose, and stays.
 */
export function withPlainSpaces(text: string): string {
  return text.replace(/\u00A0/g, (space, index: number, whole: string) =>
    /\S/.test(whole[index - 1] ?? "") && /\S/.test(whole[index + 1] ?? "") ? space : " ",
  );
}

function lineContent(line: string, schema: Schema, marks: readonly Mark[]): ProseMirrorNode[] {
  const content: ProseMirrorNode[] = [];
  const lineBreak = schema.linebreakReplacement;
  line.split(softLineBreak).forEach((part, index) => {
    if (index > 0) {
      if (lineBreak) content.push(lineBreak.create());
      else if (part) content.push(schema.text(" ", marks));
    }
    const text = part.replace(/[ \t]+/g, " ");
    if (text) content.push(schema.text(text, marks));
  });
  return content;
}

/**
 * Plain text from the clipboard as the editor's paragraphs, for ProseMirror's `clipboardTextParser`.
 *
 * Many programs put one line break between paragraphs, so every line is a paragraph (the textarea this
 * editor replaced showed such lines apart but stored them as one run-on paragraph); blank lines add nothing.
 * U+000B is a line break inside its paragraph. The text is never read as Markdown or HTML: `**x**` and
 * `<script>` arrive as those characters. The slice is open at both ends, so the first and last lines join
 * the paragraph the cursor is in, as typing them would.
 */
export function plainTextToParagraphs(text: string, schema: Schema, marks: readonly Mark[] = []): Slice {
  const paragraph = schema.topNodeType.contentMatch.defaultType ?? schema.nodes.paragraph;
  if (!paragraph) return Slice.empty;
  const paragraphs = withoutControlCharacters(text)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.replaceAll(softLineBreak, "").trim() !== "")
    .map((line) => paragraph.create(null, lineContent(line, schema, marks)));
  if (paragraphs.length === 0) return Slice.empty;
  return Slice.maxOpen(Fragment.from(paragraphs));
}
