import type { MergeListSlot } from "./content-merge-types";

/*
 * Three-way merge of a list whose entries have an identity (images by URL, credits by contributor and
 * role). Additions from both sides are kept; a removal applies when the other side left the entry as it
 * was; two different changes to one entry become a conflict. Order follows theirs (the newest saved
 * revision) unless only ours reordered, with the other side's additions woven in after their neighbour.
 */

export type ListConflict<T> = { id: string; key: string; base: T | null; ours: T | null; theirs: T | null };

type Keyed<T> = { key: string; value: T };

/** Keys made unique by occurrence, so a list with a repeated URL still merges entry by entry. */
function keyed<T>(list: readonly T[], keyOf: (entry: T) => string): Keyed<T>[] {
  const seen = new Map<string, number>();
  return list.map((value) => {
    const key = keyOf(value);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return { key: count === 1 ? key : `${key}#${count}`, value };
  });
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/**
 * `spine` with every key of `other` that the spine lacks inserted after its nearest predecessor in `other`.
 */
function weave(spine: readonly string[], other: readonly string[]): string[] {
  const result = [...spine];
  const present = new Set(spine);
  let anchor = -1;
  for (const key of other) {
    if (present.has(key)) {
      anchor = result.indexOf(key);
      continue;
    }
    result.splice(anchor + 1, 0, key);
    present.add(key);
    anchor += 1;
  }
  return result;
}

export function mergeKeyedList<T>(options: {
  base: readonly T[];
  ours: readonly T[];
  theirs: readonly T[];
  keyOf: (entry: T) => string;
  same: (a: T, b: T) => boolean;
  conflictId: (index: number) => string;
}): { slots: MergeListSlot<T>[]; conflicts: ListConflict<T>[] } {
  const { keyOf, same, conflictId } = options;
  const [base, ours, theirs] = [
    keyed(options.base, keyOf),
    keyed(options.ours, keyOf),
    keyed(options.theirs, keyOf),
  ];
  const maps = [base, ours, theirs].map((list) => new Map(list.map((entry) => [entry.key, entry.value])));
  const [baseMap, oursMap, theirsMap] = maps as [Map<string, T>, Map<string, T>, Map<string, T>];

  const keysOf = (list: readonly Keyed<T>[]) => list.map((entry) => entry.key);
  // The entries all three sides share, in each side's order: who reordered them?
  const shared = (list: readonly Keyed<T>[]) =>
    keysOf(list).filter((key) => baseMap.has(key) && oursMap.has(key) && theirsMap.has(key));
  const onlyOursReordered = sameOrder(shared(theirs), shared(base)) && !sameOrder(shared(ours), shared(base));
  const order = onlyOursReordered ? weave(keysOf(ours), keysOf(theirs)) : weave(keysOf(theirs), keysOf(ours));

  const slots: MergeListSlot<T>[] = [];
  const conflicts: ListConflict<T>[] = [];
  for (const key of order) {
    const [was, mine, other] = [baseMap.get(key), oursMap.get(key), theirsMap.get(key)];
    let settled: { value: T | undefined } | null;
    if (mine === undefined && other === undefined) settled = { value: undefined };
    else if (mine === undefined)
      settled =
        was === undefined
          ? { value: other }
          : other !== undefined && same(other, was)
            ? { value: undefined }
            : null;
    else if (other === undefined)
      settled = was === undefined ? { value: mine } : same(mine, was) ? { value: undefined } : null;
    else if (same(mine, other) || (was !== undefined && same(mine, was))) settled = { value: other };
    else if (was !== undefined && same(other, was)) settled = { value: mine };
    else settled = null;

    if (settled) {
      if (settled.value !== undefined) slots.push({ kind: "resolved", value: settled.value });
      continue;
    }
    const id = conflictId(conflicts.length + 1);
    conflicts.push({ id, key, base: was ?? null, ours: mine ?? null, theirs: other ?? null });
    slots.push({ kind: "conflict", id });
  }
  return { slots, conflicts };
}

/** The list once every conflict slot is settled by `pick` (null drops the entry). */
export function settleSlots<T>(options: {
  slots: readonly MergeListSlot<T>[];
  pick: (id: string) => T | null;
}): T[] {
  return options.slots.flatMap((slot) => {
    const value = slot.kind === "resolved" ? slot.value : options.pick(slot.id);
    return value === null ? [] : [value];
  });
}
