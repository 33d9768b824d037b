import type { RevisionKind } from "@/lib/db/generated/enums";
import { findBodyPhotoLines, isBodyPhotoProblem } from "@/lib/render/body-photo-line";
import { hasVisibleText } from "@/lib/validation/text-rules";

import { isNoteKind } from "./publication-plan";

/*
 * What a revision must carry before it is saved or reaches readers, written once: the server refuses with
 * these rules (SaveRevisionInput, planStoryPublication, assertPhotosUsable) and the desk's confirmation names
 * the same missing items before it offers "Publish now". Pure, so the browser can run it.
 */

/** One thing still missing, at its place in the form (`path` as the server reports field errors). */
export type MissingItem = { path: string; message: string };

/** Each kind with its article, as a sentence names it ("an update", "an editor's note"). */
const kindNouns: Record<RevisionKind, string> = {
  initial: "a first publication",
  update: "an update",
  correction: "a correction",
  clarification: "a clarification",
  editors_note: "an editor’s note",
  minor: "a minor fix",
  restore: "a restored version",
};

export function kindWithArticle(kind: RevisionKind): string {
  return kindNouns[kind];
}

/** A correction, clarification or editor's note carries its note for readers. */
export function missingPublicNote(options: { kind: RevisionKind; note: string }): MissingItem | null {
  if (!isNoteKind(options.kind) || hasVisibleText(options.note)) return null;
  return { path: "note", message: `${kindWithArticle(options.kind)} needs a public note for readers` };
}

/**
 * Every revision saved as anything but a minor fix says what changed, and carries its public note if its kind
 * needs one.
 */
export function missingRevisionWords(options: {
  kind: RevisionKind;
  summary: string;
  note: string;
}): MissingItem[] {
  const note = missingPublicNote(options);
  return [
    ...(options.kind !== "minor" && !hasVisibleText(options.summary)
      ? [{ path: "summary", message: "say briefly what changed (required unless the change is minor)" }]
      : []),
    ...(note ? [note] : []),
  ];
}

/**
 * A publication readers are told about (its kind, settled with every pending draft, is material) needs the
 * public summary they read in the change log; a first publication and a minor fix are not listed there.
 */
export function missingPublicSummary(options: {
  publishedKind: RevisionKind;
  summary: string | null;
}): MissingItem | null {
  const { publishedKind } = options;
  if (publishedKind === "minor" || publishedKind === "initial" || hasVisibleText(options.summary ?? ""))
    return null;
  return {
    path: "summary",
    message: `this goes out as ${kindWithArticle(publishedKind)}, so readers see this summary in the change log; say briefly what changed`,
  };
}

/** Every picture readers get needs alt text (a caption describes the news, not the picture). */
export function imagesMissingAlt(images: readonly { alt: string }[]): MissingItem[] {
  return images.flatMap((image, index) =>
    image.alt.trim() === ""
      ? [{ path: `images.${index}.alt`, message: "alt text is required before publishing" }]
      : [],
  );
}

/**
 * A photo placed in the body (a photo line) needs alt text as much as a listed one; it is named by its
 * paragraph, on the body field.
 */
export function bodyPhotosMissingAlt(body: string): MissingItem[] {
  if (!body.includes("::photo")) return [];
  return findBodyPhotoLines(body).flatMap((line) =>
    !isBodyPhotoProblem(line.read) && line.read.alt.trim() === ""
      ? [
          {
            path: "body",
            message: `the photo in paragraph ${line.paragraph} needs alt text before publishing`,
          },
        ]
      : [],
  );
}
