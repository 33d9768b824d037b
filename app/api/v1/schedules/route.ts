import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import { listUpcomingSchedules } from "@/lib/schedules/list-schedules";

export const dynamic = "force-dynamic";

/** The newsroom-wide "what goes out next": waiting and held schedules, soonest first. */
export const GET = apiRoute({
  name: "GET /api/v1/schedules",
  run: async ({ actor }) => json({ schedules: await listUpcomingSchedules({ actor }) }),
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
