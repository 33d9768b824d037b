/**
 * Where in the body a save refusal points, read from its sentence: "… at character 1,051; …" (a character of
 * the Markdown, counted from 1, as lib/validation/text-rules.ts writes it) or "The photo in paragraph 4 …"
 * (blank-line separated blocks, counted from 1, as lib/render/body-photo-line.ts counts them).
 */
export type BodyErrorPlace = { offset: number } | { paragraph: number };

export function bodyErrorPlace(message: string | undefined): BodyErrorPlace | null {
  if (!message) return null;
  const character = /\bat character ([\d,]+)/.exec(message)?.[1];
  if (character) return { offset: Number(character.replace(/,/g, "")) - 1 };
  const paragraph = /\bparagraph ([\d,]+)/i.exec(message)?.[1];
  if (paragraph) return { paragraph: Number(paragraph.replace(/,/g, "")) };
  return null;
}

/** The range of the Markdown text a place covers: one character, or the whole block. */
export function markdownRangeOf(
  markdown: string,
  place: BodyErrorPlace,
): { from: number; to: number } | null {
  if ("offset" in place) {
    if (place.offset < 0 || place.offset > markdown.length) return null;
    return { from: place.offset, to: Math.min(place.offset + 1, markdown.length) };
  }
  let count = 0;
  let previousBlank = true;
  let offset = 0;
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const blank = line.trim() === "";
    if (!blank && previousBlank) {
      count += 1;
      if (count === place.paragraph) {
        let end = offset + line.length;
        for (let next = index + 1; next < lines.length && (lines[next] ?? "").trim() !== ""; next += 1)
          end += (lines[next] ?? "").length + 1;
        return { from: offset, to: end };
      }
    }
    previousBlank = blank;
    offset += line.length + 1;
  }
  return null;
}
