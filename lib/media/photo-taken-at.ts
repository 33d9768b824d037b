import { instantsOfLocalTime, type LocalTime } from "@/lib/schedules/newsroom-local-time";

import type { PhotoTags } from "./read-photo-tags";

type Parts = LocalTime & { second: number; offsetMinutes: number | null };

/** "+0300", "+03:00", "-05", "Z" → minutes east of UTC; null when absent or not an offset. */
function offsetMinutes(text: string | undefined): number | null {
  if (!text) return null;
  if (text === "Z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

function isRealDate(parts: Pick<Parts, "year" | "month" | "day">): boolean {
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  return (
    parts.year >= 1800 &&
    check.getUTCFullYear() === parts.year &&
    check.getUTCMonth() === parts.month - 1 &&
    check.getUTCDate() === parts.day
  );
}

/**
 * The instant of a date and optional time as photo metadata writes them. With an offset it is exact. Without
 * one (EXIF cameras, a date-only IPTC record) the wall clock is read in the newsroom's zone, the best guess
 * for a newsroom's own photographers; a date with no time at all is taken as noon there, so it files under
 * the same day in the library whichever hour it was shot.
 */
function instantOf(options: { date: string; time?: string; zone: string }): Date | null {
  const date = /^(\d{4})[-:]?(\d{2})[-:]?(\d{2})$/.exec(options.date.trim());
  if (!date) return null;
  const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
  if (!isRealDate({ year, month, day })) return null;
  const time = options.time
    ? /^(\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(options.time.trim())
    : null;
  if (options.time && !time) return null;
  const hour = time ? Number(time[1]) : 12;
  const minute = time ? Number(time[2]) : 0;
  const second = time?.[3] ? Number(time[3]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = offsetMinutes(time?.[4]);
  if (offset !== null)
    return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
  const [first] = instantsOfLocalTime({ local: { year, month, day, hour, minute }, zone: options.zone });
  return first ? new Date(first.getTime() + second * 1000) : null;
}

const textOf = (value: unknown) =>
  typeof value === "string"
    ? value
    : Array.isArray(value) && typeof value[0] === "string"
      ? value[0]
      : undefined;

/**
 * When the photo was taken, by the first of these the file carries: IPTC Date Created (with Time Created),
 * what wire services fill in; XMP photoshop:DateCreated, its XMP twin; EXIF DateTimeOriginal (with its
 * offset when the camera wrote one), the camera's clock; then EXIF CreateDate.
 */
export function photoTakenAt(options: { tags: PhotoTags; zone: string }): Date | null {
  const { exif, iptc, xmp } = options.tags;
  const zone = options.zone;
  const iptcDate = textOf(iptc.DateCreated);
  if (iptcDate) {
    const instant = instantOf({ date: iptcDate, time: textOf(iptc.TimeCreated), zone });
    if (instant) return instant;
  }
  const photoshop =
    xmp.photoshop && typeof xmp.photoshop === "object" ? (xmp.photoshop as Record<string, unknown>) : {};
  const xmpDate = textOf(photoshop.DateCreated);
  if (xmpDate) {
    const [date, time] = xmpDate.trim().split("T");
    const instant = instantOf({ date: date!, time, zone });
    if (instant) return instant;
  }
  for (const [name, offsetName] of [
    ["DateTimeOriginal", "OffsetTimeOriginal"],
    ["CreateDate", "OffsetTimeDigitized"],
  ] as const) {
    const value = textOf(exif[name]);
    if (!value) continue;
    const [date, time] = value.trim().split(" ");
    const instant = instantOf({
      date: date!,
      time: time ? `${time}${textOf(exif[offsetName]) ?? ""}` : undefined,
      zone,
    });
    if (instant) return instant;
  }
  return null;
}
