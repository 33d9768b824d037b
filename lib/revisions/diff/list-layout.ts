/*
 * Shared layout for compared lists (images, credits): given which old entry each new entry matched,
 * report additions, removals (placed where they used to be) and kept entries, flagging as moved only
 * those outside the longest run that kept its order, so one dragged image is "moved", not all of them.
 */

export type ListSlot =
  | { status: "added"; toIndex: number }
  | { status: "removed"; fromIndex: number }
  | { status: "kept"; fromIndex: number; toIndex: number; moved: boolean };

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (const [index, value] of values.entries()) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] as number] as number) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  }
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] as number) kept.add(index);
  return kept;
}

export function layoutList(options: {
  fromLength: number;
  toLength: number;
  matchOf: ReadonlyMap<number, number>;
}): ListSlot[] {
  const { fromLength, toLength, matchOf } = options;
  const keptTo = [...matchOf.keys()].sort((x, y) => x - y);
  const inOrder = longestIncreasing(keptTo.map((to) => matchOf.get(to) as number));
  const moved = new Set(keptTo.filter((_, position) => !inOrder.has(position)));
  const matchedFrom = new Set(matchOf.values());
  const slots: ListSlot[] = [];
  let nextRemoved = 0;
  const flushRemoved = (limit: number) => {
    for (; nextRemoved < Math.min(limit, fromLength); nextRemoved += 1) {
      if (!matchedFrom.has(nextRemoved)) slots.push({ status: "removed", fromIndex: nextRemoved });
    }
  };
  for (let toIndex = 0; toIndex < toLength; toIndex += 1) {
    const fromIndex = matchOf.get(toIndex);
    if (fromIndex === undefined) {
      slots.push({ status: "added", toIndex });
      continue;
    }
    if (!moved.has(toIndex)) flushRemoved(fromIndex);
    slots.push({ status: "kept", fromIndex, toIndex, moved: moved.has(toIndex) });
  }
  flushRemoved(fromLength);
  return slots;
}

/**
 * Matches entries of two lists by key, in order of appearance (the first old with the first new of a key).
 */
export function matchByKey<T>(options: {
  from: readonly T[];
  to: readonly T[];
  keyOf: (entry: T) => string;
  matchOf?: Map<number, number>;
}): Map<number, number> {
  const { from, to, keyOf } = options;
  const matchOf = options.matchOf ?? new Map<number, number>();
  const taken = new Set(matchOf.values());
  const waiting = new Map<string, number[]>();
  for (const [index, entry] of from.entries()) {
    if (taken.has(index)) continue;
    const key = keyOf(entry);
    waiting.set(key, [...(waiting.get(key) ?? []), index]);
  }
  for (const [index, entry] of to.entries()) {
    if (matchOf.has(index)) continue;
    const fromIndex = waiting.get(keyOf(entry))?.shift();
    if (fromIndex !== undefined) matchOf.set(index, fromIndex);
  }
  return matchOf;
}
