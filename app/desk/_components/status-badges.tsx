import type { StoryStatus } from "@/lib/db/generated/enums";

const labels: Record<StoryStatus, string> = {
  draft: "Draft",
  published: "Published",
  unpublished: "Unpublished",
  withdrawn: "Withdrawn",
};

/** A story's status, and its developing flag, as badges that read as words (never colour alone). */
export function StatusBadges({ status, developing }: { status: StoryStatus; developing: boolean }) {
  return (
    <span className="desk-badges">
      <span className={`desk-badge desk-badge-${status}`}>{labels[status]}</span>
      {developing ? <span className="desk-badge desk-badge-developing">Developing</span> : null}
    </span>
  );
}
