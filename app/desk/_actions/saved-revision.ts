import type { RevisionSummaryDto } from "@/lib/revisions/revision-dto";

/** What the desk's save, publish and restore actions answer on success. */
export type SavedRevision = { slug: string; number: number; published: boolean; outcome: "created" | "unchanged" };

export function savedMessage(options: { revision: RevisionSummaryDto; outcome: "created" | "unchanged"; canPublish: boolean; askedToPublish?: boolean }): string {
  const { revision, outcome, canPublish } = options;
  if (outcome === "unchanged" && options.askedToPublish && revision.published) return "Nothing to publish: readers already see this version.";
  if (outcome === "unchanged") return `Nothing new to save: this is already revision ${revision.number}.`;
  if (revision.published) return `Published revision ${revision.number}. Readers see it now.`;
  if (!canPublish) return `Submitted for review as revision ${revision.number}.`;
  return `Draft saved as revision ${revision.number}.`;
}
