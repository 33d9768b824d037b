import { isDatabaseUnavailable } from "@/lib/db/connection-loss";
import { logger } from "@/lib/log/logger";
import { databaseUnavailableMessage } from "@/lib/server/shared-constants.mjs";

import { fieldProblemsOf, isAppError } from "./app-error";

export type FormState<Result = undefined> =
  | { status: "idle" }
  | { status: "success"; message: string; result: Result }
  | { status: "error"; code: string; message: string; fieldErrors: Record<string, string>; details: unknown };

/**
 * The one adapter from any thrown error to a form's error state. Unexpected errors are logged, never echoed.
 */
export function formErrorState(
  error: unknown,
  context?: { action?: string },
): Extract<FormState, { status: "error" }> {
  if (isAppError(error)) {
    const fields = fieldProblemsOf(error);
    return {
      status: "error",
      code: error.code,
      message: error.userMessage,
      fieldErrors: Object.fromEntries(fields.map((field) => [field.path, field.message])),
      details: error.code === "conflict" ? error.details : null,
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.error("database unavailable in server action", { action: context?.action, error });
    return {
      status: "error",
      code: "unavailable",
      message: `${databaseUnavailableMessage} Your changes are still here.`,
      fieldErrors: {},
      details: null,
    };
  }
  logger.error("unexpected error in server action", { action: context?.action, error });
  return {
    status: "error",
    code: "internal",
    message: "Something went wrong on our side. Your changes are still here; please try again.",
    fieldErrors: {},
    details: null,
  };
}
