/*
 * A photo placed in the story body is one line of the Markdown, standing alone between blank lines:
 *
 *   ::photo{id="0b6e…" alt="What the picture shows" caption="What is happening" credit="Jane Doe/AP"}
 *
 * It is the leaf form of the generic-directive syntax (the CommonMark directive proposal that remark-directive
 * and Docusaurus read), so other Markdown tools show it as a line of text rather than losing it. Being one
 * line, a placed photo diffs, merges and restores like a paragraph: moving it is a moved paragraph, a new
 * caption is a changed one. Values are double-quoted; `\"` and `\\` are the only escapes, and a value never
 * holds a line break. Pure and synchronous: the editor in the browser, the renderer and the save check all
 * read the line through this one file.
 */

export type BodyPhoto = { photoId: string; alt: string; caption: string; credit: string };

/** What a line that starts like a photo line but cannot be read is refused with, in a reader's words. */
export type BodyPhotoProblem = { problem: string };

const linePrefix = "::photo";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const attribute = /\s*([a-z]+)="((?:[^"\\\n]|\\["\\])*)"/y;
const attributeNames = ["id", "alt", "caption", "credit"] as const;
type AttributeName = (typeof attributeNames)[number];

const isAttributeName = (name: string): name is AttributeName =>
  attributeNames.some((known) => known === name);

const quote = (value: string) => `"${value.replace(/[\\"]/g, (found) => `\\${found}`)}"`;
// A value never spans lines: a line break typed into a caption becomes a space.
const oneLine = (value: string) => value.replace(/\s*[\r\n\u000B\u2028\u2029]+\s*/g, " ");

/** True for any line that means to be a photo line, readable or not (the save check refuses the latter). */
export function looksLikeBodyPhotoLine(line: string): boolean {
  return line.startsWith(linePrefix) && (line.length === linePrefix.length || /[{\s]/.test(line[7] ?? ""));
}

/** The line for a placed photo; attributes always in the same order, empty ones left out (except alt). */
export function formatBodyPhotoLine(photo: BodyPhoto): string {
  const parts = [`id=${quote(photo.photoId)}`, `alt=${quote(oneLine(photo.alt))}`];
  if (photo.caption) parts.push(`caption=${quote(oneLine(photo.caption))}`);
  if (photo.credit) parts.push(`credit=${quote(oneLine(photo.credit))}`);
  return `${linePrefix}{${parts.join(" ")}}`;
}

/**
 * Reads one line: the photo it places, a problem when it looks like a photo line but cannot be read, or null
 * when it is not a photo line at all.
 */
export function parseBodyPhotoLine(line: string): BodyPhoto | BodyPhotoProblem | null {
  if (!looksLikeBodyPhotoLine(line)) return null;
  const open = linePrefix.length;
  if (line[open] !== "{" || !line.endsWith("}"))
    return { problem: 'is not written as ::photo{id="…" alt="…"}' };
  const inner = line.slice(open + 1, -1);
  const values: Partial<Record<AttributeName, string>> = {};
  attribute.lastIndex = 0;
  let at = 0;
  while (at < inner.length) {
    if (inner.slice(at).trim() === "") break;
    attribute.lastIndex = at;
    const found = attribute.exec(inner);
    if (!found) return { problem: `cannot be read from character ${open + 2 + at}` };
    const [, name = "", raw = ""] = found;
    if (!isAttributeName(name)) return { problem: `has an unknown attribute "${name}"` };
    if (values[name] !== undefined) return { problem: `gives "${name}" twice` };
    values[name] = raw.replace(/\\(["\\])/g, "$1");
    at = attribute.lastIndex;
  }
  if (!values.id) return { problem: "names no photo" };
  if (!uuid.test(values.id)) return { problem: `names "${values.id}", which is not a photo id` };
  return {
    photoId: values.id.toLowerCase(),
    alt: values.alt ?? "",
    caption: values.caption ?? "",
    credit: values.credit ?? "",
  };
}

export const isBodyPhotoProblem = (value: BodyPhoto | BodyPhotoProblem | null): value is BodyPhotoProblem =>
  value !== null && "problem" in value;

/** One photo line found in a body: where it is (0-based offset of the line, 1-based paragraph) and what it says. */
export type FoundBodyPhotoLine = {
  offset: number;
  paragraph: number;
  line: string;
  read: BodyPhoto | BodyPhotoProblem;
};

/**
 * Every photo line of a body, in order: lines that stand alone between blank lines (or the body's edges) at
 * the left margin, outside fenced code. Such a line is always a top-level paragraph of its own to the
 * Markdown parser, which is where the renderer draws a photo. `paragraph` counts blank-line separated blocks,
 * as an editor would count paragraphs.
 */
export function findBodyPhotoLines(markdown: string): FoundBodyPhotoLine[] {
  const found: FoundBodyPhotoLine[] = [];
  const lines = markdown.split("\n");
  let offset = 0;
  let fence: string | null = null;
  let paragraph = 0;
  let previousBlank = true;
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? "").replace(/\r$/, "");
    const blank = line.trim() === "";
    if (!blank && previousBlank) paragraph += 1;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    } else if (fenceMark) {
      fence = fenceMark;
    } else if (previousBlank && looksLikeBodyPhotoLine(line)) {
      const next = lines[index + 1];
      if (next === undefined || next.trim() === "") {
        const read = parseBodyPhotoLine(line);
        if (read) found.push({ offset, paragraph, line, read });
      }
    }
    previousBlank = blank;
    offset += (lines[index] ?? "").length + 1;
  }
  return found;
}
