import { readerPhotoText } from "@/lib/render/reader-photo-text";
import { paragraphPhoto } from "@/lib/revisions/diff/body-photo-paragraphs";
import type { PublicContentDiff } from "@/lib/revisions/diff/content-diff-types";

const longest = 160;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > longest ? `${flat.slice(0, longest - 1)}…` : flat;
}

/**
 * A scheduled revision's changes in a few plain sentences, so a publisher told "a schedule is waiting" also
 * reads what it would put in front of readers: changed short fields with their new text, then the body's
 * added and rewritten paragraphs (the first few) and a count of the rest.
 */
export function scheduledChangeLines(
  diff: PublicContentDiff,
  options: { paragraphs?: number } = {},
): string[] {
  const lines: string[] = [];
  for (const [label, field] of [
    ["Headline", diff.headline],
    ["Dek", diff.dek],
    ["Byline", diff.byline],
  ] as const) {
    if (field.changed) lines.push(field.to ? `${label}: “${clip(field.to)}”` : `${label} removed`);
  }
  const added: string[] = [];
  let removed = 0;
  for (const op of diff.body.ops) {
    if (op.kind === "inserted") added.push(op.text);
    else if (op.kind === "changed") added.push(op.to);
    else if (op.kind === "split") added.push(...op.pieces.map((piece) => piece.text));
    else if (op.kind === "merged") added.push(op.to);
    else if (op.kind === "deleted") removed += 1;
  }
  const shown = options.paragraphs ?? 3;
  for (const text of added.slice(0, shown)) {
    const photo = paragraphPhoto(text);
    lines.push(photo ? clip(readerPhotoText(photo)) : `Paragraph: “${clip(text)}”`);
  }
  if (added.length > shown)
    lines.push(
      `${added.length - shown} more paragraph${added.length - shown === 1 ? "" : "s"} added or rewritten`,
    );
  if (removed > 0) lines.push(`${removed} paragraph${removed === 1 ? "" : "s"} removed`);
  if (diff.images.changed) lines.push("Photos changed");
  if (diff.credits.changed) lines.push("Credits changed");
  if (lines.length === 0) lines.push("No change readers would see");
  return lines;
}
