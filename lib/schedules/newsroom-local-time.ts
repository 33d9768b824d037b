import { formatNewsroomTime, wallClock } from "@/lib/editorial/newsroom-time";

/**
 * Turning a wall-clock time typed in the newsroom's zone into UTC instants. The zone's offsets come from
 * Intl (the platform's tz database), never from arithmetic of ours: we try each offset the zone uses around
 * that day and keep the instants that read back as the time typed. None means the time falls in the
 * spring-forward gap; two means the fall-back hour, which happens twice.
 */
export type LocalTime = { year: number; month: number; day: number; hour: number; minute: number };

/** The wall clock of `instant` in `zone`, read as if it were UTC: the difference is the zone's offset. */
function wallAsUtc(instant: number, zone: string): number {
  const clock = wallClock({ instant: new Date(instant), zone });
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function offsetAt(instant: number, zone: string): number {
  return wallAsUtc(instant, zone) - instant;
}

/** "2026-03-08T02:30" → its fields, or null when it is not a real calendar date and time. */
export function parseLocalTime(text: string): LocalTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  )
    return null;
  return { year, month, day, hour, minute };
}

/** Every instant whose wall clock in `zone` is `local`, earliest first: zero (gap), one, or two (fold). */
export function instantsOfLocalTime(options: { local: LocalTime; zone: string }): Date[] {
  const { local, zone } = options;
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Every offset in force within a day either side covers any single transition.
  const offsets = new Set([
    offsetAt(wall - 86_400_000, zone),
    offsetAt(wall, zone),
    offsetAt(wall + 86_400_000, zone),
  ]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset;
    if (wallAsUtc(instant, zone) === wall) found.add(instant);
  }
  return [...found].sort((a, b) => a - b).map((instant) => new Date(instant));
}

/**
 * The valid times either side of a spring-forward gap that `local` falls into: the last minute before the
 * clocks jump and the first minute after, as instants with their newsroom labels.
 */
export function gapChoices(options: { local: LocalTime; zone: string }): { before: Date; after: Date } {
  const { local, zone } = options;
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const earlier = offsetAt(wall - 86_400_000, zone);
  // The jump lies within a day before `wall` read with the earlier offset: find it by halving, to the minute.
  let low = wall - earlier - 86_400_000;
  let high = wall - earlier;
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (offsetAt(middle, zone) === earlier) low = middle;
    else high = middle;
  }
  return { before: new Date(high - 60_000), after: new Date(high) };
}

export function labelInstant(options: { instant: Date; zone: string }): string {
  return formatNewsroomTime({
    instant: options.instant,
    zone: options.zone,
    style: "house",
    zoneLabel: "specific",
  });
}
