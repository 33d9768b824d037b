import type { RevisionCredit } from "@/lib/revisions/revision-content";

import type { CreditDiff, CreditsDiff } from "./content-diff-types";
import { layoutList, matchByKey } from "./list-layout";

/**
 * Credits matched by contributor and role first, then by contributor alone, so a reporter moved from
 * "contributed reporting" to the byline reads as a role change rather than a removal plus an addition.
 */
export function diffCredits(options: {
  from: readonly RevisionCredit[];
  to: readonly RevisionCredit[];
}): CreditsDiff {
  const { from, to } = options;
  const exact = matchByKey({ from, to, keyOf: (credit) => `${credit.contributorId}\u0000${credit.role}` });
  const matchOf = matchByKey({ from, to, keyOf: (credit) => credit.contributorId, matchOf: exact });
  const entries = layoutList({ fromLength: from.length, toLength: to.length, matchOf }).map(
    (slot): CreditDiff => {
      if (slot.status === "added")
        return { status: "added", toIndex: slot.toIndex, credit: to[slot.toIndex] as RevisionCredit };
      if (slot.status === "removed")
        return {
          status: "removed",
          fromIndex: slot.fromIndex,
          credit: from[slot.fromIndex] as RevisionCredit,
        };
      const before = from[slot.fromIndex] as RevisionCredit;
      const after = to[slot.toIndex] as RevisionCredit;
      const role = { changed: before.role !== after.role, from: before.role, to: after.role };
      const location = {
        changed: before.location !== after.location,
        from: before.location,
        to: after.location,
      };
      return {
        status: "kept",
        contributorId: after.contributorId,
        name: after.name,
        fromIndex: slot.fromIndex,
        toIndex: slot.toIndex,
        moved: slot.moved,
        changed: role.changed || location.changed || before.name !== after.name,
        role,
        location,
      };
    },
  );
  const reordered = entries.some((entry) => entry.status === "kept" && entry.moved);
  const changed = entries.some((entry) => entry.status !== "kept" || entry.changed || entry.moved);
  return { changed, reordered, entries };
}
