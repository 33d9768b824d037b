import { AppError } from "@/lib/errors/app-error";

import { gapChoices, instantsOfLocalTime, labelInstant, parseLocalTime } from "./newsroom-local-time";

/** How far ahead a schedule or embargo may be set: a year of 365 days. Further is almost surely a typo. */
export const maxScheduleAheadMs = 365 * 86_400_000;

function refused(message: string, userMessage: string, details: Record<string, unknown> = {}): AppError {
  return new AppError({
    code: "validation_failed",
    message,
    userMessage,
    details: { fields: [{ path: "localTime", message: userMessage }], ...details },
  });
}

/**
 * The UTC instant a person meant: a newsroom wall-clock time (refused inside the spring-forward gap, with the
 * times either side; asked "which?" in the fall-back hour, with both instants) or an exact instant. Refused
 * when not after `now` or more than a year ahead of it. Pure: the caller passes the clock.
 */
export function resolveScheduleTime(options: {
  input: { localTime?: string; fold?: "earlier" | "later"; runAt?: string };
  zone: string;
  now: Date;
  what?: string;
}): Date {
  const { input, zone, now } = options;
  const what = options.what ?? "This schedule";
  let instant: Date;
  if (input.runAt !== undefined) {
    instant = new Date(input.runAt);
  } else {
    const local = parseLocalTime(input.localTime ?? "");
    if (!local) {
      throw refused(
        `unreadable local time ${JSON.stringify(input.localTime)}`,
        "Enter the date and time as YYYY-MM-DD HH:MM, in newsroom time.",
      );
    }
    const instants = instantsOfLocalTime({ local, zone });
    if (instants.length === 0) {
      const { before, after } = gapChoices({ local, zone });
      const typed = input.localTime!.replace("T", " ");
      throw refused(
        `local time ${typed} falls in the spring-forward gap of ${zone}`,
        `${typed} does not exist in newsroom time (${zone}): the clocks jump forward then. Choose ${labelInstant({ instant: before, zone })} or ${labelInstant({ instant: after, zone })}.`,
        {
          choices: [
            { instant: before.toISOString(), label: labelInstant({ instant: before, zone }) },
            { instant: after.toISOString(), label: labelInstant({ instant: after, zone }) },
          ],
        },
      );
    }
    if (instants.length > 1 && input.fold === undefined) {
      const [first, second] = instants as [Date, Date];
      const choices = [
        { fold: "earlier", instant: first.toISOString(), label: labelInstant({ instant: first, zone }) },
        { fold: "later", instant: second.toISOString(), label: labelInstant({ instant: second, zone }) },
      ];
      throw refused(
        `local time ${input.localTime} happens twice in ${zone}`,
        `${input.localTime!.replace("T", " ")} happens twice in newsroom time (${zone}), because the clocks go back. Which one: ${choices[0]!.label} (earlier) or ${choices[1]!.label} (later)?`,
        { choices },
      );
    }
    instant = input.fold === "later" ? instants.at(-1)! : instants[0]!;
  }
  if (instant.getTime() <= now.getTime()) {
    throw refused(
      `time ${instant.toISOString()} is not after now ${now.toISOString()}`,
      `${what} is set for ${labelInstant({ instant, zone })}, which has already passed. Choose a time in the future.`,
    );
  }
  if (instant.getTime() - now.getTime() > maxScheduleAheadMs) {
    throw refused(
      `time ${instant.toISOString()} is more than a year ahead`,
      `${labelInstant({ instant, zone })} is more than a year ahead; a schedule can be at most 365 days away.`,
    );
  }
  return instant;
}
