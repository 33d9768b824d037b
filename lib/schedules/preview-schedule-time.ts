import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { parseInput } from "@/lib/validation/parse-input";

import { labelInstant } from "./newsroom-local-time";
import { resolveScheduleTime } from "./resolve-schedule-time";
import { databaseNow } from "./schedule-history";
import { ScheduleTimeInput } from "./schedule-input";

/**
 * The instant a typed schedule time means, checked as scheduling checks it (the database's clock, the
 * newsroom's zone), for the confirmation to say when it goes out before anything is written. Refusals carry
 * their choices.
 */
export async function previewScheduleTime(options: {
  actor: Actor;
  input: unknown;
}): Promise<{ runAt: string; label: string }> {
  assertCan({ actor: options.actor, permission: "schedule:manage" });
  const input = parseInput({ schema: ScheduleTimeInput, input: options.input });
  const zone = getEnv().NEWSROOM_TIME_ZONE;
  const instant = resolveScheduleTime({ input, zone, now: await databaseNow({ tx: getDb() }) });
  return { runAt: instant.toISOString(), label: labelInstant({ instant, zone }) };
}
