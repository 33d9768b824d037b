import { wallClock } from "@/lib/editorial/newsroom-time";
import { gapChoices, instantsOfLocalTime } from "@/lib/schedules/newsroom-local-time";

/** A calendar day in the newsroom's zone. */
export type NewsroomDay = { year: number; month: number; day: number };

/**
 * The first instant of a newsroom day: its midnight, or, where a zone skips midnight for daylight saving, the
 * first minute after the jump.
 */
export function newsroomDayStart(options: { day: NewsroomDay; zone: string }): Date {
  const local = { ...options.day, hour: 0, minute: 0 };
  const [first] = instantsOfLocalTime({ local, zone: options.zone });
  return first ?? gapChoices({ local, zone: options.zone }).after;
}

/** The newsroom day after `day` (calendar arithmetic in UTC, where every day has 24 hours). */
export function nextNewsroomDay(day: NewsroomDay): NewsroomDay {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The newsroom day an instant falls on. */
export function newsroomDayOf(options: { instant: Date; zone: string }): NewsroomDay {
  const { year, month, day } = wallClock(options);
  return { year, month, day };
}
