/** How long a request has waited, as the queue says it: "waiting 2 h 10 min", "waiting 3 days 4 h". */
export function waitingWords(options: { since: string | Date; now: Date }): string {
  const minutes = Math.max(
    0,
    Math.floor((options.now.getTime() - new Date(options.since).getTime()) / 60_000),
  );
  if (minutes < 1) return "waiting less than a minute";
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `waiting ${days} day${days === 1 ? "" : "s"}${hours > 0 ? ` ${hours} h` : ""}`;
  if (hours > 0) return `waiting ${hours} h${rest > 0 ? ` ${rest} min` : ""}`;
  return `waiting ${rest} min`;
}
