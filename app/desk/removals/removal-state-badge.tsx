import type { LegalRemovalState } from "@/lib/db/generated/enums";

const stateLabels: Record<LegalRemovalState, string> = {
  pending: "Waiting for approval",
  approved: "Approved, removed",
  withdrawn: "Withdrawn",
  declined: "Declined",
};

export function RemovalStateBadge({ state }: { state: LegalRemovalState }) {
  return <span className={`desk-badge desk-badge-removal-${state}`}>{stateLabels[state]}</span>;
}
