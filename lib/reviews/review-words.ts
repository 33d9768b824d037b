import "server-only";

import type { ReviewState } from "@/lib/db/generated/enums";
import { getEnv } from "@/lib/env";
import { labelInstant } from "@/lib/schedules/newsroom-local-time";

/** An instant as the newsroom reads it ("December 7, 2026 at 10:05 AM EST"). */
export function atNewsroomTime(instant: Date): string {
  return labelInstant({ instant, zone: getEnv().NEWSROOM_TIME_ZONE });
}

/** What became of a request that is no longer waiting, by whom and when: for refusals. */
export function settledWords(options: {
  state: Exclude<ReviewState, "waiting">;
  by: string;
  at: Date;
}): string {
  const when = atNewsroomTime(options.at);
  switch (options.state) {
    case "approved":
      return `This request was already approved by ${options.by} at ${when}.`;
    case "changes_requested":
      return `Changes were already requested on this by ${options.by} at ${when}.`;
    case "withdrawn":
      return `This request was withdrawn by ${options.by} at ${when}.`;
  }
}
