import type { RevisionKind } from "@/lib/db/generated/enums";

export const revisionKindLabels: Record<RevisionKind, string> = {
  initial: "First version",
  update: "Update",
  correction: "Correction",
  clarification: "Clarification",
  editors_note: "Editor's note",
  minor: "Minor fix",
  restore: "Restore",
};

export function RevisionKindBadge({ kind }: { kind: RevisionKind }) {
  return <span className={`desk-badge desk-badge-kind desk-badge-${kind}`}>{revisionKindLabels[kind]}</span>;
}
