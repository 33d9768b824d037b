import type { Element, ElementContent } from "hast";
import { h } from "hastscript";

import {
  bodyOpHasPhoto,
  comparePhotos,
  compareShortText,
  paragraphPhoto,
  sideText,
} from "@/lib/revisions/diff/body-photo-paragraphs";
import type {
  BodyOp,
  PublicContentDiff,
  TextFieldDiff,
  WordOp,
} from "@/lib/revisions/diff/content-diff-types";

import { readerPhotoText } from "./reader-photo-text";

/*
 * The reader-facing "what changed" view of a public diff. Insertions are <ins> (underlined) and deletions
 * <del> (struck through), so the change reads without colour; every word is a text node. A photo placed in the
 * body reads as "Photo: <caption> (<credit>)", never as its ::photo line.
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

/** A paragraph as readers read it: a photo line in words, any other paragraph as its text. */
function readable(text: string): string {
  const photo = paragraphPhoto(text);
  return photo ? readerPhotoText(photo) : text;
}

/**
 * An older paragraph against a newer one where either is a photo line, in readers' words. A different photo
 * says "Photo replaced" even when its words are the same, and a new image description (the line shows the
 * caption when there is one) gets a line of its own, so no change is hidden by the wording.
 */
function photoPair(fromText: string, toText: string): ElementContent[] {
  const [from, to] = [paragraphPhoto(fromText), paragraphPhoto(toText)];
  if (!from || !to)
    return [
      ...(fromText ? [h("p", [h("del", readable(fromText))])] : []),
      ...(toText ? [h("p", [h("ins", readable(toText))])] : []),
    ];
  const edit = comparePhotos(from, to);
  const line = compareShortText(readerPhotoText(from), readerPhotoText(to));
  const altInLine = !from.caption.trim() && !to.caption.trim();
  return [
    ...(edit.replaced ? [h("p.reader-diff-gap", "Photo replaced:")] : []),
    h("p", words(line.ops)),
    ...(edit.alt.changed && !altInLine ? [h("p", ["Image description: ", ...words(edit.alt.ops)])] : []),
  ];
}

/**
 * A part of a split or joined paragraph (`text` is its newer side in a split, its older in a join): a photo
 * line in readers' words, any other part word by word.
 */
function piece(part: { text: string; words: WordOp[] }, textSide: "from" | "to"): ElementContent[] {
  const other = sideText(part.words, textSide === "from" ? "to" : "from");
  const [fromText, toText] = textSide === "from" ? [part.text, other] : [other, part.text];
  return paragraphPhoto(fromText) || paragraphPhoto(toText)
    ? photoPair(fromText, toText)
    : [h("p", words(part.words))];
}

function bodyOp(op: BodyOp): ElementContent[] {
  switch (op.kind) {
    case "unchanged":
      return [
        h("p.reader-diff-gap", op.count === 1 ? "1 unchanged paragraph" : `${op.count} unchanged paragraphs`),
      ];
    case "changed":
      return paragraphPhoto(op.from) || paragraphPhoto(op.to)
        ? photoPair(op.from, op.to)
        : [h("p", words(op.words))];
    case "inserted":
      return [h("p", [h("ins", readable(op.text))])];
    case "deleted":
      return [h("p", [h("del", readable(op.text))])];
    case "moved": {
      const before = sideText(op.words, "from");
      const photo = paragraphPhoto(op.text) ?? paragraphPhoto(before);
      return [
        h("p.reader-diff-gap", photo ? "Moved photo:" : "Moved paragraph:"),
        ...(op.identical
          ? [h("p", [readable(op.text)])]
          : photo
            ? photoPair(before, op.text)
            : [h("p", words(op.words))]),
      ];
    }
    case "moved-away":
      return [];
    case "split":
      return [
        h("p.reader-diff-gap", "Paragraph split in two:"),
        ...op.pieces.flatMap((part) => piece(part, "to")),
      ];
    case "merged":
      return [
        h("p.reader-diff-gap", "Paragraphs joined:"),
        // A photo line joined into text is gone from the page: it reads as removed, the rest as joined.
        ...(bodyOpHasPhoto(op)
          ? op.sources.flatMap((source) => piece(source, "from"))
          : [
              h(
                "p",
                op.sources.flatMap((source) => words(source.words)),
              ),
            ]),
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
