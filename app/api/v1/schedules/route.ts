import { apiRoute, json, otherMethods } from "@/app/api/v1/_support/api-route";
import { authenticateRequest } from "@/lib/auth/request-actor";
import { listUpcomingSchedules } from "@/lib/schedules/list-schedules";

export const dynamic = "force-dynamic";

/** The newsroom-wide "what goes out next": waiting and held schedules, soonest first. */
export const GET = apiRoute("GET /api/v1/schedules", async (request) => {
  const actor = await authenticateRequest({ request });
  return json({ schedules: await listUpcomingSchedules({ actor }) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ allow: ["GET"] });
