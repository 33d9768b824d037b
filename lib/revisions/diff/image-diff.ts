import { imageKey } from "@/lib/revisions/merge/merge-content";
import type { StoryImage } from "@/lib/revisions/revision-content";

import type { ImageDiff, ImagesDiff } from "./content-diff-types";
import type { DiffBudget } from "./diff-budget";
import { layoutList, matchByKey } from "./list-layout";
import { diffTextField } from "./word-diff";

/**
 * Images matched by photo id (older ones by URL): the picture is the identity; its alt text, caption and
 * credit are what editors revise.
 */
export function diffImages(options: {
  from: readonly StoryImage[];
  to: readonly StoryImage[];
  budget: DiffBudget;
}): ImagesDiff {
  const { from, to, budget } = options;
  const matchOf = matchByKey({ from, to, keyOf: imageKey });
  const entries = layoutList({ fromLength: from.length, toLength: to.length, matchOf }).map(
    (slot): ImageDiff => {
      if (slot.status === "added")
        return { status: "added", toIndex: slot.toIndex, image: to[slot.toIndex] as StoryImage };
      if (slot.status === "removed")
        return { status: "removed", fromIndex: slot.fromIndex, image: from[slot.fromIndex] as StoryImage };
      const before = from[slot.fromIndex] as StoryImage;
      const after = to[slot.toIndex] as StoryImage;
      const alt = diffTextField({ from: before.alt, to: after.alt, budget, label: "image alt text" });
      const caption = diffTextField({
        from: before.caption,
        to: after.caption,
        budget,
        label: "image caption",
      });
      const credit = diffTextField({ from: before.credit, to: after.credit, budget, label: "image credit" });
      return {
        status: "kept",
        url: after.url,
        ...(after.photoId ? { photoId: after.photoId } : {}),
        fromIndex: slot.fromIndex,
        toIndex: slot.toIndex,
        moved: slot.moved,
        changed: alt.changed || caption.changed || credit.changed,
        alt,
        caption,
        credit,
      };
    },
  );
  const reordered = entries.some((entry) => entry.status === "kept" && entry.moved);
  const changed = entries.some((entry) => entry.status !== "kept" || entry.changed || entry.moved);
  return { changed, reordered, entries };
}
