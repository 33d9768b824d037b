/**
 * Newsroom time formatting. Calendar fields come from Intl.DateTimeFormat with the newsroom's IANA zone, so
 * daylight-saving changes are the platform's job, never offset arithmetic of ours. The hour is read on a
 * 24-hour clock (0–23) and turned into 1–12 plus AM/PM here, so "15:07 PM" cannot be produced.
 *
 * Zone label: by default the generic name ("ET", "CT", "PT") — a reader does not need to know whether
 * daylight time is in force, and "ET" is what US newsrooms print. `zoneLabel: "specific"` gives "EST"/"EDT".
 * Zones without a short generic name fall back to the platform's short name ("GMT", "UTC", "GMT+1").
 */
export type TimeStyle = "house" | "ap";
export type ZoneLabel = "generic" | "specific";

const houseMonths = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
// AP abbreviates months of more than five letters when used with a date; March–July stay whole.
const apMonths = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
] as const;

export type NewsroomClock = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  zoneLabel: string;
};

const fieldFormats = new Map<string, Intl.DateTimeFormat>();
const labelFormats = new Map<string, Intl.DateTimeFormat>();

function fieldFormat(zone: string): Intl.DateTimeFormat {
  let format = fieldFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    fieldFormats.set(zone, format);
  }
  return format;
}

function labelFormat(zone: string, kind: "shortGeneric" | "short"): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`;
  let format = labelFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: kind });
    labelFormats.set(key, format);
  }
  return format;
}

function zoneName(instant: Date, zone: string, kind: "shortGeneric" | "short"): string {
  return (
    labelFormat(zone, kind)
      .formatToParts(instant)
      .find((part) => part.type === "timeZoneName")?.value ?? zone
  );
}

function zoneLabelFor(instant: Date, zone: string, label: ZoneLabel): string {
  if (label === "generic") {
    const generic = zoneName(instant, zone, "shortGeneric");
    // "ET", "PT", "HST" — but not "Germany Time" or "GMT+1", which read badly after a clock time.
    if (/^[A-Z]{2,5}$/.test(generic)) return generic;
  }
  return zoneName(instant, zone, "short");
}

/** The wall clock of an instant in a zone, to the second (hour on a 24-hour clock), without a zone label. */
export function wallClock(options: {
  instant: Date;
  zone: string;
}): Omit<NewsroomClock, "zoneLabel"> & { second: number } {
  const { instant, zone } = options;
  if (Number.isNaN(instant.getTime())) throw new RangeError("wallClock needs a valid instant");
  const fields: Record<string, number> = {};
  for (const part of fieldFormat(zone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    // Some engines have printed midnight as "24" even with h23; both mean the first hour of the day.
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** The wall-clock fields of an instant in a zone (hour on a 24-hour clock), with the zone's label. */
export function newsroomClock(options: {
  instant: Date;
  zone: string;
  zoneLabel?: ZoneLabel;
}): NewsroomClock {
  const { instant, zone } = options;
  const { year, month, day, hour, minute } = wallClock({ instant, zone });
  return {
    year,
    month,
    day,
    hour,
    minute,
    zoneLabel: zoneLabelFor(instant, zone, options.zoneLabel ?? "generic"),
  };
}

function twelveHour(hour: number): { hour: number; afternoon: boolean } {
  return { hour: hour % 12 === 0 ? 12 : hour % 12, afternoon: hour >= 12 };
}

function houseTime(clock: NewsroomClock): string {
  const { hour, afternoon } = twelveHour(clock.hour);
  return `${hour}:${String(clock.minute).padStart(2, "0")} ${afternoon ? "PM" : "AM"}`;
}

// AP: "3 p.m." on the hour, "3:07 p.m." otherwise, and "noon" / "midnight" instead of 12 o'clock.
function apTime(clock: NewsroomClock): string {
  if (clock.minute === 0 && clock.hour === 12) return "noon";
  if (clock.minute === 0 && clock.hour === 0) return "midnight";
  const { hour, afternoon } = twelveHour(clock.hour);
  const minutes = clock.minute === 0 ? "" : `:${String(clock.minute).padStart(2, "0")}`;
  return `${hour}${minutes} ${afternoon ? "p.m." : "a.m."}`;
}

/**
 * "February 12, 2025 at 3:07 PM ET" (house) or "Feb. 12, 2025, 3:07 p.m. ET" (AP).
 */
export function formatNewsroomTime(options: {
  instant: Date;
  zone: string;
  style: TimeStyle;
  zoneLabel?: ZoneLabel;
}): string {
  const clock = newsroomClock(options);
  if (options.style === "ap") {
    return `${apMonths[clock.month - 1]} ${clock.day}, ${clock.year}, ${apTime(clock)} ${clock.zoneLabel}`;
  }
  return `${houseMonths[clock.month - 1]} ${clock.day}, ${clock.year} at ${houseTime(clock)} ${clock.zoneLabel}`;
}

/** "February 12, 2025" / "Feb. 12, 2025": a date without a clock, for notes and lists. */
export function formatNewsroomDate(options: { instant: Date; zone: string; style: TimeStyle }): string {
  const clock = newsroomClock(options);
  const months = options.style === "ap" ? apMonths : houseMonths;
  return `${months[clock.month - 1]} ${clock.day}, ${clock.year}`;
}
