import { authenticateRequest } from "@/lib/auth/request-actor";
import { errorResponse } from "@/lib/errors/error-response";

export const dynamic = "force-dynamic";

/** Who the API sees: lets an integration check its token before doing real work. */
export async function GET(request: Request) {
  try {
    const actor = await authenticateRequest({ request });
    return Response.json(
      { email: actor.email, name: actor.name, role: actor.role, via: actor.via },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, { route: "GET /api/v1/me" });
  }
}
