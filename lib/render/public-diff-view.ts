import type { Element, ElementContent } from "hast";
import { h } from "hastscript";

import type {
  BodyOp,
  PublicContentDiff,
  TextFieldDiff,
  WordOp,
} from "@/lib/revisions/diff/content-diff-types";

/*
 * The reader-facing "what changed" view of a public diff. Insertions are <ins> (underlined) and deletions
 * <del> (struck through), so the change reads without colour; every word is a text node.
 */

function words(ops: WordOp[]): ElementContent[] {
  return ops.map((op) => {
    if (op.op === "insert") return h("ins", op.text);
    if (op.op === "delete") return h("del", op.text);
    return { type: "text", value: op.text };
  });
}

function field(label: string, content: ElementContent[]): Element {
  return h("div.reader-diff-field", [h("p.reader-diff-label", label), ...content]);
}

function textField(label: string, diff: TextFieldDiff): Element[] {
  if (!diff.changed) return [];
  return [field(label, [h("p", words(diff.ops))])];
}

function bodyOp(op: BodyOp): ElementContent[] {
  switch (op.kind) {
    case "unchanged":
      return [
        h("p.reader-diff-gap", op.count === 1 ? "1 unchanged paragraph" : `${op.count} unchanged paragraphs`),
      ];
    case "changed":
      return [h("p", words(op.words))];
    case "inserted":
      return [h("p", [h("ins", op.text)])];
    case "deleted":
      return [h("p", [h("del", op.text)])];
    case "moved":
      return [h("p.reader-diff-gap", "Moved paragraph:"), h("p", op.identical ? [op.text] : words(op.words))];
    case "moved-away":
      return [];
    case "split":
      return [
        h("p.reader-diff-gap", "Paragraph split in two:"),
        ...op.pieces.map((piece) => h("p", words(piece.words))),
      ];
    case "merged":
      return [
        h("p.reader-diff-gap", "Paragraphs joined:"),
        h(
          "p",
          op.sources.flatMap((source) => words(source.words)),
        ),
      ];
  }
}

export function buildPublicDiffView(options: { diff: PublicContentDiff }): Element {
  const { diff } = options;
  const parts: Element[] = [
    ...textField("Headline", diff.headline),
    ...textField("Summary", diff.dek),
    ...textField("Byline", diff.byline),
  ];
  if (diff.body.changed) parts.push(field("Story", diff.body.ops.flatMap(bodyOp)));
  if (diff.printedNotes?.changed)
    parts.push(
      field(
        "Corrections and notes",
        diff.printedNotes.ops.length > 0 ? [h("p.reader-diff-notes", words(diff.printedNotes.ops))] : [],
      ),
    );
  if (diff.images.changed) {
    const lines = diff.images.entries.flatMap((entry): ElementContent[] => {
      if (entry.status === "added")
        return [h("p", [h("ins", `Photo added: ${entry.image.caption || entry.image.alt}`)])];
      if (entry.status === "removed")
        return [h("p", [h("del", `Photo removed: ${entry.image.caption || entry.image.alt}`)])];
      if (!entry.changed) return [];
      return [
        ...(entry.caption.changed ? [h("p", ["Caption: ", ...words(entry.caption.ops)])] : []),
        ...(entry.credit.changed ? [h("p", ["Photo credit: ", ...words(entry.credit.ops)])] : []),
        ...(entry.alt.changed ? [h("p", ["Image description: ", ...words(entry.alt.ops)])] : []),
      ];
    });
    if (lines.length > 0) parts.push(field("Photos", lines));
  }
  if (diff.credits.changed) {
    const lines = diff.credits.entries.flatMap((entry): ElementContent[] => {
      if (entry.status === "added") return [h("p", [h("ins", `Credit added: ${entry.credit.name}`)])];
      if (entry.status === "removed") return [h("p", [h("del", `Credit removed: ${entry.credit.name}`)])];
      if (!entry.changed) return [];
      return [
        h(
          "p",
          `Credit changed: ${entry.name}${entry.location.changed ? ` (now ${entry.location.to ?? "no place"})` : ""}`,
        ),
      ];
    });
    if (lines.length > 0) parts.push(field("Credits", lines));
  }
  if (parts.length === 0) parts.push(h("p", "No visible change between these versions."));
  if (diff.degraded && diff.reason) parts.push(h("p.reader-diff-gap", diff.reason));
  return h("div.reader-diff", parts);
}
