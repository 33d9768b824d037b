import type { RevisionSummaryDto } from "@/lib/revisions/revision-dto";

/** What the desk's save, publish and restore actions answer on success. */
export type SavedRevision = {
  slug: string;
  number: number;
  published: boolean;
  outcome: "created" | "unchanged";
};

/** The success's result: the revision the story is at now, and whether readers see it. */
export function savedRevision(options: {
  slug: string;
  revision: RevisionSummaryDto;
  outcome: "created" | "unchanged";
}): SavedRevision {
  const { slug, revision, outcome } = options;
  return { slug, number: revision.number, published: revision.published, outcome };
}

export function savedMessage(options: {
  revision: RevisionSummaryDto;
  outcome: "created" | "unchanged";
  canPublish: boolean;
  askedToPublish?: boolean;
  readers?: "changed" | "unchanged";
}): string {
  const { revision, outcome, canPublish } = options;
  if (options.askedToPublish && options.readers === "unchanged") {
    const kept = outcome === "created" ? ` Your text is kept as draft revision ${revision.number}.` : "";
    return `Nothing was published: readers would see no difference from what they have now, so “Updated” stays as it is.${kept}`;
  }
  if (outcome === "unchanged") return `Nothing new to save: this is already revision ${revision.number}.`;
  if (revision.published) return `Published revision ${revision.number}. Readers see it now.`;
  // Saving tells nobody: a contributor asks for review on purpose (lib/reviews).
  if (!canPublish) return `Draft saved as revision ${revision.number}. Ask for review when it is ready.`;
  return `Draft saved as revision ${revision.number}.`;
}
