import type { RevisionContent, RevisionCredit, StoryImage } from "@/lib/revisions/revision-content";

import { bodyText, mergeBody } from "./body-merge";
import type { ContentMerge, MergeConflict } from "./content-merge-types";
import { mergeKeyedList, settleSlots } from "./keyed-list-merge";

type Scalar = string | boolean;

/**
 * One side's change wins when the other left the value alone; identical changes agree; anything else needs a
 * human.
 */
function mergeScalar<T extends Scalar>(base: T, ours: T, theirs: T): { value: T } | null {
  if (ours === theirs || ours === base) return { value: theirs };
  if (theirs === base) return { value: ours };
  return null;
}

/** Photos are keyed by photo id (the picture is the identity), older images by URL. */
export const imageKey = (image: StoryImage) => (image.photoId ? `photo:${image.photoId}` : image.url);
export const creditKey = (credit: RevisionCredit) => `${credit.contributorId}:${credit.role}`;

const sameImage = (a: StoryImage, b: StoryImage) =>
  imageKey(a) === imageKey(b) && a.alt === b.alt && a.caption === b.caption && a.credit === b.credit;
const sameCredit = (a: RevisionCredit, b: RevisionCredit) =>
  a.contributorId === b.contributorId && a.role === b.role && a.location === b.location && a.name === b.name;

/**
 * Three-way merge of a stale save (ours, based on `base`) with the newest saved revision (theirs).
 * Every conflict is listed with all three versions and provisionally settled to theirs in `merged`,
 * so nothing the newest revision says is lost while the editor decides.
 */
export function mergeContent(options: {
  base: RevisionContent;
  ours: RevisionContent;
  theirs: RevisionContent;
}): ContentMerge {
  const { base, ours, theirs } = options;
  const conflicts: MergeConflict[] = [];

  const text = (field: "headline" | "dek" | "byline"): string => {
    const settled = mergeScalar(base[field], ours[field], theirs[field]);
    if (settled) return settled.value;
    conflicts.push({ id: field, field, base: base[field], ours: ours[field], theirs: theirs[field] });
    return theirs[field];
  };
  const headline = text("headline");
  const dek = text("dek");
  const byline = text("byline");

  const developingMerge = mergeScalar(base.developing, ours.developing, theirs.developing);
  if (!developingMerge) {
    conflicts.push({
      id: "developing",
      field: "developing",
      base: base.developing,
      ours: ours.developing,
      theirs: theirs.developing,
    });
  }

  const { chunks: body, reason } = mergeBody({
    base: base.body,
    ours: ours.body,
    theirs: theirs.body,
    conflictId: (index) => `body-${index}`,
  });
  for (const chunk of body) {
    if (chunk.kind === "conflict")
      conflicts.push({
        id: chunk.id,
        field: "body",
        base: chunk.base,
        ours: chunk.ours,
        theirs: chunk.theirs,
      });
  }

  const images = mergeKeyedList({
    base: base.images,
    ours: ours.images,
    theirs: theirs.images,
    keyOf: imageKey,
    same: sameImage,
    conflictId: (index) => `image-${index}`,
  });
  conflicts.push(...images.conflicts.map((conflict) => ({ ...conflict, field: "images" as const })));
  const credits = mergeKeyedList({
    base: base.credits,
    ours: ours.credits,
    theirs: theirs.credits,
    keyOf: creditKey,
    same: sameCredit,
    conflictId: (index) => `credit-${index}`,
  });
  conflicts.push(...credits.conflicts.map((conflict) => ({ ...conflict, field: "credits" as const })));

  const theirsOf =
    <T>(list: ReadonlyArray<{ id: string; theirs: T | null }>) =>
    (id: string) =>
      list.find((conflict) => conflict.id === id)?.theirs ?? null;

  return {
    clean: conflicts.length === 0,
    merged: {
      headline,
      dek,
      byline,
      developing: developingMerge ? developingMerge.value : theirs.developing,
      body: bodyText({ chunks: body, settle: (chunk) => chunk.theirs }),
      images: settleSlots({ slots: images.slots, pick: theirsOf(images.conflicts) }),
      credits: settleSlots({ slots: credits.slots, pick: theirsOf(credits.conflicts) }),
    },
    body,
    images: images.slots,
    credits: credits.slots,
    conflicts,
    reason,
  };
}
