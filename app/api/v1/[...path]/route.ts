import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";

export const dynamic = "force-dynamic";

/**
 * Any address under /api/v1 that names no endpoint: the JSON not-found, whatever the method, before any
 * sign-in.
 */
async function unknownEndpoint(request: Request): Promise<Response> {
  return errorResponse(
    new AppError({
      code: "not_found",
      message: `no API endpoint ${request.method} ${new URL(request.url).pathname}`,
      userMessage: "There is no API endpoint at this address. The endpoints are listed in docs/api.md.",
    }),
  );
}

export {
  unknownEndpoint as GET,
  unknownEndpoint as POST,
  unknownEndpoint as PUT,
  unknownEndpoint as PATCH,
  unknownEndpoint as DELETE,
};
